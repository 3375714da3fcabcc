#!/usr/bin/env bash
# The main job on the bundled sample data: set up, build, validate and submit the sample day, print what was stored.
# Output goes to out/demo/ (database and photo store), recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

swift build --product inspect 2>&1 | tail -n 3
bin="$(swift build --show-bin-path)/inspect"
out="out/demo"
rm -rf "$out"
mkdir -p "$out"
export INSPECT_DB="$out/inspect.db"
day="samples/day-2026-11-20"

echo
echo "== validate the sample day =="
"$bin" validate "$day"/*/*.yaml

echo
echo "== a broken submission: every problem at once, exit status 1 =="
set +e
"$bin" validate samples/invalid/appraisal.yaml
echo "(exit status $?)"
set -e

echo
echo "== one walkaround photo (stored rotated with EXIF orientation 6 and GPS tags): gates and fingerprints =="
"$bin" photos check "$day"/LSVAM4189C2184526/photos/front.jpg

echo
echo "== submit (photos normalised: upright, 1600 px + 320 px thumbnail, no EXIF/GPS; one photo was reused on another car) =="
"$bin" submit "$day"/*/appraisal.yaml "$day"/*/audit.yaml
echo
echo "== submit again: identical content is a no-op =="
"$bin" submit "$day"/LSVAM4189C2184526/appraisal.yaml

for dir in "$day"/*/; do
  vin="$(basename "$dir")"
  echo
  echo "== inspect show $vin =="
  "$bin" show "$vin"
done

# Findings commands exit 3 (or 5 for a stopped delivery) by design; the demo goes on.
set +e
echo
echo "== appraiser vs auditor: LFV2A21K2D4052187 (the auditor found a welded C-pillar) =="
"$bin" compare LFV2A21K2D4052187
echo "(exit status $?)"
echo
echo "== appraisers' accuracy for the day =="
"$bin" compare --by-appraiser --from 2026-11-20 --to 2026-11-20
echo
echo "== mileage: a transport leg by flatbed, then a reading below the audit's (rollback) =="
"$bin" mileage record LSVAM4189C2184526 --stage transport --reading 48225 --at 2026-11-24T08:00:00+08:00 --mode flatbed
typo=$("$bin" mileage record LSVAM4189C2184526 --stage transport --reading 48152 --at 2026-11-24T18:00:00+08:00 --mode driven --route-km 24)
echo "$typo"
typo_id=$(echo "$typo" | sed -n 's/^recorded #\([0-9]*\).*/\1/p')
echo "-- #$typo_id was a typo: corrected by a new record that supersedes it (nothing is deleted) --"
"$bin" mileage record LSVAM4189C2184526 --stage transport --reading 48251 --at 2026-11-24T18:00:00+08:00 --mode driven --route-km 24 \
  --supersedes "$typo_id" --note "typo in #$typo_id"
"$bin" mileage show LSVAM4189C2184526
echo
echo "== deliveries =="
"$bin" deliver LSVAM4189C2184526 --submission "$day"/LSVAM4189C2184526/delivery.yaml
echo "(exit status $?)"
"$bin" deliver JHMCM56557C404453 --submission "$day"/JHMCM56557C404453/delivery.yaml
echo "(exit status $?)"
set -e

echo
echo "== condition reports for every car (JSON condition-report/1, self-contained HTML, Markdown; Chinese) =="
"$bin" report --all --out "$out/reports" --generated-at 2026-11-26T18:00:00+08:00
"$bin" report LFV2A21K2D4052187 --format md --lang en --generated-at 2026-11-26T18:00:00+08:00 | head -n 12
echo
echo "== the same day as one batch (into a second database): parallel, resumable; then again, unchanged =="
set +e
INSPECT_DB="$out/batch.db" "$bin" batch "$day" --out "$out/batch-reports" --summary-json "$out/batch-summary.json"
INSPECT_DB="$out/batch.db" "$bin" batch "$day" --quiet | head -n 3
set -e
echo
echo "Stored in $out/inspect.db (photos in $out/photos); reports in $out/reports (open the .html files in a browser)."
