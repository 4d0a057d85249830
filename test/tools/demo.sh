#!/usr/bin/env bash
# The one command that sets everything up and starts the demo:
#
#   bash test/tools/demo.sh        (also: npm run demo)
#
# Installs and builds, packages sentry-explorer.vsix, installs the VS Code tools (code-server,
# Node 24, chromium; skipped when present), starts the Sentry test server with demo data
# (port 8031 or the next free one), installs the .vsix into a code-server under .demo/ and starts
# it on 127.0.0.1:8080 (or the next free port) with SENTRY_URL / SENTRY_AUTH_TOKEN pointing at the
# test server. Open the printed URL in a browser. Ctrl-C stops both servers.
#
# Env: DEMO_HOST (127.0.0.1), DEMO_PORT (8080), DEMO_SENTRY_PORT (8031), DEMO_SKIP_INSTALL=1 (skip
# npm ci/build/package when already done). `rm -rf .demo` resets the demo's VS Code state.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
DEMO="$ROOT/.demo"
HOST=${DEMO_HOST:-127.0.0.1}
CS_PORT=${DEMO_PORT:-8080}
SENTRY_PORT=${DEMO_SENTRY_PORT:-8031}
VSIX="$ROOT/sentry-explorer.vsix"

step() { printf '\n==> %s\n' "$*"; }

if [ "${DEMO_SKIP_INSTALL:-}" != 1 ]; then
  step "npm ci";               npm ci --no-fund --no-audit </dev/null
  step "build";                npm run build </dev/null
  step "compile test server";  npx tsc -p . </dev/null || echo "(tsc reported errors; continuing with what was emitted)"
  step "package .vsix";        rm -f "$VSIX"; npm run package </dev/null
fi
step "VS Code tools";          bash test/tools/setup-vscode-tools.sh </dev/null
[ -f "$VSIX" ] || { echo "missing $VSIX" >&2; exit 1; }
[ -f out/test/server/main.js ] || { echo "missing out/test/server/main.js (npx tsc -p .)" >&2; exit 1; }

mkdir -p "$DEMO"
RUN=$(mktemp -d "${TMPDIR:-/tmp}/sentry-demo-XXXXXX") # short path: VS Code's IPC sockets go here
SRV_PID=""; CS_PID=""
cleanup() {
  trap - EXIT INT TERM HUP
  set +e
  echo; echo "Stopping the demo..."
  [ -n "$CS_PID" ] && kill -TERM "$CS_PID" 2>/dev/null && wait "$CS_PID" 2>/dev/null
  [ -n "$SRV_PID" ] && kill -TERM "$SRV_PID" 2>/dev/null && wait "$SRV_PID" 2>/dev/null
  rm -rf "$RUN"
  echo "Stopped."
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

step "Sentry test server"
SENTRY_PORT=$(node -e 'require("./test/tools/codeServer").findPort(+process.argv[1]).then(p => console.log(p))' "$SENTRY_PORT")
node out/test/server/main.js --port "$SENTRY_PORT" >"$DEMO/sentry-server.out" 2>"$DEMO/sentry-server.log" &
SRV_PID=$!
SENTRY_URL=""; SENTRY_TOKEN=""
for _ in $(seq 1 300); do
  if line=$(grep -m1 '^{' "$DEMO/sentry-server.out" 2>/dev/null); then
    SENTRY_URL=$(node -e 'console.log(JSON.parse(process.argv[1]).url)' "$line")
    SENTRY_TOKEN=$(node -e 'console.log(JSON.parse(process.argv[1]).token || "demo-token")' "$line")
    break
  fi
  kill -0 "$SRV_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$SENTRY_URL" ]; then
  echo "The Sentry test server did not start:" >&2; cat "$DEMO/sentry-server.out" "$DEMO/sentry-server.log" >&2; exit 1
fi
echo "Sentry test server: $SENTRY_URL (token $SENTRY_TOKEN)"

step "VS Code (code-server) with sentry-explorer.vsix"
rm -rf "$DEMO/workspace"
cp -r test/fixtures/sample-workspace "$DEMO/workspace"
: >"$DEMO/code-server.out"
node test/tools/codeServer.js --host "$HOST" --port "$CS_PORT" --folder "$DEMO/workspace" \
  --user-data-dir "$DEMO/user-data" --extensions-dir "$DEMO/extensions" --run-dir "$RUN" \
  --install-vsix "$VSIX" --log "$DEMO/code-server.log" \
  --env "SENTRY_URL=$SENTRY_URL" --env "SENTRY_AUTH_TOKEN=$SENTRY_TOKEN" >"$DEMO/code-server.out" 2>&1 &
CS_PID=$!
URL=""
for _ in $(seq 1 1200); do
  URL=$(sed -nE 's/^code-server ready: (.*)$/\1/p' "$DEMO/code-server.out")
  [ -n "$URL" ] && break
  kill -0 "$CS_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then echo "code-server did not start:" >&2; cat "$DEMO/code-server.out" >&2; exit 1; fi

cat <<EOF

  Sentry Explorer demo is running.

    Open:   $URL
            (VS Code in the browser; click the "Sentry" icon in the activity bar)
    Sentry test server: $SENTRY_URL   token: $SENTRY_TOKEN
    Logs:   .demo/code-server.log, .demo/sentry-server.log

  Press Ctrl-C to stop both servers.
EOF

# wait in the foreground until Ctrl-C or until either server exits
while kill -0 "$CS_PID" 2>/dev/null && kill -0 "$SRV_PID" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
echo "A server exited:" >&2; tail -n 20 "$DEMO/code-server.out" "$DEMO/sentry-server.log" >&2
exit 1
