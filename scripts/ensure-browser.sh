#!/usr/bin/env bash
# The device-login browser test drives Debian's Chromium through playwright-core (which never
# downloads a browser of its own). Install it, and a font with Chinese glyphs so the Chinese pages'
# screenshots show text rather than boxes, from Debian's packages when we can; otherwise say that
# the browser test will be skipped.
. "$(dirname "$0")/apt-install.sh"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
apt_install "for the browser test" "${missing[@]}" && exit 0
echo "note: ${missing[*]} not installed and cannot be installed here: the browser test will be skipped or its Chinese screenshots show boxes" >&2
exit 0
