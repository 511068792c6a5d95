# Sourced by the pretest scripts: installs Debian packages the tests need when we can (root with
# apt-get, as on CI; `apt-get update` first only if the install needs it). Returns non-zero otherwise.
# Usage: apt_install "for what" PACKAGE...
apt_install() {
  local purpose="$1"
  shift
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "installing $* $purpose…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$@" >/dev/null 2>&1; }
}
