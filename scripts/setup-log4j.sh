#!/usr/bin/env bash
# log4j 1.2 and log4j 2 (with JsonTemplateLayout, Jackson for JsonLayout) and logstash's
# jsonevent-layout from Maven Central, and the harness compiled against them, for
# test/cli/logformat-log4j.test.ts. Idempotent: a warm machine only checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup-lib.sh
source "$ROOT/scripts/setup-lib.sh"
HARNESS="$ROOT/tools/log4j-harness"
OUT="$ROOT/.tools/log4j-harness"

begin "log4j harness"
apt_install default-jdk-headless maven
if [ ! -f "$OUT/lib/log4j-core-2.24.3.jar" ] || [ ! -f "$OUT/lib/jsonevent-layout-1.7.jar" ]; then
  mkdir -p "$OUT/lib"
  mvn -q -B -f "$HARNESS/pom.xml" dependency:copy-dependencies -DoutputDirectory="$OUT/lib"
fi
if [ ! -f "$OUT/classes/Harness.class" ] || [ "$HARNESS/src/Harness.java" -nt "$OUT/classes/Harness.class" ]; then
  mkdir -p "$OUT/classes"
  javac -encoding UTF-8 -cp "$OUT/lib/*" -d "$OUT/classes" "$HARNESS/src/Harness.java"
fi
done_step "jars in $OUT/lib, harness in $OUT/classes"
