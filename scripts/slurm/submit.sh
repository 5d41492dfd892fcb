#!/bin/bash
# Submits a headroom sweep or batch as a Slurm array of shards and a merge job that runs after them.
#
#   scripts/slurm/submit.sh <tasks> <out-dir> sweep --method sobol --vary demand.growth.start=1.6:3.3 ... --samples 256
#   scripts/slurm/submit.sh <tasks> <out-dir> batch Scenarios/*.yaml
#
# Prints the two job ids ("<array id> <merge id>"). Logs go to <out-dir>/logs/. Extra sbatch options
# (partition, account, time) go in SBATCH_OPTIONS, e.g. SBATCH_OPTIONS="--partition=short --time=2:00:00".
set -euo pipefail
tasks=${1:?usage: submit.sh <tasks> <out-dir> sweep|batch <arguments...>}
out=${2:?usage: submit.sh <tasks> <out-dir> sweep|batch <arguments...>}
kind=${3:?usage: submit.sh <tasks> <out-dir> sweep|batch <arguments...>}
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/logs"
# shellcheck disable=SC2086 # SBATCH_OPTIONS is a list of options
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array=1-"$tasks" --output="$out/logs/%x-%A_%a.out" \
  "$here/array.sbatch" "$kind" "$out" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency=afterok:"$array" --kill-on-invalid-dep=yes \
  --output="$out/logs/%x-%j.out" "$here/merge.sbatch" "$kind" "$out")
merge=${merge%%;*}
echo "$array $merge"
