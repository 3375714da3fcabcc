#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

# Swift Testing only, so swift test's last closing line covers every test.
if grep -rl --include='*.swift' 'import XCTest' Tests/ >/dev/null 2>&1; then
  echo "test: Tests/ must use Swift Testing, not XCTest" >&2
  exit 1
fi
# The test corpora are in the repository (Tests/Fixtures/corpora). INSPECT_CORPORA, when set, names the full corpora
# (same layout, plus bench/) and adds extra cases; it is never needed.
if [ -n "${INSPECT_CORPORA:-}" ]; then
  [ -d "$INSPECT_CORPORA" ] || { echo "test: INSPECT_CORPORA=$INSPECT_CORPORA is not a folder" >&2; exit 1; }
  echo "test: extra cases from the full corpora at $INSPECT_CORPORA" >&2
fi
# The checked-in .swift-format is enforced: any finding fails the run (fix with: swift format format -i -r Sources Tests Fuzz).
if ! swift format lint --strict --recursive Sources Tests Fuzz Package.swift; then
  echo "test: swift format lint found the problems above; run: swift format format --in-place --recursive Sources Tests Fuzz Package.swift" >&2
  exit 1
fi
swift build --build-tests
swift test
