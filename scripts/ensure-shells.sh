#!/usr/bin/env bash
# The completion tests run in real bash, zsh and fish. Install the missing shells from Debian's
# packages when we can (root with apt-get, as on CI); otherwise say which tests will be skipped.
missing=()
for sh in zsh fish; do command -v "$sh" >/dev/null 2>&1 || missing+=("$sh"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} for the completion tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }; then
    exit 0
  fi
fi
echo "note: ${missing[*]} not installed and cannot be installed here: their completion tests will be skipped" >&2
exit 0
