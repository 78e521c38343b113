#!/bin/sh
# The German and Italian catalogues as a user sees them: autojail's own
# messages in the language of the locale.
. "$top_srcdir/tests/cli/tap.sh"
aj="$AUTOJAIL"

plan 6
# gettext's po/Makefile puts the compiled catalogues beside the sources.
gmo_dir="$top_builddir/po"
[ -f "$gmo_dir/de.gmo" ] || gmo_dir="$top_srcdir/po"
if [ "$USE_NLS" != yes ] || ! command -v localedef >/dev/null ||
	[ ! -f /usr/share/i18n/locales/de_DE ] || [ ! -f "$gmo_dir/de.gmo" ]; then
	for i in 1 2 3 4 5 6; do skip "no NLS, no localedef or no locale sources"; done
	exit 0
fi
# Private locales and catalogues: nothing on the system changes.
mkdir -p "$tap_tmp/loc"
for lang in de it; do
	case $lang in de) loc=de_DE ;; it) loc=it_IT ;; esac
	localedef -i $loc -f UTF-8 "$tap_tmp/loc/$loc.UTF-8" 2>/dev/null
	mkdir -p "$tap_tmp/cat/$lang/LC_MESSAGES"
	cp "$gmo_dir/$lang.gmo" "$tap_tmp/cat/$lang/LC_MESSAGES/autojail.mo"
done
in_lang() {
	loc=$1
	shift
	LOCPATH="$tap_tmp/loc" LC_ALL="$loc" LANGUAGE= AUTOJAIL_LOCALEDIR="$tap_tmp/cat" "$@"
}
LC_ALL=C "$aj" --help >"$tap_tmp/en" 2>&1
in_lang de_DE.UTF-8 "$aj" --help >"$tap_tmp/de" 2>&1
in_lang it_IT.UTF-8 "$aj" --help >"$tap_tmp/it" 2>&1
ok "German help differs from the English one" sh -c "! cmp -s '$tap_tmp/en' '$tap_tmp/de'"
ok "... and says 'Befehle'" grep -q "Befehle" "$tap_tmp/de"
ok "Italian help differs from the English one" sh -c "! cmp -s '$tap_tmp/en' '$tap_tmp/it'"
ok "... and says 'Comandi'" grep -q "Comandi" "$tap_tmp/it"
in_lang de_DE.UTF-8 "$aj" frobnicate >/dev/null 2>"$tap_tmp/de-err"
ok "errors are translated too" sh -c "! grep -q 'unknown command' '$tap_tmp/de-err' && grep -q frobnicate '$tap_tmp/de-err'"
ok "every catalogue is complete and its formats match" \
	sh -c "for f in '$top_srcdir'/po/*.po; do msgfmt -c --statistics -o /dev/null \"\$f\" 2>&1 | grep -q -E 'untranslated|fuzzy' && exit 1; done; exit 0"
exit 0
