#!/usr/bin/env bash
# Regenerates the numbers of docs/results.md: accuracy, per-location metrics and confusion matrices of the
# shipped models (models/, trained by scripts/train-paper-models.sh) on MultiLoc's `test` partition, their
# transfer to DeepLoc, and the cross-validation accuracy of two R-LSTM settings. Reports go to docs/results/
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
# The models that read profiles, with the shared profiles: the shipped ensemble of the profile cross-validation
# (models/multiloc-profiles.lsm) and A-LSTM (not shipped) of scripts/train-multiloc-profile-models.sh, and the
# shipped single R-LSTM (trained by scripts/train-deeploc-models.sh).
for file in models/multiloc-profiles.lsm models/multiloc-profiles-rlstm.lsm "$runs/multiloc-profiles-alstm.lsm"; do
  name=$(basename "$file" .lsm)
  if [ ! -f "$file" ]; then echo "skipped $name: $file not trained yet" >&2; continue; fi
  for format in txt json; do
    flag=(); [ $format = json ] && flag=(--json)
    "$locsharp" evaluate -m "$file" "$data" --split "$data/split.tsv" --partition test \
      --profiles ../shared/data/profiles/multiloc.profiles.tsv.gz "${flag[@]}" > "$out/$name-test.$format"
  done
done
# Cross-validation summaries (mean ± sd over the five folds) of the shipped settings and of hidden 128.
cv_summary() {  # NAME, then options beyond scripts/paper-settings.json
  local name=$1; shift
  if ! ls "$runs/$name"/fold{1,2,3,4,5}.lsm >/dev/null 2>&1; then
    echo "skipped $name: not every fold of $runs/$name is trained yet" >&2; return
  fi
  "$locsharp" cv "$data" --split "$data/split.tsv" --config scripts/paper-settings.json "$@" --resume -o "$runs/$name" \
    > "$out/$name.txt"
  cp "$runs/$name/cv.json" "$out/$name.json"
}
cv_summary rlstm-cv
cv_summary rlstm-cv-h128 --hidden 128
