#!/usr/bin/env bash
# Checks the new-policy scaffold the way a developer meets it: on a clean copy of the committed package, run
#   swift package --allow-writing-to-package-directory new-policy --id hebei --name 河北省 --region 130000
# and require, with no hand edit, that the package builds, `cie policies` lists 河北省 and the generated
# HebeiPolicyTests pass, along with the registry and docs freshness tests.
#
#   Scripts/check_new_policy.sh              in a temporary copy of the committed files (builds from scratch)
#   Scripts/check_new_policy.sh --in-place   in this checkout (CI: a throwaway clone whose build is reused)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${1:-}" = "--in-place" ]; then
  if [ -n "$(git -C "$root" status --porcelain)" ]; then
    echo "check_new_policy: the checkout has changes; --in-place is for a clean CI clone" >&2
    exit 2
  fi
  work="$root"
  trap 'git -C "$root" checkout -q -- . && git -C "$root" clean -qfd -- Sources Tests Samples Docs' EXIT
else
  work="$(mktemp -d)/cie"
  mkdir -p "$work"
  trap 'rm -rf "$(dirname "$work")"' EXIT
  git -C "$root" ls-files -z | (cd "$root" && xargs -0 tar -cf -) | tar -xf - -C "$work"
fi
cd "$work"
swift package --allow-writing-to-package-directory new-policy --id hebei --name 河北省 --region 130000
swift build --build-tests
.build/debug/cie policies | grep -q '河北省' || { echo "check_new_policy: cie policies does not list 河北省" >&2; exit 1; }
swift test --skip-build --filter 'HebeiPolicyTests|RegistryFreshnessTests|PolicyDocsFreshnessTests|SampleCommandTests'
echo "check_new_policy: the scaffolded module builds, is listed and passes its tests"
