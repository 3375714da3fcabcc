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

# expect STATUS COMMAND...: runs the command and fails the demo when it exits with any other status.
expect() {
  local want=$1
  shift
  local got=0
  "$@" || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "run: FAILED: expected exit status $want, got $got from: $*" >&2
    exit 1
  fi
  [ "$want" -eq 0 ] || echo "(exit status $got, as expected)"
}

echo
echo "== validate the sample day =="
expect 0 "$bin" validate "$day"/*/*.yaml

echo
echo "== a broken submission: every problem at once, exit status 1 =="
expect 1 "$bin" validate samples/invalid/appraisal.yaml

echo
echo "== one walkaround photo (stored rotated with EXIF orientation 6 and GPS tags): gates and fingerprints =="
expect 0 "$bin" photos check "$day"/LSVAM4189C2184526/photos/front.jpg

echo
echo "== submit (photos normalised: upright, 1600 px + 320 px thumbnail, no EXIF/GPS; one photo was reused on another car) =="
expect 0 "$bin" submit "$day"/*/appraisal.yaml "$day"/*/audit.yaml
echo
echo "== submit again: identical content is a no-op =="
expect 0 "$bin" submit "$day"/LSVAM4189C2184526/appraisal.yaml

for dir in "$day"/*/; do
  vin="$(basename "$dir")"
  echo
  echo "== inspect show $vin =="
  expect 0 "$bin" show "$vin"
done

# Findings commands exit 3 (or 5 for a stopped delivery) by design: each step's status is asserted.
echo
echo "== appraiser vs auditor: LFV2A21K2D4052187 (the auditor found a welded C-pillar): exit 3 =="
expect 3 "$bin" compare LFV2A21K2D4052187
echo
echo "== appraisers' accuracy for the day =="
expect 0 "$bin" compare --by-appraiser --from 2026-11-20 --to 2026-11-20
echo
echo "== mileage: a transport leg by flatbed, then a reading below the audit's: the readings disagree (said at once, exit 3) =="
expect 0 "$bin" mileage record LSVAM4189C2184526 --stage transport --reading 48225 --at 2026-11-24T08:00:00+08:00 --mode flatbed
status=0
typo=$("$bin" mileage record LSVAM4189C2184526 --stage transport --reading 48152 --at 2026-11-24T18:00:00+08:00 --mode driven --route-km 24) || status=$?
echo "$typo"
[ "$status" -eq 3 ] || { echo "run: FAILED: recording the conflicting reading exited $status, expected 3" >&2; exit 1; }
typo_id=$(echo "$typo" | sed -n 's/^recorded #\([0-9]*\).*/\1/p')
[ -n "$typo_id" ] || { echo "run: FAILED: no record number in: $typo" >&2; exit 1; }
echo "-- #$typo_id was a typo: resolved as a data-entry error; a correction with the true reading supersedes it (nothing is deleted) --"
expect 0 "$bin" mileage resolve LSVAM4189C2184526 --reading "$typo_id" --entry-error "$typo_id" --true-reading 48251 --by STF-0012 \
  --at 2026-11-24T19:00:00+08:00 --note "typo in #$typo_id"
expect 0 "$bin" mileage show LSVAM4189C2184526
echo
echo "== deliveries: one handover ok (exit 0), one night handover with new damage: stop (exit 5) =="
expect 0 "$bin" deliver LSVAM4189C2184526 --submission "$day"/LSVAM4189C2184526/delivery.yaml
expect 5 "$bin" deliver JHMCM56557C404453 --submission "$day"/JHMCM56557C404453/delivery.yaml

echo
echo "== disputes: the night handover opened one about 27HH1; the buyer of LSVAM4189C2184526 finds the hood scratch worse =="
expect 0 "$bin" dispute list JHMCM56557C404453
expect 0 "$bin" dispute open LSVAM4189C2184526 --finding 14HH2 --by customer --at 2026-11-25T15:30:00+08:00 --note "worse than imagined" \
  --photo "$day"/LSVAM4189C2184526/photos/defect-14HH2.jpg
expect 0 "$bin" dispute resolve 2 --decision polished --by STF-0012 --at 2026-11-25T17:00:00+08:00 --degree 2 --cost 300 --bearer platform \
  --approved-by MGR-0003
expect 1 "$bin" dispute resolve 2 --decision refused --by STF-0012 --at 2026-11-25T18:00:00+08:00
expect 0 "$bin" dispute list LSVAM4189C2184526

echo "== after the sale: the 7-day return (a new scratch: deduct, exit 3) and a warranty claim (missed by both inspections) =="
expect 3 "$bin" return LSVAM4189C2184526 --submission "$day"/LSVAM4189C2184526/return.yaml
expect 1 "$bin" warranty claim LFV2A21K2D4052187 --check chassis.7 --symptom "rear springs sag" --cost 10400 --at 2026-12-10T10:00:00+08:00
# The flood car's only handover stopped: it was never handed over, so there is no warranty (exit 1).
expect 1 "$bin" warranty claim JHMCM56557C404453 --check chassis.7 --symptom "rear springs sag" --cost 10400 --at 2026-12-10T10:00:00+08:00
expect 0 "$bin" warranty claim LSVAM4189C2184526 --check chassis.7 --symptom "rear springs sag" --cost 10400 --at 2026-12-10T10:00:00+08:00
expect 0 "$bin" warranty list LSVAM4189C2184526

echo "== the service desk: which car is it? (full VIN, last 6, plate, words; a single hit prints its vehicle record) =="
expect 0 "$bin" find 184526
expect 0 "$bin" find "jetta sunroof" --lang en
expect 0 "$bin" find 天窗
expect 1 "$bin" find Ferrari
echo "== customer feedback: a complaint about a scratch the report does not list, a closed complaint, the week's view =="
expect 0 "$bin" feedback record LFV2A21K2D4052187 --kind complaint --channel phone --text "右后门有划痕，报告里没有" \
  --at 2026-11-24T10:00:00+08:00 --about 21HH2
expect 0 "$bin" feedback record LSVAM4189C2184526 --kind complaint --channel online --text "空调制冷弱" --at 2026-11-27T11:00:00+08:00 \
  --about delivery
expect 0 "$bin" feedback record LSVAM4189C2184526 --kind praise --channel store --text "交车很快" --at 2026-11-26T16:00:00+08:00
expect 0 "$bin" feedback close 2 --resolution "加注冷媒，客户满意" --by CS-0007 --at 2026-11-28T15:00:00+08:00
expect 0 "$bin" feedback list
expect 0 "$bin" feedback summary --from 2026-11-23 --to 2026-11-29 --open-after 3

echo "== the reconditioning estimate (config/repair-costs.yaml: example prices), Chinese and English =="
expect 0 "$bin" quote LHGCR2654E8012345 --format md --lang zh
expect 0 "$bin" quote JHMCM56557C404453 --format md --lang en

echo "== a dealer workshop's service day: reception walkarounds, health checks, the customer confirming the quote =="
INSPECT_DB="$out/service.db" expect 0 "$bin" batch samples/service-2026-12-01 --quiet --out "$out/service"
INSPECT_DB="$out/service.db" expect 0 "$bin" quote confirm LSVAM4189C2184526 --work-order WO-2026-1201-07 --line 1 --decision approved \
  --by customer --at 2026-12-01T11:00:00+08:00
INSPECT_DB="$out/service.db" expect 0 "$bin" quote confirm LSVAM4189C2184526 --work-order WO-2026-1201-07 --line 2 --decision declined \
  --by customer --at 2026-12-01T11:00:00+08:00
INSPECT_DB="$out/service.db" expect 0 "$bin" service report LSVAM4189C2184526 --work-order WO-2026-1201-07 --format md --lang en
INSPECT_DB="$out/service.db" expect 0 "$bin" service summary --from 2026-12-01 --to 2026-12-01

echo "== condition reports for every car (JSON condition-report/2, self-contained HTML, Markdown; Chinese) =="
expect 0 "$bin" report --all --out "$out/reports" --generated-at 2026-11-27T18:00:00+08:00
expect 0 "$bin" report LFV2A21K2D4052187 --format md --lang en --generated-at 2026-11-27T18:00:00+08:00 --out "$out/LFV2A21K2D4052187.en.md"
head -n 12 "$out/LFV2A21K2D4052187.en.md"
echo
echo "== the same day as one batch (into a second database): parallel, resumable; then again, unchanged =="
INSPECT_DB="$out/batch.db" expect 0 "$bin" batch "$day" --out "$out/batch-reports" --summary-json "$out/batch-summary.json"
INSPECT_DB="$out/batch.db" expect 0 "$bin" batch "$day" --quiet --summary-json "$out/batch-summary-2.json"
grep -q '"unchanged" : 5\|"unchanged":5' "$out/batch-summary-2.json" || { echo "run: FAILED: the second batch should find all 5 cars unchanged" >&2; exit 1; }
echo
echo "Stored in $out/inspect.db (photos in $out/photos); reports in $out/reports (open the .html files in a browser)."
