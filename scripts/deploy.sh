#!/usr/bin/env bash
# Builds the functions, deploys template.yaml with SAM, then publishes web/ to the stack's bucket and lets the
# CloudFront distribution pick it up. Options go on to sam deploy; --stack-name is required, because the upload
# reads that stack's outputs. --region and --profile are passed to the AWS CLI as well.
#   scripts/deploy.sh --guided --stack-name barometer-prod                  # first time; saves samconfig.toml
#   scripts/deploy.sh --stack-name barometer-test --parameter-overrides Stage=test
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/jdk.sh
source "$root/scripts/lib/jdk.sh"

stack=""
aws_options=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --stack-name) stack="${args[i + 1]:-}" ;;
    --stack-name=*) stack="${args[i]#*=}" ;;
    --region | --profile) aws_options+=("${args[i]}" "${args[i + 1]:-}") ;;
    --region=* | --profile=*) aws_options+=("${args[i]}") ;;
  esac
done
if [[ -z "$stack" ]]; then
  echo "Oppgi stakken med --stack-name NAVN: skriptet leser bøtta og distribusjonen fra stakkens outputs." >&2
  exit 2
fi

barometer_use_jdk
cd "$root"

echo "Bygger Barometer med $(basename "$JAVA_HOME") …" >&2
mvn -B -DskipTests package

# A release that changes only web/ leaves the stack as it is; that is no failure.
sam deploy --template-file template.yaml --no-fail-on-empty-changeset "$@"

output() {
  aws "${aws_options[@]}" cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket="$(output WebBucketName)"
distribution="$(output WebDistributionId)"
web_url="$(output WebUrl)"
if [[ -z "$bucket" || "$bucket" == None || -z "$distribution" || "$distribution" == None ]]; then
  echo "Stakken $stack mangler WebBucketName eller WebDistributionId i sine outputs." >&2
  exit 1
fi

# File names carry no content hash, so the files are cached briefly; index.html is revalidated on every visit so
# that a release shows at once. The files go up before the index.html that loads them, and files no longer in
# web/ are removed last, so no visitor gets an index.html whose scripts are missing.
short_cache="public, max-age=300"
echo "Laster opp web/ til s3://$bucket …" >&2
aws "${aws_options[@]}" s3 sync web/css "s3://$bucket/css" \
  --cache-control "$short_cache" --content-type "text/css; charset=utf-8"
aws "${aws_options[@]}" s3 sync web/js "s3://$bucket/js" \
  --cache-control "$short_cache" --content-type "text/javascript; charset=utf-8"
aws "${aws_options[@]}" s3 sync web/results/css "s3://$bucket/results/css" \
  --cache-control "$short_cache" --content-type "text/css; charset=utf-8"
aws "${aws_options[@]}" s3 sync web/results/js "s3://$bucket/results/js" \
  --cache-control "$short_cache" --content-type "text/javascript; charset=utf-8"
aws "${aws_options[@]}" s3 cp web/index.html "s3://$bucket/index.html" \
  --cache-control "no-cache" --content-type "text/html; charset=utf-8"
aws "${aws_options[@]}" s3 cp web/results/index.html "s3://$bucket/results/index.html" \
  --cache-control "no-cache" --content-type "text/html; charset=utf-8"
# What is published is what web/published-files.txt names; the local stack serves the same and nothing more.
published=()
while IFS= read -r entry; do
  [[ -z "$entry" || "$entry" == \#* ]] && continue
  if [[ "$entry" == */ ]]; then published+=(--include "${entry}*"); else published+=(--include "$entry"); fi
done <web/published-files.txt
aws "${aws_options[@]}" s3 sync web/ "s3://$bucket/" --delete --exclude "*" "${published[@]}"

# One wildcard path counts as one invalidation and also drops the edge's copies of the old scripts, which would
# otherwise outlive the new index.html by up to their max-age.
aws "${aws_options[@]}" cloudfront create-invalidation --distribution-id "$distribution" --paths "/*" >/dev/null
echo "Publisert: $web_url" >&2
