#!/usr/bin/env bash
# Joda-Time 2.10.5 (what logstash-filter-date parses with) from Maven Central and a small harness
# compiled against it, for test/unit/simulate-joda-diff.test.ts. Idempotent: a warm machine only checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup-lib.sh
source "$ROOT/scripts/setup-lib.sh"
HARNESS="$ROOT/tools/joda-harness"
OUT="$ROOT/.tools/joda-harness"

begin "Joda-Time harness"
apt_install default-jdk-headless maven
if [ ! -f "$OUT/lib/joda-time-2.10.5.jar" ]; then
  mkdir -p "$OUT/lib"
  mvn -q -B -f "$HARNESS/pom.xml" dependency:copy-dependencies -DoutputDirectory="$OUT/lib"
fi
if [ ! -f "$OUT/classes/JodaHarness.class" ] || [ "$HARNESS/src/JodaHarness.java" -nt "$OUT/classes/JodaHarness.class" ]; then
  mkdir -p "$OUT/classes"
  javac -encoding UTF-8 -cp "$OUT/lib/*" -d "$OUT/classes" "$HARNESS/src/JodaHarness.java"
fi
done_step "jar in $OUT/lib, harness in $OUT/classes"
