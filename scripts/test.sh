#!/usr/bin/env bash
# The README's test command: installs what the tests need and runs all of them on a fresh clone.
set -uo pipefail
cd "$(dirname "$0")/.."
export CI=true AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
  CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1 TS_NODE_TRANSPILE_ONLY=1 \
  JSII_SILENCE_SUPPORT_WARNING=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

status=0
step() {
  echo "==> $*"
  "$@" || { echo "FAILED: $*"; status=1; }
}

# The locked install, unmodified (the lockfile holds every platform's optional binaries this registry serves).
step npm ci --no-audit --no-fund
# RabbitMQ 4.0.5 and ActiveMQ 5.17.6 in a Debian 13 root for test/engines, xmllint, slapd and openssl.
step bash scripts/install-engines.sh
rm -f test-reports/jest.json
# projen build: .projenrc synth, jsii compile, API.md, jest (snapshots never update), eslint, js package.
step npx projen build
# The main command: every example through the real aws-cdk CLI, with cdk-nag as synth-time validation.
step npx projen examples
# Generated files (package.json, API.md, ...) must match .projenrc.ts and the sources.
step git diff --exit-code --stat

# CI reads a plain "N passed, N failed" line.
if [ -f test-reports/jest.json ]; then
  node -e 'const r = require("./test-reports/jest.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)'
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
