#!/usr/bin/env bash
# A real Elasticsearch for the query tests (test/remote/elasticsearch*.test.ts): the integ-test zip from
# Maven Central (no bundled JDK, no x-pack: runs on the machine's Java 17), unpacked into .tools/.
# LOGSMITH_ES_VERSION overrides the version; the tests read .tools/elasticsearch/current.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-lib.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${LOGSMITH_ES_VERSION:-8.19.21}"
dest="$root/.tools/elasticsearch"
begin "elasticsearch integ-test-zip $version"
# Elasticsearch refuses to run as root; the test harness runs it as this user when the tests are root.
if [ "$(id -u)" = 0 ] && ! id logsmith-es >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin logsmith-es
fi
if [ -x "$dest/elasticsearch-$version/bin/elasticsearch" ] && [ -f "$dest/.installed-$version" ]; then
  ln -sfn "elasticsearch-$version" "$dest/current"
  done_step "already there"
  exit 0
fi
command -v mvn >/dev/null || apt_install maven
command -v java >/dev/null || apt_install openjdk-17-jre-headless
command -v unzip >/dev/null || apt_install unzip
mkdir -p "$dest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mvn -B -q dependency:copy \
  -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$version:zip" \
  -DoutputDirectory="$tmp" -Dmdep.useBaseVersion=true
rm -rf "$dest/elasticsearch-$version"
unzip -q "$tmp/elasticsearch-$version.zip" -d "$dest"
ln -sfn "elasticsearch-$version" "$dest/current"
touch "$dest/.installed-$version"
done_step "$dest/elasticsearch-$version"
