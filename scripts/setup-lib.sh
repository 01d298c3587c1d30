#!/usr/bin/env bash
# Shared helpers for scripts/setup-*.sh (sourced, not run). Every setup step is idempotent: it checks
# first and installs only what is missing, so a warm machine pays nothing.

run_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) for: $*" >&2; return 1; fi
}

deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# apt_install PKG...: installs the Debian packages that are missing; one `apt-get update` per run of
# scripts/setup-test-deps.sh (APT_UPDATED is exported by it), not one per script.
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do deb_installed "$pkg" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "${APT_UPDATED:-}" != 1 ]; then
    run_as_root apt-get update -qq
    export APT_UPDATED=1
  fi
  local log
  log="$(mktemp)"
  # Debian's service packages (redis-server, openssh-server, apache2) would start their daemons on
  # install; the tests start their own on 127.0.0.1, so a policy-rc.d keeps the system ones down.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    run_as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy" && created_policy=1
  fi
  if ! run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    tail -30 "$log" >&2
    [ $created_policy = 1 ] && run_as_root rm -f "$policy"
    return 1
  fi
  [ $created_policy = 1 ] && run_as_root rm -f "$policy"
  echo "    installed ${missing[*]}"
}

step_start=0
begin() { step_start=$(date +%s); echo "==> $1"; }
done_step() { echo "    $1 ($(( $(date +%s) - step_start ))s)"; }

# build_java_harness DIR MAIN JAR...: a small Java harness of tools/DIR, compiled into .tools/DIR/classes
# against its pom's dependencies copied from Maven Central into .tools/DIR/lib. The dependencies are
# fetched when one of the named JARs is missing, the harness compiled when tools/DIR/src/MAIN.java is
# newer than its class.
build_java_harness() {
  local dir="$1" main="$2"
  shift 2
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local harness="$root/tools/$dir" out="$root/.tools/$dir" jar fetch=0
  apt_install default-jdk-headless maven
  for jar in "$@"; do [ -f "$out/lib/$jar" ] || fetch=1; done
  if [ $fetch = 1 ]; then
    mkdir -p "$out/lib"
    mvn -q -B -f "$harness/pom.xml" dependency:copy-dependencies -DoutputDirectory="$out/lib"
  fi
  if [ ! -f "$out/classes/$main.class" ] || [ "$harness/src/$main.java" -nt "$out/classes/$main.class" ]; then
    mkdir -p "$out/classes"
    javac -encoding UTF-8 -cp "$out/lib/*" -d "$out/classes" "$harness/src/$main.java"
  fi
}
