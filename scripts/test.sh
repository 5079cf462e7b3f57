#!/usr/bin/env bash
# Runs every test of Barometer: the Java build and its tests (DynamoDB Local, the template, the handlers, the
# local stack), the web app's unit tests (the shared conformance vectors) and its browser tests in Chromium
# against the local stack.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/jdk.sh
barometer_use_jdk
echo "Using JDK at $JAVA_HOME"

mvn -B -ntp verify

cd web
npm ci --no-audit --no-fund --loglevel=error
npm test
npm run test:e2e
