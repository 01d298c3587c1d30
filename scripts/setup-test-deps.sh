#!/usr/bin/env bash
# Everything the test suites need that npm does not install: runs every scripts/setup-*.sh (code-server
# and Chromium, Elasticsearch, sshd, redis, apache2, log4j jars, …) in name order. Each is idempotent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
start=$(date +%s)
for script in "$ROOT"/scripts/setup-*.sh; do
  case "$(basename "$script")" in setup-lib.sh|setup-test-deps.sh) continue ;; esac
  bash "$script"
done
echo "==> test dependencies ready in $(( $(date +%s) - start ))s"
