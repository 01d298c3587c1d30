#!/usr/bin/env bash
# A real Elasticsearch for the query tests (test/remote/elasticsearch.test.ts, test/e2e/query.e2e.ts): the
# integ-test zip from Maven Central (no bundled JDK, no ES|QL or _logstash API: runs on the machine's
# Java 17), unpacked once; .tools/elasticsearch/current points at it. LOGSMITH_ES_VERSION overrides the version.
# Elasticsearch refuses to run as root, so as root the tests run it as the `logsmith-es` user, and the
# unpacked tree goes to /opt/logsmith (a checkout under /root would not be readable by that user).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-lib.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${LOGSMITH_ES_VERSION:-8.19.21}"
link_dir="$root/.tools/elasticsearch"
if [ "$(id -u)" = 0 ]; then install_dir=/opt/logsmith/elasticsearch; else install_dir="$link_dir"; fi
home="$install_dir/elasticsearch-$version"
begin "elasticsearch integ-test-zip $version"
if [ "$(id -u)" = 0 ] && ! id logsmith-es >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin logsmith-es
fi
mkdir -p "$link_dir" "$install_dir"
if [ -x "$home/bin/elasticsearch" ] && [ -f "$install_dir/.installed-$version" ]; then
  ln -sfn "$home" "$link_dir/current"
  done_step "already there"
  exit 0
fi
command -v mvn >/dev/null || apt_install maven
command -v java >/dev/null || apt_install openjdk-17-jre-headless
command -v unzip >/dev/null || apt_install unzip
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mvn -B -q dependency:copy \
  -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$version:zip" \
  -DoutputDirectory="$tmp" -Dmdep.useBaseVersion=true
rm -rf "$home"
unzip -q "$tmp/elasticsearch-$version.zip" -d "$install_dir"
chmod -R a+rX "$install_dir"
ln -sfn "$home" "$link_dir/current"
touch "$install_dir/.installed-$version"
done_step "$home"
