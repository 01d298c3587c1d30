#!/usr/bin/env bash
# Embedded Tomcat (tomcat-embed-core from Maven Central) and the harness compiled against it, for
# test/cli/logformat-tomcat.test.ts. Idempotent: a warm machine only checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup-lib.sh
source "$ROOT/scripts/setup-lib.sh"
OUT="$ROOT/.tools/tomcat-harness"
VERSION=11.0.27

begin "tomcat harness"
build_java_harness tomcat-harness TomcatHarness "tomcat-embed-core-$VERSION.jar"
done_step "jars in $OUT/lib, harness in $OUT/classes"
