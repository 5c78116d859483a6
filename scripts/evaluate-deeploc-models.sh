#!/usr/bin/env bash
# Regenerates the numbers of docs/results.md's DeepLoc section: dev accuracy, Gorodkin MCC, per-location metrics,
# confusion matrix and membrane accuracy/MCC of each DeepLoc-scheme model (models/deeploc*.lsm, or the runs of
# scripts/train-deeploc-models.sh), how the 23 dual-location Cytoplasm-Nucleus proteins of dev are called, and the
# time to predict all 5,959 MultiLoc proteins. Dev picked each run's epoch, so its numbers are development numbers,
# not claims. Reports go to docs/results/. A model not trained yet is skipped with a note.
# Usage: scripts/evaluate-deeploc-models.sh [MODEL...]   (default: models/deeploc.lsm models/deeploc-profiles.lsm)
#   LOCSHARP=path/to/locsharp to pick a build.
set -euo pipefail
cd "$(dirname "$0")/.."
deeploc=../shared/data/deeploc/deeploc_dev.fasta
profiles=../shared/data/profiles
multiloc=../shared/data/multiloc
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
out=docs/results
mkdir -p "$out"
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(models/deeploc.lsm models/deeploc-profiles.lsm)

for file in "${models[@]}"; do
  name=$(basename "$file" .lsm)
  if [ ! -f "$file" ]; then echo "skipped $name: $file not trained yet" >&2; continue; fi
  extra=() speed_extra=()
  if unzip -p "$file" model.json | grep -q '"inputFeatures": 80'; then
    extra=(--profiles "$profiles/deeploc_dev.profiles.tsv.gz") speed_extra=(--profiles "$profiles/multiloc.profiles.tsv.gz")
  fi
  "$locsharp" evaluate -m "$file" "$deeploc" --known-locations-only "${extra[@]}" > "$out/$name-dev.txt"
  "$locsharp" evaluate -m "$file" "$deeploc" --known-locations-only "${extra[@]}" --json > "$out/$name-dev.json"
  # The dual-location proteins: how many are called Cytoplasm or Nucleus.
  awk '/^>/{keep = ($2 == "Cytoplasm-Nucleus-U")} keep' "$deeploc" > "$out/.dual.fasta"
  "$locsharp" predict -m "$file" "$out/.dual.fasta" "${extra[@]}" |
    awk -F, 'NR>1 {n++; if ($2=="Cytoplasm" || $2=="Nucleus") k++} END {printf "%d of %d Cytoplasm-Nucleus proteins called Cytoplasm or Nucleus\n", k, n}' \
    > "$out/$name-dev-dual.txt"
  rm -f "$out/.dual.fasta"
  # Speed: all of MultiLoc (the issue's budget: under 60 s).
  cat "$multiloc"/*.fasta | "$locsharp" predict -m "$file" - "${speed_extra[@]}" --stats 2> "$out/$name-speed.txt" > /dev/null
done
