#!/usr/bin/env bash
# Trains the MultiLoc models with the shared MMseqs2 profiles (80 features) behind docs/results.md's "LocSharp
# (MMseqs2 profiles)" column, on MultiLoc's training folds only (never `test`), in two lanes of one CPU thread each,
# niced. Settings: scripts/paper-settings.json with hidden 128 (cross-validation without profiles found it as
# accurate as 256 at half the time), as the shipped profile R-LSTM (models/multiloc-profiles-rlstm.lsm).
#   lane 1: R-LSTM cross-validation with profiles, folds 1-3
#   lane 2: the A-LSTM with profiles on all five training folds, then cross-validation folds 4-5
# The cross-validation's five networks make the profile ensemble, and their out-of-fold predictions measure the
# setting against the same cross-validation without profiles (docs/results/rlstm-cv-h128.txt) and fit a temperature.
# The ensemble ships as models/multiloc-profiles.lsm (docs/results.md says why).
# Checkpoints and fold models go to checkpoints/ (committed, so a later session on another machine resumes them);
# run this again after an interruption and every step continues where it stopped.
# Usage: scripts/train-multiloc-profile-models.sh [RUN_DIR]   (default: runs/)   LOCSHARP=path/to/locsharp
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-runs}
data=../shared/data/multiloc
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
mkdir -p "$runs" checkpoints
# The lanes run in the background, which a script without job control starts deaf to Ctrl-C: an interruption of
# this script stops them too (each training keeps its last checkpoint; run the script again to resume).
trap 'trap - INT TERM; kill -TERM 0' INT TERM
settings=(--split "$data/split.tsv" --config scripts/paper-settings.json --hidden 128 --threads 1 --resume
  --profiles ../shared/data/profiles/multiloc.profiles.tsv.gz --profile-recipe scripts/swissprot2014-mmseqs.recipe.json)
cv=checkpoints/multiloc-profiles-cv

lane1() {
  nice -n 5 "$locsharp" cv "$data" "${settings[@]}" --folds fold1,fold2,fold3 -o "$cv"
}
lane2() {
  nice -n 5 "$locsharp" train "$data" "${settings[@]}" --arch alstm -o "$runs/multiloc-profiles-alstm.lsm" \
    --checkpoint checkpoints/multiloc-profiles-alstm.checkpoint
  nice -n 5 "$locsharp" cv "$data" "${settings[@]}" --folds fold4,fold5 -o "$cv"
}
lane1 > "$runs/multiloc-profiles-lane1.out" 2>&1 &
lane2 > "$runs/multiloc-profiles-lane2.out" 2>&1 &
wait
"$locsharp" cv "$data" "${settings[@]}" -o "$cv"
"$locsharp" ensemble "$cv"/fold{1,2,3,4,5}.lsm -o "$runs/multiloc-profiles-ensemble.lsm"
cp "$runs/multiloc-profiles-ensemble.lsm" models/multiloc-profiles.lsm
