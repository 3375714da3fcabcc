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
# The image tests read ../shared/corpora (conformance, hostile and real photos); a missing folder fails loudly.
export INSPECT_CORPORA="${INSPECT_CORPORA:-$(cd .. && pwd)/shared/corpora}"
if [ ! -f "$INSPECT_CORPORA/README.md" ]; then
  echo "test: the shared test corpora are missing at $INSPECT_CORPORA; set INSPECT_CORPORA to the shared/corpora folder" >&2
  exit 1
fi
swift build --build-tests
swift test
