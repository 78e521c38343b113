#!/bin/sh
# Lists every C source and header that marks strings with _() or N_() into POTFILES.in.
cd "$(dirname "$0")/.."
{
	echo "# Files with translatable strings; po/update-potfiles.sh regenerates this list."
	git ls-files model src emit ui inmates/shmem | grep -E '\.[ch]$' |
		xargs grep -l -E '\b(N?_|P_)\(' | sort
} >po/POTFILES.in
