#!/bin/sh
# Translations from the build tree, as a user who has just built autojail
# sees them: no make install, no AUTOJAIL_LOCALEDIR. With the locale
# defined (a private one made by localedef), without any definition of it
# (a fresh Debian has only C.UTF-8), and with LANGUAGE in C.UTF-8. A copy
# of the program outside the build tree does not read the build tree's
# catalogues.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"
unset AUTOJAIL_LOCALEDIR LANGUAGE LC_ALL LC_MESSAGES LANG

plan 9
if [ "$USE_NLS" != yes ]; then
	for i in 1 2 3 4 5 6 7 8 9; do skip "built without NLS"; done
	exit 0
fi

# with_locale ENV... -- COMMAND...: runs the command with only these locale variables.
with_locale() {
	vars=
	while [ "$1" != -- ]; do
		vars="$vars $1"
		shift
	done
	shift
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG $vars "$@"
}

ok "make compiles the catalogues into a locale directory, from the current .po" sh -c "
	msgfmt -o '$tap_tmp/de.mo' '$top_srcdir/po/de.po' &&
	cmp '$top_builddir/po/locale/de/LC_MESSAGES/autojail.mo' '$tap_tmp/de.mo' &&
	test -s '$top_builddir/po/locale/it/LC_MESSAGES/autojail.mo'"

# The locale defined, privately: nothing on the system changes.
if command -v localedef >/dev/null && [ -f /usr/share/i18n/locales/de_DE ]; then
	mkdir -p "$tap_tmp/loc"
	localedef -i de_DE -f UTF-8 "$tap_tmp/loc/de_DE.UTF-8" 2>/dev/null
	with_locale LOCPATH="$tap_tmp/loc" LANG=de_DE.UTF-8 -- "$aj" --help >"$tap_tmp/de-defined" 2>&1
	ok "LANG=de_DE.UTF-8 with the locale defined: the help is German" \
		grep -q "^Befehle:" "$tap_tmp/de-defined"
else
	skip "no localedef or no locale sources to define de_DE.UTF-8 with"
fi

# Whether this C library's gettext follows LANGUAGE in C.UTF-8, asked of a
# catalogue and a program of our own: glibc 2.39 (Ubuntu 24.04) treats
# C.UTF-8 as C and ignores it, so there a locale with no definition can
# give no translation, whatever autojail does.
language_in_c_utf8() {
	mkdir -p "$tap_tmp/probe/de/LC_MESSAGES"
	printf 'msgid "yes"\nmsgstr "ja"\n' >"$tap_tmp/probe.po"
	msgfmt -o "$tap_tmp/probe/de/LC_MESSAGES/probe.mo" "$tap_tmp/probe.po" || return 1
	cat >"$tap_tmp/probe.c" <<EOF
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
int main(void)
{
	setlocale(LC_ALL, "");
	bindtextdomain("probe", "$tap_tmp/probe");
	textdomain("probe");
	puts(gettext("yes"));
	return 0;
}
EOF
	${CC:-cc} -o "$tap_tmp/probe-bin" "$tap_tmp/probe.c" 2>/dev/null &&
		[ "$(env LANGUAGE=de LC_ALL=C.UTF-8 "$tap_tmp/probe-bin")" = ja ]
}

if language_in_c_utf8; then
	# No definition: de_ZZ is no locale anywhere, as de_DE.UTF-8 is none
	# on a fresh system; the language comes from the name.
	with_locale LANG=de_ZZ.UTF-8 -- "$aj" --help >"$tap_tmp/de-undefined" 2>&1
	ok "a UTF-8 locale that is not defined still gives German" \
		grep -q "^Befehle:" "$tap_tmp/de-undefined"
	ok "... the same text as with the locale defined or as installed" sh -c "
		[ ! -f '$tap_tmp/de-defined' ] || cmp '$tap_tmp/de-defined' '$tap_tmp/de-undefined'"
	ok "... where a LANGUAGE the user set wins" sh -c "
		env -u LC_ALL -u LC_MESSAGES LANG=de_ZZ.UTF-8 LANGUAGE=it '$aj' --help |
		grep -q '^Comandi:'"
	ok "LANGUAGE=it with LC_ALL=C.UTF-8: Italian" sh -c "
		env LANGUAGE=it LC_ALL=C.UTF-8 '$aj' --help | grep -q '^Comandi:'"
	ok "errors are translated from the build tree too" sh -c "
		env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=de_ZZ.UTF-8 '$aj' frobnicate 2>&1 >/dev/null |
		grep frobnicate | grep -qv 'unknown command'"
	c_utf8=yes
else
	for i in 1 2 3 4 5; do
		skip "this C library ignores LANGUAGE in C.UTF-8: a locale with no definition cannot be translated here"
	done
	c_utf8=no
fi
# As the machine has it: defined, or (where gettext allows) through C.UTF-8.
if [ $c_utf8 = yes ] || locale -a 2>/dev/null | grep -qix 'de_DE.utf-\{0,1\}8'; then
	ok "LANG=de_DE.UTF-8 as this machine has it: German" sh -c "
		env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=de_DE.UTF-8 '$aj' --help | grep -q '^Befehle:'"
else
	skip "de_DE.UTF-8 is not defined here and this C library ignores LANGUAGE in C.UTF-8"
fi

# An installed program reads the installed catalogues: a copy elsewhere
# must not find the build tree's (unless an installed autojail.mo is there).
mkdir -p "$tap_tmp/bin"
cp "$aj" "$tap_tmp/bin/autojail"
if ls /usr/share/locale/de/LC_MESSAGES/autojail.mo \
	/usr/local/share/locale/de/LC_MESSAGES/autojail.mo >/dev/null 2>&1; then
	skip "autojail's catalogues are installed on this machine"
else
	ok "a copy outside the build tree does not read the build tree's catalogues" sh -c "
		env LANGUAGE=de LC_ALL=C.UTF-8 '$tap_tmp/bin/autojail' --help | grep -q '^Commands:'"
fi
