#!/usr/bin/env bash
# log4j 1.2 and log4j 2 (with JsonTemplateLayout, Jackson for JsonLayout) and logstash's
# jsonevent-layout from Maven Central, and the harness compiled against them, for
# test/cli/logformat-log4j.test.ts. Idempotent: a warm machine only checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup-lib.sh
source "$ROOT/scripts/setup-lib.sh"
OUT="$ROOT/.tools/log4j-harness"

begin "log4j harness"
build_java_harness log4j-harness Harness "log4j-core-2.24.3.jar" "jsonevent-layout-1.7.jar"
done_step "jars in $OUT/lib, harness in $OUT/classes"
