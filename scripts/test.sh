#!/usr/bin/env bash
# Runs every test of Barometer: cfn-lint on the CloudFormation templates, the Java build and its tests (DynamoDB
# Local, the template, the handlers, the local stack), the web app's unit tests (the shared conformance vectors)
# and its browser tests in Chromium against the local stack.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/jdk.sh
barometer_use_jdk
echo "Using JDK at $JAVA_HOME"

# Any finding, warnings included, fails the run. cfn-lint comes with the machine image (a pip package); it is in
# neither Debian nor npm, so where it is missing the templates go unlinted and the run says so.
if command -v cfn-lint >/dev/null 2>&1; then
  echo "Linting the templates with $(cfn-lint --version)"
  cfn-lint template.yaml template-waf.yaml
else
  echo "cfn-lint not found: template.yaml and template-waf.yaml are NOT linted (install it with: pip install cfn-lint)"
fi

mvn -B -ntp verify

cd web
npm ci --no-audit --no-fund --loglevel=error
npm test
npm run test:e2e
