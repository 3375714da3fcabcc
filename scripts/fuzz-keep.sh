#!/usr/bin/env bash
# Keeps a spread of a fuzz corpus as regression inputs: from .fuzz/TARGET/corpus, the smallest input (at most 64 KiB)
# for each distinct outcome (numbers of 3+ digits ignored), up to 8 accepted and 20 in all, copied into Tests/FuzzRegressionTests/Inputs/TARGET/ and
# recorded, with every input already there, in Inputs/TARGET.expected (the replay's output).
#
#   bash scripts/fuzz-keep.sh TARGET        (after bash scripts/fuzz.sh SECONDS TARGET)
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"
inputs=Tests/FuzzRegressionTests/Inputs
swift build --product inspect-fuzz 2>&1 | tail -1
replay=.build/debug/inspect-fuzz
mkdir -p "$inputs/$target"
if [ -d ".fuzz/$target/corpus" ]; then
  find ".fuzz/$target/corpus" -type f -size -65k -print0 | xargs -0 -r "$replay" "$target" 2>/dev/null | python3 -c '
import os, re, shutil, sys
corpus, dest = sys.argv[1:]
best = {}
for line in sys.stdin:
    name, _, outcome = line.rstrip("\n").partition(": ")
    key = re.sub(r"[0-9]{3,}", "N", outcome)
    size = os.path.getsize(os.path.join(corpus, name))
    if "/" in outcome or key in best and best[key][0] <= size:
        continue  # no outcome that names a path of this machine
    best[key] = (size, name)
# Up to 8 accepted inputs (smallest first), the rest refusals: 20 in all.
accepted = sorted(v for k, v in best.items() if k.startswith("accepted"))[:8]
rejected = sorted(v for k, v in best.items() if not k.startswith("accepted"))
for size, name in (accepted + rejected)[:20]:
    shutil.copy(os.path.join(corpus, name), os.path.join(dest, name[:16]))
' ".fuzz/$target/corpus" "$inputs/$target"
fi
(cd "$inputs/$target" && "../../../../$replay" "$target" $(ls | sort)) > "$inputs/$target.expected"
echo "$target: $(ls "$inputs/$target" | wc -l) inputs kept; outcomes in $inputs/$target.expected"
