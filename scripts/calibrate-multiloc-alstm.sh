#!/usr/bin/env bash
# Fits the temperature of the shipped MultiLoc A-LSTM (models/alstm-multiloc.lsm, in place) on out-of-fold
# predictions of the A-LSTM cross-validation (scripts/train-multiloc-alstm-cv.sh, same settings): each finished fold
# network (checkpoints/alstm-multiloc-cv/FOLD.lsm, trained on the other four folds) scores the fold it left out;
# `test` is not read by the fit. Any finished folds will do, and the fit records which partitions it read
# (`unzip -p models/alstm-multiloc.lsm model.json`, field calibration); run it again when more folds are done.
# Then measures calibration on `test` before and after (docs/results.md, Calibration).
# Usage: scripts/calibrate-multiloc-alstm.sh   LOCSHARP=path/to/locsharp to pick a build.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/multiloc
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
cv=checkpoints/alstm-multiloc-cv
shopt -s nullglob
folds=("$cv"/fold[1-5].lsm)
if [ ${#folds[@]} -eq 0 ]; then echo "no finished fold model in $cv; run scripts/train-multiloc-alstm-cv.sh" >&2; exit 1; fi
out=docs/results
mkdir -p "$out" docs/figures/calibration
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

"$locsharp" ensemble "${folds[@]}" -o "$work/alstm-cv-folds.lsm" >&2
"$locsharp" calibrate -m models/alstm-multiloc.lsm --out-of-fold "$work/alstm-cv-folds.lsm" "$data" --split "$data/split.tsv" \
  -o models/alstm-multiloc.lsm > "$out/alstm-multiloc-calibration-fit.txt"
for mode in uncalibrated calibrated; do
  flag=(); [ $mode = uncalibrated ] && flag=(--uncalibrated)
  "$locsharp" evaluate -m models/alstm-multiloc.lsm "$data" --split "$data/split.tsv" --partition test "${flag[@]}" --json \
    --figures "$work/figures-$mode" > "$out/alstm-multiloc-test-$mode.json"
  for ext in png svg; do cp "$work/figures-$mode/reliability.$ext" "docs/figures/calibration/alstm-multiloc-test-$mode.$ext"; done
done
