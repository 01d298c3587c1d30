#!/usr/bin/env bash
# Joda-Time 2.10.5 (what logstash-filter-date parses with) from Maven Central and a small harness
# compiled against it, for test/unit/simulate-joda-diff.test.ts. Idempotent: a warm machine only checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup-lib.sh
source "$ROOT/scripts/setup-lib.sh"
OUT="$ROOT/.tools/joda-harness"

begin "Joda-Time harness"
build_java_harness joda-harness JodaHarness "joda-time-2.10.5.jar"
done_step "jar in $OUT/lib, harness in $OUT/classes"
