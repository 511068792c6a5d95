#!/usr/bin/env bash
# The completion tests run in real bash, zsh and fish. Install the missing shells from Debian's
# packages when we can (root with apt-get, as on CI); otherwise say which tests will be skipped.
. "$(dirname "$0")/apt-install.sh"
missing=()
for sh in zsh fish; do command -v "$sh" >/dev/null 2>&1 || missing+=("$sh"); done
[ ${#missing[@]} -eq 0 ] && exit 0
apt_install "for the completion tests" "${missing[@]}" && exit 0
echo "note: ${missing[*]} not installed and cannot be installed here: their completion tests will be skipped" >&2
exit 0
