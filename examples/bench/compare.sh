#!/usr/bin/env bash
# Speed as a ratio to PyTorch in the same run: runs the project's workloads and the matching PyTorch reference scripts
# (../shared/bench/pytorch beside the checkout, or $PYTORCH_BENCH) alternately for several rounds, then prints per
# figure the median of each side, the ratio project / PyTorch (below 1: the project is faster), the host's CPU model
# and flags, the commit and the date. Absolute times drift by 20-50% from minute to minute on a shared host; the ratio
# of alternated runs does not, so BENCHMARKS.md quotes ratios from this script.
#
#   mvn -B -q -o package -DskipTests          # once: the launcher's jars and core's test classes (EngineBenchmark)
#   examples/bench/compare.sh                 # 3 rounds of every workload, about 30 minutes on 2 cores
#   examples/bench/compare.sh --rounds 1 --tiny --workloads engine,maml-eval   # a quick check of the plumbing
#
# Options: --rounds N (default 3), --workloads LIST (default all: engine,protonet,maml,maml-eval,main-job),
# --tiny (small settings: checks that everything runs, the figures mean nothing), --threads N (default 2),
# --keep DIR (keep each run's output there; default a temporary directory, removed at the end).
# Both sides get the launcher's settings (./metalearn: OMP_WAIT_POLICY=passive, its JVM options) and $threads OpenMP
# threads; PyTorch runs /usr/bin/python3 (Debian's torch 1.13).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the shared folder beside the checkout, or beside the folder of a git worktree (wt/<name>)
pytorch="${PYTORCH_BENCH:-$root/../shared/bench/pytorch}"
[[ -n "${PYTORCH_BENCH:-}" || -d "$pytorch" ]] || pytorch="$root/../../shared/bench/pytorch"
python=/usr/bin/python3
rounds=3
workloads=engine,protonet,maml,maml-eval,main-job
tiny=0
threads=2
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --tiny) tiny=1; shift ;;
    --threads) threads="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "compare.sh: --rounds: expected a whole number >= 1, got '$rounds'" >&2; exit 2
fi
if [[ ! -f "$pytorch/engine.py" ]]; then
  echo "compare.sh: no PyTorch reference scripts in $pytorch (set PYTORCH_BENCH)" >&2; exit 2
fi
if [[ ! -d "$root/core/target/test-classes/org/metalearn4j/core/bench" ]]; then
  echo "compare.sh: not built; run: mvn -B -q -o package -DskipTests" >&2; exit 2
fi
export OMP_NUM_THREADS="$threads"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
launcher="$root/metalearn"
out="${keep:-$(mktemp -d)}"
mkdir -p "$out"
[[ -n "$keep" ]] || trap 'rm -rf "$out"' EXIT
results="$out/results.tsv"
: > "$results"

# Settings per workload: full (the issue's figures) or tiny (a plumbing check).
if [[ $tiny == 1 ]]; then
  engine_rounds=1; proto_seconds=5; proto_episodes=20; maml_iterations=1; maml_eval_episodes=10
  job_iterations=4; job_eval_episodes=20
else
  engine_rounds=3; proto_seconds=60; proto_episodes=1000; maml_iterations=3; maml_eval_episodes=600
  job_iterations=200; job_eval_episodes=600
fi

# record WORKLOAD FIGURE SIDE VALUE UNIT
record() {
  if ! [[ "$4" =~ ^[0-9]*\.?[0-9]+$ ]]; then
    echo "compare.sh: $1, $3: no figure for '$2' (got '$4')" >&2; exit 1
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$results"
}

# The first number after PATTERN (an extended regex) in FILE; fails loudly when the output lacks it.
number_after() {
  local v
  v="$(grep -oE "$2 *[0-9.]+" "$1" | tail -n 1 | grep -oE '[0-9.]+$' || true)"
  if [[ -z "$v" ]]; then
    echo "compare.sh: no '$2' in $1; its end:" >&2; tail -n 20 "$1" >&2; exit 1
  fi
  echo "$v"
}

# Wall seconds of a command; its output goes to FILE, and /usr/bin/time's peak resident size (KB) to FILE.rss.
timed() {
  local file="$1"; shift
  local start end
  start=$(date +%s.%N)
  if ! /usr/bin/time -f '%M' -o "$file.rss" "$@" > "$file" 2>&1; then
    echo "compare.sh: failed: $*" >&2; tail -n 30 "$file" >&2; exit 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

# The command that runs benchmark main CLASS through the launcher (its JVM and OpenMP settings), into the array main.
main_of() { main=(env METALEARN_MAIN="org.metalearn4j.$1" METALEARN_EXTRA_CLASSPATH="$root/core/target/test-classes" \
  "$launcher"); }

run_engine() {  # side round
  local f="$out/engine-$1-$2.txt"
  if [[ $1 == project ]]; then
    main_of core.bench.EngineBenchmark
    timed "$f" "${main[@]}" "$engine_rounds" > /dev/null
    record engine "conv4 fwd+bwd" project "$(number_after "$f" 'conv4 fwd\+bwd')" ms
    record engine "mlp fwd+bwd" project "$(number_after "$f" 'mlp fwd\+bwd')" us
    record engine "maml 2nd-order meta-gradient" project \
      "$(echo "$(number_after "$f" 'maml 2nd-order meta-grad') / 1000" | bc -l)" ms
  else
    timed "$f" "$python" "$pytorch/engine.py" --rounds "$engine_rounds" --threads "$threads" > /dev/null
    record engine "conv4 fwd+bwd" pytorch "$(number_after "$f" 'conv4')" ms
    record engine "mlp fwd+bwd" pytorch "$(number_after "$f" 'mlp')" us
    record engine "maml 2nd-order meta-gradient" pytorch "$(number_after "$f" 'maml2')" ms
  fi
}

run_protonet() {  # 20-way 5-shot 5-query training for a budget, then 5- and 20-way 1-shot evaluation
  local f="$out/protonet-$1-$2.txt"
  if [[ $1 == project ]]; then
    main_of examples.metric.MetricOmniglotBenchmark
    timed "$f" "${main[@]}" --seconds "$proto_seconds" \
      --episodes "$proto_episodes" > /dev/null
    local json; json="$(grep '^{' "$f" | tail -n 1)"
    record protonet "training episode 20w5s5q (mean)" project \
      "$(echo "$json" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["secondsPerEpisode"])')" s
    record protonet "evaluation, 5- and 20-way 1-shot x $proto_episodes" project "$(echo "$json" | "$python" -c \
      'import json,sys; j=json.load(sys.stdin); print(sum(j[k]["evalSeconds"] for k in ("metaTest5way1shot",
      "metaTest20way1shot")))')" s
    record protonet "evaluation, 20-way 1-shot x $proto_episodes alone" project "$(echo "$json" | "$python" -c \
      'import json,sys; print(json.load(sys.stdin)["metaTest20way1shot"]["evalSeconds"])')" s
  else
    timed "$f" "$python" "$pytorch/protonet.py" --time-budget "$proto_seconds" --way 20 --shot 5 --query 5 \
      --test-episodes "$proto_episodes" --log-every 1000000 --threads "$threads" > /dev/null
    record protonet "training episode 20w5s5q (mean)" pytorch "$(number_after "$f" 'per training episode: mean')" s
    record protonet "evaluation, 5- and 20-way 1-shot x $proto_episodes" pytorch "$(number_after "$f" 'eval time')" s
  fi
}

run_maml() {  # meta-iterations, meta-batch 32, 5-way 1-shot 15-query, second and first order
  local f="$out/maml-$1-$2.txt"
  if [[ $1 == project ]]; then
    main_of examples.optimization.OmniglotTiming
    timed "$f" "${main[@]}" --iterations "$maml_iterations" \
      --task-threads "$threads" > /dev/null
    record maml "meta-iteration, second order" project "$(number_after "$f" 'RESULT second order[^:]*:')" ms
    record maml "meta-iteration, first order" project "$(number_after "$f" 'RESULT first order[^:]*:')" ms
  else
    timed "$f" "$python" "$pytorch/maml.py" --timing "$maml_iterations" --warmup 1 --threads "$threads" > /dev/null
    record maml "meta-iteration, second order" pytorch "$(number_after "$f" 'TIMING second-order:')" ms
    record maml "meta-iteration, first order" pytorch "$(number_after "$f" 'TIMING first-order:')" ms
  fi
}

run_maml_eval() {  # one meta-iteration, then 5-way 1-shot evaluation with 3 fine-tuning steps
  local f="$out/maml-eval-$1-$2.txt"
  if [[ $1 == project ]]; then
    main_of examples.optimization.OmniglotTraining
    timed "$f" "${main[@]}" --learner maml --minutes 0.001 \
      --eval-every-seconds 1e9 --final-episodes "$maml_eval_episodes" --out "$out/maml-eval-curve.csv" > /dev/null
    record maml-eval "evaluation, $maml_eval_episodes episodes x 3 steps" project "$(number_after "$f" 'episodes in')" s
  else
    timed "$f" "$python" "$pytorch/maml.py" --iterations 1 --test-episodes "$maml_eval_episodes" \
      --threads "$threads" > /dev/null
    record maml-eval "evaluation, $maml_eval_episodes episodes x 3 steps" pytorch "$(number_after "$f" 'eval time')" s
  fi
}

run_main_job() {  # the README's main job, whole process: start-up, data, training, evaluation
  local f="$out/main-job-$1-$2.txt" seconds
  if [[ $1 == project ]]; then
    rm -rf "$out/run"
    seconds="$(timed "$f" "$launcher" train "$root/examples/configs/omniglot-protonet.yaml" --out "$out/run" \
      --no-progress --set train.iterations="$job_iterations" --set train.evalEvery="$job_iterations" \
      --set eval.episodes="$job_eval_episodes")"
  else
    # PyTorch scores 20-way as well as 5-way (and Lake's runs): its figure covers more evaluation than the project's
    seconds="$(timed "$f" "$python" "$pytorch/protonet.py" --episodes "$job_iterations" --way 20 --shot 5 --query 5 \
      --test-episodes "$job_eval_episodes" --log-every 1000000 --threads "$threads")"
  fi
  record main-job "wall time, $job_iterations episodes + $job_eval_episodes eval" "$1" "$seconds" s
  record main-job "peak resident" "$1" "$(echo "$(cat "$f.rss") / 1024" | bc -l)" MiB
}

IFS=',' read -r -a chosen <<< "$workloads"
for w in "${chosen[@]}"; do
  case "$w" in engine|protonet|maml|maml-eval|main-job) ;; *)
    echo "compare.sh: --workloads: unknown workload '$w'; expected engine, protonet, maml, maml-eval, main-job" >&2
    exit 2 ;;
  esac
done

for ((r = 0; r < rounds; r++)); do
  for w in "${chosen[@]}"; do
    # who goes first alternates, so that a drift in the host's speed hits both sides alike
    if ((r % 2 == 0)); then sides=(project pytorch); else sides=(pytorch project); fi
    for side in "${sides[@]}"; do
      echo "round $((r + 1))/$rounds: $w, $side ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))" >&2
      "run_${w//-/_}" "$side" "$r"
    done
  done
done

flags="$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' \
  | grep -xE 'avx|avx2|fma|f16c|avx512[a-z_0-9]*|amx[a-z_0-9]*|sse4_2' | tr '\n' ' ')"
echo
echo "host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores," \
  "flags: ${flags:-none}"
echo "project: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' (modified)');" \
  "PyTorch $("$python" -c 'import torch; print(torch.__version__)'); $(date -u '+%Y-%m-%d %H:%M UTC');" \
  "$rounds round(s)" \
  "alternated, $threads threads, OMP_WAIT_POLICY=$OMP_WAIT_POLICY, load at end $(cut -d' ' -f1-3 /proc/loadavg)$( \
  [[ $tiny == 1 ]] && echo '; TINY SETTINGS: the figures mean nothing')"
"$python" - "$results" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    workload, figure, side, value, unit = line.rstrip('\n').split('\t')
    rows.setdefault((workload, figure, unit), {}).setdefault(side, []).append(float(value))
print('%-10s %-48s %14s %14s %8s' % ('workload', 'figure', 'project', 'pytorch', 'ratio'))
for (workload, figure, unit), sides in rows.items():
    p, t = (statistics.median(sides[s]) if s in sides else None for s in ('project', 'pytorch'))
    shown = lambda v: '%10.5g %-3s' % (v, unit) if v is not None else '%14s' % '-'
    ratio = '%8.2f' % (p / t) if p is not None and t is not None else '%8s' % '-'
    print('%-10s %-48s %s %s %s' % (workload, figure, shown(p), shown(t), ratio))
print('ratio: median of the project / median of PyTorch over the rounds (below 1: the project is faster)')
EOF
