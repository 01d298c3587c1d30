#!/usr/bin/env bash
# Embedded Tomcat (tomcat-embed-core from Maven Central) and the harness compiled against it, for
# test/cli/logformat-tomcat.test.ts. Idempotent: a warm machine only checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup-lib.sh
source "$ROOT/scripts/setup-lib.sh"
HARNESS="$ROOT/tools/tomcat-harness"
OUT="$ROOT/.tools/tomcat-harness"
VERSION=11.0.27

begin "tomcat harness"
apt_install default-jdk-headless maven
if [ ! -f "$OUT/lib/tomcat-embed-core-$VERSION.jar" ]; then
  mkdir -p "$OUT/lib"
  mvn -q -B -f "$HARNESS/pom.xml" dependency:copy-dependencies -DoutputDirectory="$OUT/lib"
fi
if [ ! -f "$OUT/classes/TomcatHarness.class" ] || [ "$HARNESS/src/TomcatHarness.java" -nt "$OUT/classes/TomcatHarness.class" ]; then
  mkdir -p "$OUT/classes"
  javac -encoding UTF-8 -cp "$OUT/lib/*" -d "$OUT/classes" "$HARNESS/src/TomcatHarness.java"
fi
done_step "jars in $OUT/lib, harness in $OUT/classes"
