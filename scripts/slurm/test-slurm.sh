#!/bin/bash
# `make test-slurm`: runs the Slurm recipe on a real single-node Slurm cluster started on this machine.
#
# Starts munged, slurmctld and slurmd as root with a generated slurm.conf in a temporary folder
# (proctrack/linuxproc, task/none, select/cons_tres, this machine's CPUs and memory from `slurmd -C`,
# free ports, its own munge key and socket: nothing under /etc is used or changed), submits a 4-task
# array Sobol sweep and a 4-task array batch of the bundled scenarios, each with its dependent merge
# job, through scripts/slurm/submit.sh, waits for them (TEST_SLURM_TIMEOUT seconds, default 600),
# checks that each merged result (the sweep's countries, the batch's results) is byte-identical to a
# single-process run of the same study and that the sweep's merge recorded the run in the database,
# and stops the daemons it started by their pid files (always: also on failure or Ctrl-C).
# The temporary folder is removed on success (kept with TEST_SLURM_KEEP=1) and kept, with the daemons'
# logs, on failure.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
headroom=${HEADROOM:-$root/.build/debug/headroom}
timeout=${TEST_SLURM_TIMEOUT:-600}
started=$(date +%s)

say() { echo "test-slurm: $*"; }
fail() {
  echo "test-slurm: FAILED: $*" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || fail "starts slurmctld, slurmd and munged, so it runs as root"
for program in munged mungekey slurmctld slurmd sbatch squeue scontrol sinfo jq; do
  command -v "$program" > /dev/null || fail "$program is missing: apt-get install -y slurm-wlm munge jq"
done
[ -x "$headroom" ] || fail "$headroom is not built: run swift build (or make build)"

work=$(mktemp -d /tmp/headroom-slurm.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/out"
export SLURM_CONF=$work/slurm.conf

stop_daemons() {
  local status=$?
  # Jobs first (their steps are children of slurmd), then the daemons this script started, by pid file.
  if [ -f "$work/slurmctld.pid" ]; then
    scancel --quiet --full "${array_job:-0}" "${merge_job:-0}" "${batch_array_job:-0}" "${batch_merge_job:-0}" \
      2> /dev/null || true
  fi
  for daemon in slurmd slurmctld munged; do
    local pidfile=$work/$daemon.pid
    [ "$daemon" = munged ] && pidfile=$work/munge/munged.pid
    if [ -s "$pidfile" ]; then
      local pid
      pid=$(cat "$pidfile")
      if kill "$pid" 2> /dev/null; then
        for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2> /dev/null && kill -9 "$pid" 2> /dev/null || true
      fi
    fi
  done
  if [ "$status" = 0 ] && [ -z "${TEST_SLURM_KEEP:-}" ]; then
    rm -rf "$work"
  else
    for log in slurmctld.log slurmd.log munge/munged.log; do
      [ -f "$work/$log" ] && { echo "--- last lines of $work/$log" >&2; tail -n 15 "$work/$log" >&2; }
    done
    echo "test-slurm: logs and files kept in $work" >&2
  fi
  say "daemons stopped after $(($(date +%s) - started)) s"
  exit "$status"
}
trap stop_daemons EXIT
trap 'exit 130' INT TERM

# A free TCP port on 127.0.0.1, from the given one upwards (nothing must answer on it).
free_port() {
  local port=$1
  while (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do port=$((port + 1)); done
  echo "$port"
}

# munge: own key and socket.
mungekey --create --keyfile="$work/munge/munge.key" --force
chmod 600 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"

# slurm.conf for one node: this machine as `slurmd -C` sees it.
node=$(slurmd -C | head -n 1)
name=$(echo "$node" | sed -n 's/^NodeName=\([^ ]*\).*/\1/p')
ctld_port=$(free_port 16817)
slurmd_port=$(free_port $((ctld_port + 1)))
cat > "$SLURM_CONF" << CONF
ClusterName=headroom-test
SlurmctldHost=$name(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MailProg=/bin/true
DependencyParameters=kill_invalid_depend
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$name Default=YES MaxTime=INFINITE State=UP
CONF
sed -i 's/ UpTime=[^ ]*//' "$SLURM_CONF"
say "cluster: $node (slurmctld port $ctld_port, slurmd port $slurmd_port, files in $work)"

slurmctld -c -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N "$name"
for _ in $(seq 120); do
  state=$(sinfo -h -N -n "$name" -o %T 2> /dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || fail "node $name is '$state', not idle, after 60 s"
say "node $name is idle after $(($(date +%s) - started)) s"

# The sweep: Sobol, 3 inputs, N = 4 base rows, 4 x 5 = 20 runs, in 4 array tasks.
sweep=(--method sobol --vary demand.growth.start=1.6:3.3 --vary ai_share_of_dc_growth=0.35:0.6
  --vary lifetime=4:6 --samples 4 --seed 3)
export HEADROOM=$headroom HEADROOM_DB=$work/headroom.sqlite
read -r array_job merge_job < <("$root/scripts/slurm/submit.sh" 4 "$work/out" sweep "${sweep[@]}")
say "submitted sweep array job $array_job (4 tasks) and merge job $merge_job (after the array)"
# And a batch of the five bundled scenarios in 4 tasks (task 1 solves two of them).
batch=(baseline china-h200 us-grid-minus-30 diffusion-enforced china-domestic-x2)
read -r batch_array_job batch_merge_job < <("$root/scripts/slurm/submit.sh" 4 "$work/batch" batch "${batch[@]}")
say "submitted batch array job $batch_array_job (4 tasks) and merge job $batch_merge_job"
jobs="$array_job,$merge_job,$batch_array_job,$batch_merge_job"

# Meanwhile, the same sweep and batch in one process each, outside Slurm.
"$headroom" sweep "${sweep[@]}" --format json --no-save > "$work/single.json"
"$headroom" batch "${batch[@]}" --format json > "$work/single-batch.json"

deadline=$(($(date +%s) + timeout))
while squeue -h -j "$jobs" 2> /dev/null | grep -q .; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "jobs still queued or running after $timeout s: $(squeue -h -j "$jobs")"
  sleep 1
done
state() { scontrol show job "$1" 2> /dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1; }
for task in 1 2 3 4; do
  [ -s "$work/out/shard-$task.json" ] || fail "sweep array task $task wrote no shard file (see $work/out/logs)"
  [ -s "$work/batch/shard-$task.json" ] || fail "batch array task $task wrote no shard file (see $work/batch/logs)"
done
for job in "$merge_job" "$batch_merge_job"; do
  [ "$(state "$job")" = COMPLETED ] || fail "merge job $job ended $(state "$job") (see $work/out/logs, $work/batch/logs)"
done
say "array and merge jobs completed after $(($(date +%s) - started)) s"

jq -c .countries "$work/single.json" > "$work/single-countries.json"
jq -c .countries "$work/out/merged.json" > "$work/merged-countries.json"
cmp "$work/single-countries.json" "$work/merged-countries.json" \
  || fail "the merged countries differ from the single run's ($work/single-countries.json, $work/merged-countries.json)"
[ "$(jq '.countries | length' "$work/single.json")" -gt 0 ] || fail "the single run reports no countries"
say "merged sweep equals the single-process run ($(wc -c < "$work/merged-countries.json") bytes of countries JSON)"
jq -c .results "$work/single-batch.json" > "$work/single-results.json"
jq -c .results "$work/batch/merged.json" > "$work/merged-results.json"
cmp "$work/single-results.json" "$work/merged-results.json" \
  || fail "the merged batch differs from the single run's ($work/single-results.json, $work/merged-results.json)"
[ "$(jq '.results | length' "$work/batch/merged.json")" = 5 ] || fail "the merged batch does not hold 5 scenarios"
say "merged batch equals the single-process run (5 scenarios)"

runs=$("$headroom" runs list --format json)
echo "$runs" | jq -e '[.runs[] | select(.kind == "sweep")] | length == 1' > /dev/null \
  || fail "the merge job did not record one sweep run in $HEADROOM_DB: $runs"
say "the merge job recorded the sweep in the run history"
say "passed in $(($(date +%s) - started)) s"
