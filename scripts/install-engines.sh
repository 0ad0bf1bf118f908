#!/usr/bin/env bash
# Installs what the real-engine tests (test/engines) and the XSD cross-checks need, from Debian's repositories,
# when missing: ActiveMQ 5.17, RabbitMQ 3.10 (with Erlang and epmd), Java, xmllint, OpenLDAP's slapd and openssl. Nothing is started here:
# the tests start private instances on 127.0.0.1 and stop them by process ID.
set -euo pipefail
missing=()
[ -f /usr/share/activemq/bin/activemq.jar ] || missing+=(activemq)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
# OpenLDAP for the RabbitMQ LDAP test, and openssl for the self-signed certificates of the LDAP and OAuth 2.0 tests.
[ -x /usr/sbin/slapd ] || missing+=(slapd)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then
  echo "engines: already installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "engines: installing ${missing[*]}"
$SUDO apt-get update -qq
# policy-rc.d keeps the packages' services from starting at install.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
