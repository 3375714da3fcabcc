#!/usr/bin/env bash
# The whole test suite under AddressSanitizer, then ThreadSanitizer (not part of the normal test run: each is a
# separate full build, several minutes on 2 cores). detect_leaks=0: the test runtime itself leaks (swift-testing and
# XCTest keep global state), which is not ours to fix.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
which="${1:-all}"
if [ "$which" = all ] || [ "$which" = address ]; then
  echo "== AddressSanitizer =="
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 swift test --sanitize=address --scratch-path .build-asan
fi
if [ "$which" = all ] || [ "$which" = thread ]; then
  echo "== ThreadSanitizer =="
  TSAN_OPTIONS=halt_on_error=1 swift test --sanitize=thread --scratch-path .build-tsan
fi
