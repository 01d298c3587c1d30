#!/usr/bin/env bash
# Builds the bundles and packs them into dist/logsmith.vsix (what try-it.sh and the e2e
# harness install into code-server). .vscodeignore decides what goes in.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

npm run --silent build
# --no-dependencies: esbuild bundles every runtime dependency, node_modules never ships.
# --allow-missing-repository: the project has no public repository URL yet; README links
# stay relative. Stdin is closed so that any question vsce would ask fails instead of hanging.
npx --no-install vsce package --no-dependencies --allow-missing-repository \
  -o dist/logsmith.vsix </dev/null
ls -l dist/logsmith.vsix
