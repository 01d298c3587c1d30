#!/usr/bin/env bash
# Debian's redis-server for the broker tests (test/remote/redis.test.ts): the tests start their own
# `redis-server` on 127.0.0.1 and a free port, so only the binary is needed; the system service stays down.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-lib.sh"
begin "redis-server"
apt_install redis-server
done_step "$(redis-server --version | head -1)"
