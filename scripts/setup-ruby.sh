#!/usr/bin/env bash
# Ruby (Debian's) for test/unit/simulate-ruby-diff.test.ts, which checks the simulator's CSV parsing,
# conversions, String#split and charset escaping against Ruby itself. Idempotent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup-lib.sh
source "$ROOT/scripts/setup-lib.sh"

begin "Ruby"
apt_install ruby
ruby -rcsv -rjson -e 'exit 0'
done_step "$(ruby -v)"
