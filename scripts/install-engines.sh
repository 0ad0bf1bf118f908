#!/usr/bin/env bash
# Installs what the real-engine tests (test/engines) and the XSD cross-checks need, from Debian's repositories,
# when missing. Nothing is started here: the tests start private instances on 127.0.0.1 and stop them by process ID.
#
# The brokers are the versions Amazon MQ runs, from Debian 13 "trixie": RabbitMQ 4.0.5 (Erlang 27) and
# ActiveMQ 5.17.6 (OpenJDK 21). They live in a root of their own built by debootstrap (installing trixie packages
# into this Debian 12 system would upgrade its libc); the tests run them there in private mount and PID namespaces
# (test/engines/debian-root.ts). On this machine: xmllint, OpenLDAP's slapd (the LDAP test's directory), openssl, and
# python3-build, which builds the Python wheel from jsii-pacmak's code (test/package/languages.test.ts).
set -euo pipefail
ROOT="${CDK_AMAZON_MQ_ENGINE_ROOT:-/var/lib/cdk-amazon-mq/debian-trixie}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ENGINE_PACKAGES="rabbitmq-server activemq"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=()
command -v xmllint >/dev/null || missing+=(libxml2-utils)
[ -x /usr/sbin/slapd ] || missing+=(slapd)
command -v openssl >/dev/null || missing+=(openssl)
/usr/bin/python3 -c 'import build, setuptools, wheel' 2>/dev/null || missing+=(python3-build python3-setuptools python3-wheel)
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  echo "engines: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The root is complete once its marker names the installed packages; anything else is rebuilt from scratch.
if [ -f "$ROOT/.cdk-amazon-mq-ready" ] && [ "$(cat "$ROOT/.cdk-amazon-mq-ready")" = "$ENGINE_PACKAGES" ]; then
  echo "engines: $(ls "$ROOT/usr/lib/rabbitmq/lib") and $(ls "$ROOT/usr/share/java" | grep -o 'activemq-broker-[0-9.]*[0-9]') in $ROOT"
  exit 0
fi
echo "engines: building a Debian trixie root in $ROOT"
$SUDO rm -rf "$ROOT"
$SUDO mkdir -p "$(dirname "$ROOT")"
started=$(date +%s)
$SUDO debootstrap --variant=minbase --include=ca-certificates trixie "$ROOT" "$MIRROR" >/tmp/cdk-amazon-mq-debootstrap.log 2>&1 ||
  { tail -20 /tmp/cdk-amazon-mq-debootstrap.log; exit 1; }
# The packages' services must not start at install (no init here anyway).
printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$ROOT/usr/sbin/policy-rc.d" >/dev/null
$SUDO chmod +x "$ROOT/usr/sbin/policy-rc.d"
# /proc is mounted only inside a private mount namespace, so nothing stays mounted if this fails.
$SUDO unshare --mount --propagation private sh -c '
  mount --bind /proc "$0/proc" &&
  chroot "$0" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $1 >/dev/null"
' "$ROOT" "$ENGINE_PACKAGES"
echo "$ENGINE_PACKAGES" | $SUDO tee "$ROOT/.cdk-amazon-mq-ready" >/dev/null
echo "engines: root built in $(( $(date +%s) - started )) s ($(du -sm "$ROOT" | cut -f1) MB)"
