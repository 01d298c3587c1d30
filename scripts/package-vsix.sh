#!/usr/bin/env bash
# Builds the bundles and packs them into dist/logsmith.vsix (what try-it.sh and the e2e
# harness install into code-server). .vscodeignore decides what goes in.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Minified: the VSIX ships no source maps, and smaller bundles load faster on activation.
npm run --silent build -- --production
# --no-dependencies: esbuild bundles every runtime dependency, node_modules never ships.
# --allow-missing-repository: the project has no public repository URL yet; README links
# stay relative. Stdin is closed so that any question vsce would ask fails instead of hanging.
# docs/marketplace.md is the extension page's README (README.md is for contributors). vsce ships
# it as the VSIX's readme.md at the extension root, so its screenshot links (docs/images/, taken by
# the e2e suite and shipped too) are written relative to the repository root and left as they are:
# without a repository URL vsce has nothing to rewrite them to.
npx --no-install vsce package --no-dependencies --allow-missing-repository \
  --readme-path docs/marketplace.md --no-rewrite-relative-links \
  -o dist/logsmith.vsix </dev/null
ls -l dist/logsmith.vsix
