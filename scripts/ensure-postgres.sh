#!/usr/bin/env bash
# The server suite also runs against a real PostgreSQL (test/helpers/pg-cluster.ts starts a throwaway
# cluster with initdb). Install Debian's server package when it is missing and we can (root with
# apt-get, as on CI); otherwise the PostgreSQL half of the suite fails with a message saying so.
. "$(dirname "$0")/apt-install.sh"
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && exit 0
apt_install "for the PostgreSQL server tests" postgresql && exit 0
echo "note: PostgreSQL (Debian's postgresql package) is not installed and cannot be installed here: the PostgreSQL server tests will fail" >&2
exit 0
