#!/usr/bin/env bash
# libFuzzer over inspect's input parsers, each for a bounded time (not part of the normal test run).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      targets: jpeg png exif submission photo (default: all)
#
# Builds .build-fuzz (release, -sanitize=fuzzer,address, -DFUZZING), seeds .fuzz/<target>/corpus from the test
# corpora in Tests/Fixtures/corpora (plus $INSPECT_CORPORA, the full corpora, when set) and samples/ (submissions),
# runs each target (failing when a fuzzer does not start or run), and lists crashers in
# .fuzz/<target>/crashes/. A crasher is minimised here (-minimize_crash) and then belongs, renamed to say what it
# is, in Tests/FuzzRegressionTests/Inputs/<target>/, where the normal test suite replays it.
# Coverage instrumentation reaches our Swift code and the C shim; the system libjpeg-turbo and libpng are not
# instrumented (their memory errors are still caught by ASan's allocator on our side of the call).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jpeg png exif submission photo)
corpora=(Tests/Fixtures/corpora)
if [ -n "${INSPECT_CORPORA:-}" ]; then
  [ -d "$INSPECT_CORPORA" ] || { echo "fuzz: INSPECT_CORPORA=$INSPECT_CORPORA is not a folder" >&2; exit 2; }
  corpora+=("$INSPECT_CORPORA")
fi

echo "== building the fuzzers (.build-fuzz) =="
# SwiftPM's --sanitize=fuzzer instruments C targets only; -Xswiftc -sanitize=fuzzer,address instruments our Swift.
mkdir -p .fuzz
if ! swift build -c release --product inspect-fuzz --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --scratch-path .build-fuzz >.fuzz/build.log 2>&1; then
  grep -vE "Cannot export local symbol '__asan_extra_spill_area'" .fuzz/build.log | tail -20 >&2
  echo "fuzz: the fuzzer build failed (log: .fuzz/build.log)" >&2
  exit 2
fi
tail -1 .fuzz/build.log
fuzzer=.build-fuzz/release/inspect-fuzz
[ -x "$fuzzer" ] || { echo "fuzz: $fuzzer was not built" >&2; exit 2; }

# Seeds: the corpora's files of the right kind (sniffed by content), TIFF blocks cut out of EXIF photos, submissions.
seed() {
  local target=$1 dir=.fuzz/$1/corpus
  mkdir -p "$dir" ".fuzz/$target/crashes"
  python3 - "$target" "$dir" "${corpora[@]}" <<'PY'
import hashlib, os, sys
target, out, *corpora = sys.argv[1:]
def files(*roots):
    for root in roots:
        for base, _, names in os.walk(root):
            for name in names:
                path = os.path.join(base, name)
                if os.path.getsize(path) <= 4 << 20:
                    yield path
def keep(data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
count = 0
if target == "submission":
    for path in files("samples"):
        if path.endswith((".yaml", ".yml", ".json")):
            keep(open(path, "rb").read()); count += 1
else:
    for path in files(*corpora):
        data = open(path, "rb").read()
        if target in ("jpeg", "photo") and data.startswith(b"\xff\xd8"):
            keep(data); count += 1
        elif target == "png" and data.startswith(b"\x89PNG"):
            keep(data); count += 1
        elif target == "exif" and data.startswith(b"\xff\xd8") and b"Exif\0\0" in data[:65536]:
            start = data.index(b"Exif\0\0") + 6
            keep(data[start:start + 65000]); count += 1
print(f"{target}: {count} seeds")
if count == 0:
    sys.exit(f"fuzz: no seeds for {target}")
PY
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  echo "== $target: ${seconds}s =="
  log=.fuzz/$target/last-run.log
  run_status=0
  INSPECT_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$fuzzer" .fuzz/$target/corpus \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1 \
    -artifact_prefix=.fuzz/$target/crashes/ >"$log" 2>&1 || run_status=$?
  # A fuzzer that did not start (unknown target, a sanitizer that failed to load, no libFuzzer main) runs nothing.
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if ! grep -q "INITED" "$log" || [ -z "$executed" ] || [ "$executed" -eq 0 ]; then
    tail -20 "$log" >&2
    echo "fuzz: the $target fuzzer did not start or ran nothing (exit $run_status; log: $log)" >&2
    exit 2
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|#[0-9]+ *DONE" "$log" | sed "s/^/  /" || true
  grep -E "cov: [0-9]+" "$log" | tail -1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).*/  \1/' || true
  crashes=$(find .fuzz/$target/crashes -type f | wc -l)
  if [ "$run_status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    echo "fuzz: the $target fuzzer exited $run_status without a crasher (log: $log)" >&2
    status=1
  fi
  if [ "$crashes" -gt 0 ]; then
    status=1
    echo "  $crashes crasher(s) in .fuzz/$target/crashes/ (log: $log); minimise with:"
    echo "    INSPECT_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 $fuzzer -minimize_crash=1 -runs=10000 FILE"
  else
    echo "  no crashes"
  fi
done
exit $status
