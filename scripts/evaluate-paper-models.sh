#!/usr/bin/env bash
# Regenerates the numbers of docs/results.md from the models scripts/train-paper-models.sh trained:
# accuracy, per-location metrics and confusion matrices on MultiLoc's `test` partition, cross-validation
# accuracy, and transfer to DeepLoc. Reports go to docs/results/ (text and JSON).
# Usage: scripts/evaluate-paper-models.sh [RUN_DIR]   (default: runs/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-runs}
data=../shared/data/multiloc
deeploc=../shared/data/deeploc/deeploc_dev.fasta
locsharp=${LOCSHARP:-runs/bin/locsharp}
out=docs/results
mkdir -p "$out"

folds=("$runs"/rlstm-cv/fold{1,2,3,4,5}.lsm)
"$locsharp" ensemble "${folds[@]}" -o "$runs/rlstm-ensemble.lsm"

for model in rlstm alstm rlstm-ensemble; do
  "$locsharp" evaluate -m "$runs/$model.lsm" "$data" --split "$data/split.tsv" --partition test > "$out/$model-test.txt"
  "$locsharp" evaluate -m "$runs/$model.lsm" "$data" --split "$data/split.tsv" --partition test --json > "$out/$model-test.json"
  "$locsharp" evaluate -m "$runs/$model.lsm" "$deeploc" --mapping multiloc-to-deeploc --exclude "$data" > "$out/$model-deeploc.txt"
done
"$locsharp" cv "$data" --split "$data/split.tsv" --config scripts/paper-settings.json --resume -o "$runs/rlstm-cv" \
  > "$out/rlstm-cv.txt"
cp "$runs/rlstm-cv/cv.json" "$out/rlstm-cv.json"
