#!/usr/bin/env bash
# The device-login browser test drives Debian's Chromium through playwright-core (which never
# downloads a browser of its own). Install it, and a font with Chinese glyphs so the Chinese pages'
# screenshots show text rather than boxes, from Debian's packages when we can (root with apt-get,
# as on CI); otherwise say that the browser test will be skipped.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} for the browser test…" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }; then
    exit 0
  fi
fi
echo "note: ${missing[*]} not installed and cannot be installed here: the browser test will be skipped or its Chinese screenshots show boxes" >&2
exit 0
