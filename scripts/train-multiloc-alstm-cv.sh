#!/usr/bin/env bash
# Cross-validation of the shipped MultiLoc A-LSTM's settings (scripts/paper-settings.json, hidden 256, no profiles)
# on MultiLoc's training folds only (never `test`), in two lanes of one CPU thread each, niced. Its out-of-fold
# predictions give models/alstm-multiloc.lsm a temperature (`locsharp calibrate --out-of-fold`, as the R-LSTM's),
# and measure the A-LSTM setting beside the R-LSTM's cross-validation (docs/results/rlstm-cv.txt).
#   lane 1: folds 1-3        lane 2: folds 4-5
# Fold models and checkpoints go to checkpoints/alstm-multiloc-cv/ (committed, so a later session on another machine
# resumes them); run this again after an interruption and every fold continues where it stopped.
# Usage: scripts/train-multiloc-alstm-cv.sh   NICE=15 (default) LOCSHARP=path/to/locsharp
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/multiloc
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
niceness=${NICE:-15}
cv=checkpoints/alstm-multiloc-cv
mkdir -p runs "$cv"
# The lanes run in the background, which a script without job control starts deaf to Ctrl-C: an interruption of
# this script stops them too (each training keeps its last checkpoint; run the script again to resume).
trap 'trap - INT TERM; kill -TERM 0' INT TERM
settings=(--split "$data/split.tsv" --config scripts/paper-settings.json --arch alstm --threads 1 --resume -o "$cv")

nice -n "$niceness" "$locsharp" cv "$data" "${settings[@]}" --folds fold1,fold2,fold3 > runs/alstm-multiloc-cv-lane1.out 2>&1 &
nice -n "$niceness" "$locsharp" cv "$data" "${settings[@]}" --folds fold4,fold5 > runs/alstm-multiloc-cv-lane2.out 2>&1 &
wait
"$locsharp" cv "$data" "${settings[@]}"
LOCSHARP="$locsharp" scripts/calibrate-multiloc-alstm.sh
