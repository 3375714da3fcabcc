#!/usr/bin/env bash
# Photo pipeline benchmark (not part of the tests): per-stage medians of `inspect-dev photo-bench` on the
# 12 MP baseline and 18 MP progressive camera JPEGs, throughput on 1 worker and on every core, peak memory, and
# vipsthumbnail (Debian's libvips-tools) on the same files in the same run for comparison. Prints figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The two large benchmark photos are not in the repository: INSPECT_CORPORA names the full corpora (with bench/).
if [ -z "${INSPECT_CORPORA:-}" ]; then
  echo "bench: set INSPECT_CORPORA to the full test corpora (the folder with bench/olympus_ep3_12mp.jpg and" >&2
  echo "       bench/sony_rx100_18mp_progressive.jpg); they are too large for the repository" >&2
  exit 1
fi
olympus="$INSPECT_CORPORA/bench/olympus_ep3_12mp.jpg"
sony="$INSPECT_CORPORA/bench/sony_rx100_18mp_progressive.jpg"
for photo in "$olympus" "$sony"; do
  [ -f "$photo" ] || { echo "bench: $photo is missing (INSPECT_CORPORA=$INSPECT_CORPORA)" >&2; exit 1; }
done

need=()
command -v vipsthumbnail >/dev/null 2>&1 || need+=(libvips-tools)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]} (benchmark only)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

swift build -c release --product inspect 2>&1 | tail -n 1
swift build -c release --product inspect-dev 2>&1 | tail -n 1
bin="$(swift build -c release --show-bin-path)/inspect"
devbin="$(swift build -c release --show-bin-path)/inspect-dev"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

echo; echo "== inspect: 12 MP baseline JPEG -> 1600 px + 320 px thumbnail + gates + hashes + encodes (in process) =="
/usr/bin/time -f "peak memory %M KB" "$devbin" photo-bench "$olympus" --runs 21 --throughput 40
echo; echo "== inspect: 18 MP progressive JPEG =="
/usr/bin/time -f "peak memory %M KB" "$devbin" photo-bench "$sony" --runs 7

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo; echo "== vipsthumbnail -s 1600 (1600 px only, per process) vs inspect photos normalise (1600 + 320 + gates + hashes, per process) =="
hyperfine -N --warmup 2 --runs 15 \
  "vipsthumbnail $olympus -s 1600 -o $out/vips.jpg[Q=85,strip]" \
  "$bin photos normalise $olympus --out $out/inspect" \
  "vipsthumbnail $sony -s 1600 -o $out/vips2.jpg[Q=85,strip]" \
  "$bin photos normalise $sony --out $out/inspect2"
