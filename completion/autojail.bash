# bash completion for autojail: commands, options and their values, verbs,
# cell and region names. The words come from the program itself
# (autojail complete, src/cmd-complete.c), which reads the project -C names
# as every command does, so that this file never changes with the commands.

_autojail()
{
	local line=${COMP_LINE:0:COMP_POINT} dir=. i=1 cur brk out c
	local -a words=()

	# The words are split here, at white space only: bash's own split also
	# breaks at ':' and '=', which region names have (misc@100000:1). No -r:
	# a backslash quotes as in the shell (communication\ region).
	# shellcheck disable=SC2162
	read -a words <<<"$line"
	[[ ${#words[@]} -eq 0 || $line == *[[:space:]] ]] && words+=("")
	cur=${words[${#words[@]} - 1]}
	# The options before the command; -C's project gives the names.
	while ((i < ${#words[@]} - 1)); do
		case ${words[i]} in
		-C) dir=${words[i + 1]} && ((i += 2)) ;;
		-q | --quiet | --ascii) ((i++)) ;;
		*) break ;;
		esac
	done
	COMPREPLY=()
	if [[ ${#words[@]} -ge 2 && ${words[${#words[@]} - 2]} == -C ]]; then
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		return
	fi
	((i > ${#words[@]} - 1)) && return
	out=$("${words[0]}" -C "${dir/#\~/$HOME}" complete -- "${words[@]:i}" 2>/dev/null)
	if [[ $out == @files ]]; then
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return
	fi
	# bash replaces only what follows the last ':' or '=' of the word.
	brk=${cur%"${cur##*[:=]}"}
	while IFS= read -r c; do
		[[ -n $c ]] && COMPREPLY+=("$(printf '%q' "${c#"$brk"}")")
	done <<<"$out"
}
complete -F _autojail autojail
