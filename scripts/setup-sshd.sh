#!/usr/bin/env bash
# Debian's OpenSSH server for the deploy tests (test/remote/): the tests start their own `sshd -D -f
# <config>` on 127.0.0.1 with throwaway keys, so only the binary is needed; the system service stays down.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-lib.sh"
begin "sshd (openssh-server)"
apt_install openssh-server
# sshd refuses to start without its privilege-separation directory.
[ -d /run/sshd ] || run_as_root mkdir -p /run/sshd
done_step "$(/usr/sbin/sshd -V 2>&1 | head -1)"

# Password authentication is tested against this local account (root may not log in with a password).
# Its password is random, readable by root only, and useless outside the tests' own sshd on 127.0.0.1.
begin "sshd password-test user"
user=logsmith-sshtest
secret_dir=/var/lib/logsmith-sshtest
if ! id "$user" >/dev/null 2>&1; then
  run_as_root useradd --system --no-create-home --shell /bin/sh "$user"
fi
if [ ! -s "$secret_dir/password" ]; then
  run_as_root mkdir -p "$secret_dir"
  run_as_root chmod 700 "$secret_dir"
  pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  run_as_root sh -c "umask 077; printf '%s' '$pw' > $secret_dir/password"
  printf '%s:%s\n' "$user" "$pw" | run_as_root chpasswd
fi
done_step "$user"
