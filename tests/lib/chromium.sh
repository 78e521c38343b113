# A Chromium that runs, for the browser tests (source it): CHROMIUM is the
# one the user named, else chromium or chromium-browser when it answers
# --version; Ubuntu's chromium-browser package is only a wrapper asking
# for the snap, which cannot run here. Empty when there is none.
chromium_found() {
	for c in ${CHROMIUM:-chromium chromium-browser}; do
		p=$(command -v "$c") || continue
		timeout 20 "$p" --version >/dev/null 2>&1 && { echo "$p"; return 0; }
	done
	return 1
}
CHROMIUM=$(chromium_found)
