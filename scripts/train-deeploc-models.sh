#!/usr/bin/env bash
# Trains the DeepLoc-scheme models (docs/results.md, DeepLoc section) and the MultiLoc profile model, in two lanes
# of one CPU thread each, niced. DeepLoc models train on deeploc_train.fasta and pick their epoch on
# deeploc_dev.fasta (never anything else); the MultiLoc profile model trains on MultiLoc's five training folds and
# keeps its last epoch, so `test` selects nothing. Checkpoints go to checkpoints/ (committed, so a later session on
# another machine resumes them); run this again after an interruption and every step continues where it stopped.
#   lane 1: DeepLoc R-LSTM without profiles, then the MultiLoc R-LSTM with profiles, then the DeepLoc R-LSTM with
#           class weights (power 0.5) against DeepLoc's imbalance
#   lane 2: DeepLoc R-LSTM with profiles, then the DeepLoc A-LSTM with profiles
# then, as the second setting (scripts/deeploc-settings-long.json: learning rate 2e-3, 40 epochs, because the first
# setting's networks still underfit: training accuracy no higher than dev accuracy at epoch 20):
#   lane 1: DeepLoc R-LSTM without profiles, with class weights (power 0.5: it helped the first setting on dev)
#   lane 2: DeepLoc A-LSTM with profiles
# then the A-LSTM without profiles, first setting (attention added 0.026 on dev to the profile networks; DeepLoc's
# own network is attention-based):
#   lane 1: DeepLoc A-LSTM without profiles
#   lane 2: DeepLoc A-LSTM without profiles, dropout 0.25 instead of 0.5 (the networks underfit: training accuracy
#           0.70 against dev 0.67 after the second setting's 40 epochs)
# then, since neither A-LSTM beat the second setting's R-LSTM (0.667 and 0.668 against 0.676):
#   lane 1: DeepLoc A-LSTM without profiles, second setting, class weights (power 0.5): attention with the schedule
#           and weights that made the default
#   lane 2: DeepLoc R-LSTM without profiles, class weights, a network of DeepLoc 1.0's size
#           (scripts/deeploc-settings-large.json: hidden 256, learning rate 2e-3, 20 epochs; and 20 filters per width)
#           against the underfitting
# Usage: scripts/train-deeploc-models.sh [RUN_DIR]   (default: runs/)   LOCSHARP=path/to/locsharp to pick a build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-runs}
deeploc=../shared/data/deeploc
multiloc=../shared/data/multiloc
profiles=../shared/data/profiles
locsharp=${LOCSHARP:-runs/bin/locsharp}
if [ ! -x "$locsharp" ]; then dotnet publish src/LocSharp.Cli -c Release -o runs/bin >/dev/null; locsharp=runs/bin/locsharp; fi
mkdir -p "$runs" checkpoints
# The lanes run in the background, which a script without job control starts deaf to Ctrl-C: an interruption of
# this script stops them too (each training keeps its last checkpoint; run the script again to resume).
trap 'trap - INT TERM; kill -TERM 0' INT TERM
recipe=(--profile-recipe scripts/swissprot2014-mmseqs.recipe.json)
deeploc_settings=(--validation-data "$deeploc/deeploc_dev.fasta" --config scripts/deeploc-settings.json --threads 1 --resume)
deeploc_large=(--validation-data "$deeploc/deeploc_dev.fasta" --config scripts/deeploc-settings-large.json --threads 1 --resume)
deeploc_long=(--validation-data "$deeploc/deeploc_dev.fasta" --config scripts/deeploc-settings-long.json --threads 1 --resume)
deeploc_profiles=(--profiles "$profiles/deeploc_train.profiles.tsv.gz" --profiles "$profiles/deeploc_dev.profiles.tsv.gz" "${recipe[@]}")

train() { # NAME ARGS...: one model, checkpointed in checkpoints/NAME.checkpoint
  local name=$1; shift
  nice -n 5 "$locsharp" train "$@" -o "$runs/$name.lsm" --checkpoint "checkpoints/$name.checkpoint"
}
lane1() {
  train deeploc-rlstm "$deeploc/deeploc_train.fasta" "${deeploc_settings[@]}" --arch rlstm
  train multiloc-profiles-rlstm "$multiloc" --split "$multiloc/split.tsv" --config scripts/paper-settings.json --hidden 128 \
    --profiles "$profiles/multiloc.profiles.tsv.gz" "${recipe[@]}" --threads 1 --resume --arch rlstm
  train deeploc-rlstm-cw05 "$deeploc/deeploc_train.fasta" "${deeploc_settings[@]}" --arch rlstm --class-weight-power 0.5
  train deeploc-rlstm-long-cw05 "$deeploc/deeploc_train.fasta" "${deeploc_long[@]}" --arch rlstm --class-weight-power 0.5
  train deeploc-alstm "$deeploc/deeploc_train.fasta" "${deeploc_settings[@]}" --arch alstm
  train deeploc-alstm-long-cw05 "$deeploc/deeploc_train.fasta" "${deeploc_long[@]}" --arch alstm --class-weight-power 0.5
}
lane2() {
  train deeploc-profiles-rlstm "$deeploc/deeploc_train.fasta" "${deeploc_settings[@]}" "${deeploc_profiles[@]}" --arch rlstm
  train deeploc-profiles-alstm "$deeploc/deeploc_train.fasta" "${deeploc_settings[@]}" "${deeploc_profiles[@]}" --arch alstm
  train deeploc-profiles-alstm-long "$deeploc/deeploc_train.fasta" "${deeploc_long[@]}" "${deeploc_profiles[@]}" --arch alstm
  train deeploc-alstm-dropout025 "$deeploc/deeploc_train.fasta" "${deeploc_settings[@]}" --arch alstm --dropout 0.25
  train deeploc-rlstm-large-cw05 "$deeploc/deeploc_train.fasta" "${deeploc_large[@]}" --arch rlstm --class-weight-power 0.5 --filters 20
}
lane1 > "$runs/deeploc-lane1.out" 2>&1 &
lane2 > "$runs/deeploc-lane2.out" 2>&1 &
wait
# The default, models/deeploc.lsm: the second setting's weighted R-LSTM and weighted A-LSTM averaged (the most
# accurate no-profile model on dev inside the 60-s budget for MultiLoc; docs/results.md). Then
# scripts/calibrate-deeploc-models.sh fits its temperature and scripts/evaluate-deeploc-models.sh measures it.
"$locsharp" ensemble "$runs/deeploc-rlstm-long-cw05.lsm" "$runs/deeploc-alstm-long-cw05.lsm" -o "$runs/deeploc-default.lsm"
