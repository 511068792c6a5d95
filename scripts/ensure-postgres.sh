#!/usr/bin/env bash
# The server suite also runs against a real PostgreSQL (test/helpers/pg-cluster.ts starts a throwaway
# cluster with initdb). Install Debian's server package when it is missing and we can (root with
# apt-get, as on CI); otherwise the PostgreSQL half of the suite fails with a message saying so.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing postgresql for the server tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -qq postgresql >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq postgresql >/dev/null 2>&1; }; then
    exit 0
  fi
fi
echo "note: PostgreSQL (Debian's postgresql package) is not installed and cannot be installed here: the PostgreSQL server tests will fail" >&2
exit 0
