#!/usr/bin/env bash
# Regenerates the numbers of docs/results.md: accuracy, per-location metrics and confusion matrices of the
# shipped models (models/, trained by scripts/train-paper-models.sh) on MultiLoc's `test` partition, their
# transfer to DeepLoc, and the cross-validation accuracy of the R-LSTM settings. Reports go to docs/results/
# (text and JSON). A model or cross-validation not trained yet is skipped with a note.
# Usage: scripts/evaluate-paper-models.sh [RUN_DIR]   (default: runs/)   LOCSHARP=path/to/locsharp to pick a build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-runs}
data=../shared/data/multiloc
deeploc=../shared/data/deeploc/deeploc_dev.fasta
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
out=docs/results
mkdir -p "$out"

for model in rlstm-multiloc alstm-multiloc rlstm-ensemble-multiloc; do
  file=models/$model.lsm
  if [ ! -f "$file" ]; then echo "skipped $model: $file not trained yet" >&2; continue; fi
  "$locsharp" evaluate -m "$file" "$data" --split "$data/split.tsv" --partition test > "$out/$model-test.txt"
  "$locsharp" evaluate -m "$file" "$data" --split "$data/split.tsv" --partition test --json > "$out/$model-test.json"
  "$locsharp" evaluate -m "$file" "$deeploc" --mapping multiloc-to-deeploc --exclude "$data" > "$out/$model-deeploc.txt" 2>&1
done
if ls "$runs"/rlstm-cv/fold{1,2,3,4,5}.lsm >/dev/null 2>&1; then
  "$locsharp" cv "$data" --split "$data/split.tsv" --config scripts/paper-settings.json --resume -o "$runs/rlstm-cv" \
    > "$out/rlstm-cv.txt"
  cp "$runs/rlstm-cv/cv.json" "$out/rlstm-cv.json"
else
  echo "skipped cross-validation: not every fold of $runs/rlstm-cv is trained yet" >&2
fi
