#!/usr/bin/env bash
# Batch benchmark (not part of the tests): generates a synthetic day of CARS cars x 16 camera-sized photos
# (4032x3024 JPEG with EXIF orientation and GPS, seed 7), runs `inspect batch` on it with peak memory, then runs it
# again over the unchanged day. Needs about 2 GB of disk for 300 cars. Prints figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cars="${1:-300}"
work="${BENCH_DIR:-$(mktemp -d)}"
swift build -c release --product inspect 2>&1 | tail -n 1
swift build -c release --product inspect-dev 2>&1 | tail -n 1
bin="$(swift build -c release --show-bin-path)/inspect"
devbin="$(swift build -c release --show-bin-path)/inspect-dev"
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
echo "== generate $cars cars =="
/usr/bin/time -f "generation: %e s wall, peak %M KB" "$devbin" generate-day "$work/day" --cars "$cars" --size 4032x3024 --seed 7
du -sh "$work/day"
echo "== first run =="
set +e
INSPECT_DB="$work/inspect.db" /usr/bin/time -f "first run: %e s wall, peak %M KB" "$bin" batch "$work/day" --out "$work/reports" \
  --summary-json "$work/summary.json" 2>&1 | grep -vE '^\s{4}|FAILED'
echo "== second run over the unchanged day =="
INSPECT_DB="$work/inspect.db" /usr/bin/time -f "second run: %e s wall, peak %M KB" "$bin" batch "$work/day" --out "$work/reports" --quiet \
  2>&1 | grep -vE '^\s{4}|FAILED'
set -e
echo "(files in $work; remove when done)"
