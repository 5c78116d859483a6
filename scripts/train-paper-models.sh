#!/usr/bin/env bash
# Trains the models behind docs/results.md on MultiLoc's training folds (never on `test`), in two lanes that
# each use one CPU thread, so a 2-core machine runs both at once. Every step resumes from its checkpoint:
# run this again after an interruption and it continues where it stopped.
#   lane 1: the R-LSTM on all five training folds, then R-LSTM cross-validation folds 1-3, then the same
#           folds with hidden 128 instead of 256
#   lane 2: the A-LSTM on all five training folds, then R-LSTM cross-validation folds 4-5, then the same
#           folds with hidden 128
# The cross-validation models (each trained on four folds) also make the ensemble. At the end the shipped
# models are copied into models/.
# Usage: scripts/train-paper-models.sh [RUN_DIR]   (default: runs/)   LOCSHARP=path/to/locsharp to pick a build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-runs}
data=../shared/data/multiloc
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
mkdir -p "$runs"
# The lanes run in the background, which a script without job control starts deaf to Ctrl-C: an interruption of
# this script stops them too (each training keeps its last checkpoint; run the script again to resume).
trap 'trap - INT TERM; kill -TERM 0' INT TERM
# Settings of every model (scripts/paper-settings.json; docs/results.md says why); one thread per lane.
settings=(--split "$data/split.tsv" --config scripts/paper-settings.json --threads 1 --resume)

lane1() {
  "$locsharp" train "$data" "${settings[@]}" --arch rlstm -o "$runs/rlstm.lsm"
  "$locsharp" cv "$data" "${settings[@]}" --folds fold1,fold2,fold3 -o "$runs/rlstm-cv"
  "$locsharp" cv "$data" "${settings[@]}" --hidden 128 --folds fold1,fold2,fold3 -o "$runs/rlstm-cv-h128"
}
lane2() {
  "$locsharp" train "$data" "${settings[@]}" --arch alstm -o "$runs/alstm.lsm"
  "$locsharp" cv "$data" "${settings[@]}" --folds fold4,fold5 -o "$runs/rlstm-cv"
  "$locsharp" cv "$data" "${settings[@]}" --hidden 128 --folds fold4,fold5 -o "$runs/rlstm-cv-h128"
}
lane1 > "$runs/lane1.out" 2>&1 &
lane2 > "$runs/lane2.out" 2>&1 &
wait
"$locsharp" cv "$data" "${settings[@]}" -o "$runs/rlstm-cv"
"$locsharp" ensemble "$runs"/rlstm-cv/fold{1,2,3,4,5}.lsm -o "$runs/rlstm-ensemble.lsm"
# The models the product ships (scripts/evaluate-paper-models.sh measures them for docs/results.md).
cp "$runs/rlstm.lsm" models/rlstm-multiloc.lsm
cp "$runs/alstm.lsm" models/alstm-multiloc.lsm
cp "$runs/rlstm-ensemble.lsm" models/rlstm-ensemble-multiloc.lsm
