#!/usr/bin/env bash
# Debian's apache2 for the log-format tests (test/cli/logformat-apache.test.ts): the test runs its own
# httpd on 127.0.0.1 with a generated config, so only the binary and its modules are needed.
set -euo pipefail
. "$(dirname "$0")/setup-lib.sh"
begin "apache2 (httpd for the LogFormat tests)"
apt_install apache2
done_step "apache2 $(/usr/sbin/apache2 -v 2>/dev/null | sed -n 's/^Server version: //p')"
