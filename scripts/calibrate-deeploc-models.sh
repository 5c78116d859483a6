#!/usr/bin/env bash
# Fits the temperature of each DeepLoc-scheme model in place, on one half of deeploc_dev.fasta, and measures its
# calibration before and after on the other half (docs/results.md, Calibration). The halves are the dev records in
# file order, odd (fit) and even (measure); dev also chose each model's epoch, so the measurement half is not
# untouched by selection, only by the fit.
# Usage: scripts/calibrate-deeploc-models.sh [MODEL...]   (default: models/deeploc.lsm models/deeploc-profiles.lsm)
#   LOCSHARP=path/to/locsharp to pick a build.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=../shared/data/deeploc/deeploc_dev.fasta
profiles=$(realpath ../shared/data/profiles/deeploc_dev.profiles.tsv.gz)
locsharp=$(realpath "${LOCSHARP:-runs/bin/locsharp}")
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=$PWD/runs/bin/locsharp; fi
out=docs/results
mkdir -p "$out" docs/figures/calibration
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fit=deeploc_dev.odd-records.fasta check=deeploc_dev.even-records.fasta  # the names the model files record
awk -v fit="$work/$fit" -v check="$work/$check" \
  '/^>/ {n++} {print > ((n % 2 == 1) ? fit : check)}' "$dev"
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(models/deeploc.lsm models/deeploc-profiles.lsm)

for file in "${models[@]}"; do
  name=$(basename "$file" .lsm)
  extra=()
  if unzip -p "$file" model.json | grep -q '"inputFeatures": 80'; then extra=(--profiles "$profiles"); fi
  abs=$(realpath "$file")
  (cd "$work" && "$locsharp" calibrate -m "$abs" "$fit" --known-locations-only "${extra[@]}" -o "$abs") \
    > "$out/$name-calibration-fit.txt"
  for mode in uncalibrated calibrated; do
    flag=(); [ $mode = uncalibrated ] && flag=(--uncalibrated)
    "$locsharp" evaluate -m "$file" "$work/$check" --known-locations-only "${extra[@]}" "${flag[@]}" --json \
      --figures "$work/figures-$mode" > "$out/$name-dev-check-$mode.json"
    for ext in png svg; do cp "$work/figures-$mode/reliability.$ext" "docs/figures/calibration/$name-dev-check-$mode.$ext"; done
  done
done
