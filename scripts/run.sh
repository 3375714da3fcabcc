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
"$bin" submit "$day"/*/*.yaml
echo
echo "== submit again: identical content is a no-op =="
"$bin" submit "$day"/LSVAM4189C2184526/appraisal.yaml

for dir in "$day"/*/; do
  vin="$(basename "$dir")"
  echo
  echo "== inspect show $vin =="
  "$bin" show "$vin"
done
echo
echo "Stored in $out/inspect.db (photos in $out/photos)."
