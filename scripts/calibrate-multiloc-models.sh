#!/usr/bin/env bash
# Fits the temperature of the shipped MultiLoc R-LSTM in place, on out-of-fold predictions:
# the ensemble's five networks are the cross-validation's (each trained on four of fold1-fold5), and each scores the
# fold it left out (`locsharp calibrate --out-of-fold`); `test` is not read by the fit. Then measures calibration
# on `test` before and after (docs/results.md, Calibration). The ensemble stays uncalibrated: its averaged output
# has no out-of-fold predictions (every training protein was seen by four of its five networks), and the networks'
# own temperature makes it under-confident on test (measured with `--apply-to-ensemble`, which also writes
# docs/results/rlstm-ensemble-multiloc-test-*.json, leaving models/ untouched). The profile R-LSTM
# (models/multiloc-profiles-rlstm.lsm) is calibrated the same way on the out-of-fold predictions of the profile
# ensemble's five networks (models/multiloc-profiles.lsm, the profile cross-validation of
# scripts/train-multiloc-profile-models.sh, same settings); the profile ensemble stays uncalibrated by the same rule.
# The A-LSTM is calibrated on its own cross-validation by scripts/calibrate-multiloc-alstm.sh.
# Usage: scripts/calibrate-multiloc-models.sh [--apply-to-ensemble]   LOCSHARP=path/to/locsharp to pick a build.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/multiloc
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
out=docs/results
mkdir -p "$out" docs/figures/calibration
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
folds=models/rlstm-ensemble-multiloc.lsm

names=(rlstm-multiloc); [ "${1:-}" = --apply-to-ensemble ] && names+=(rlstm-ensemble-multiloc)
for name in "${names[@]}"; do
  file=models/$name.lsm
  if [ $name = rlstm-ensemble-multiloc ]; then file=$work/$name.lsm; fi   # measured, not shipped
  "$locsharp" calibrate -m "models/$name.lsm" --out-of-fold "$folds" "$data" --split "$data/split.tsv" -o "$file" \
    > "$out/$name-calibration-fit.txt"
  for mode in uncalibrated calibrated; do
    flag=(); [ $mode = uncalibrated ] && flag=(--uncalibrated)
    "$locsharp" evaluate -m "$file" "$data" --split "$data/split.tsv" --partition test "${flag[@]}" --json \
      --figures "$work/figures-$mode" > "$out/$name-test-$mode.json"
    for ext in png svg; do cp "$work/figures-$mode/reliability.$ext" "docs/figures/calibration/$name-test-$mode.$ext"; done
  done
done

profiles=(--profiles ../shared/data/profiles/multiloc.profiles.tsv.gz)
name=multiloc-profiles-rlstm
"$locsharp" calibrate -m "models/$name.lsm" --out-of-fold models/multiloc-profiles.lsm "$data" --split "$data/split.tsv" \
  "${profiles[@]}" -o "models/$name.lsm" > "$out/$name-calibration-fit.txt"
for model in "$name" multiloc-profiles; do
  for mode in uncalibrated calibrated; do
    [ $model = multiloc-profiles ] && [ $mode = calibrated ] && continue   # the ensemble carries no temperature
    flag=(); [ $mode = uncalibrated ] && flag=(--uncalibrated)
    "$locsharp" evaluate -m "models/$model.lsm" "$data" --split "$data/split.tsv" --partition test "${profiles[@]}" \
      "${flag[@]}" --json --figures "$work/figures-$model-$mode" > "$out/$model-test-$mode.json"
    for ext in png svg; do
      cp "$work/figures-$model-$mode/reliability.$ext" "docs/figures/calibration/$model-test-$mode.$ext"
    done
  done
done
