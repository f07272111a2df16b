#!/usr/bin/env bash
# Benchmark the dlint binary at monorepo scale.
#
#   scripts/bench.sh [-n RUNS] [-d DOCKERFILES] [-c COMPOSE] [-o DIR] [-s SCALES] [-b BINARY]
#
# Builds dlint, generates a synthetic monorepo (internal/benchcorpus: 10,000
# Dockerfiles and 1,000 compose projects by default) in DIR, and lints it and
# ../shared/corpus, RUNS times each. Prints the median wall time, files per
# second and the peak resident memory of each target. Then it lints
# ../shared/corpus copied 1, 2, 4 and 8 times into one tree (-s "1 2 4 8")
# and prints files per second at each scale: equal figures mean the cost is
# linear in the size of the repository. -b times a binary built elsewhere
# (an A/B comparison) instead of building one. Peak memory comes from
# GNU time (`/usr/bin/time -v`); install it with `apt-get install time` if it
# is missing. Other processes on the machine skew the figures: compare
# medians of several runs, on an idle machine where you can.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
dockerfiles=10000
compose=1000
out=""
scales="1 2 4 8"
prebuilt=""
while getopts "n:d:c:o:s:b:" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    d) dockerfiles=$OPTARG ;;
    c) compose=$OPTARG ;;
    o) out=$OPTARG ;;
    s) scales=$OPTARG ;;
    b) prebuilt=$OPTARG ;;
    *) echo "usage: $0 [-n RUNS] [-d DOCKERFILES] [-c COMPOSE] [-o DIR] [-s SCALES] [-b BINARY]" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  echo "bench.sh: /usr/bin/time (GNU time) is missing; install it with: apt-get install -y time" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="$work/dlint"
if [ -n "$prebuilt" ]; then
  cp "$prebuilt" "$bin"
else
  go build -o "$bin" ./cmd/dlint
fi

if [ -z "$out" ]; then
  out="$work/corpus"
fi
if [ ! -d "$out/dockerfiles" ] && [ ! -d "$out/compose" ]; then
  echo "generating $dockerfiles Dockerfiles and $compose compose projects in $out"
  go run ./internal/benchcorpus -dockerfiles "$dockerfiles" -compose "$compose" -out "$out"
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %7s %9s %10s %8s %9s %s\n' target files "wall(s)" "files/s" "cpu(s)" "RSS(MB)" "wall of each run"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# measure NAME FILES ARGS...: run the binary RUNS times, report medians.
measure() {
  local name=$1 files=$2
  shift 2
  local walls=() rss=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$bin" --no-color "$@" >/dev/null 2>&1 || true
    read -r wall kb user sys < <(tail -n 1 "$work/time")
    walls+=("$wall")
    rss+=("$kb")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')")
  done
  awk -v n="$name" -v f="$files" -v w="$(median "${walls[@]}")" -v r="$(median "${rss[@]}")" \
    -v c="$(median "${cpus[@]}")" -v all="${walls[*]}" \
    'BEGIN{fps = (w > 0 && f > 0) ? f / w : 0; printf "%-28s %7d %9.3f %10.0f %8.2f %9.1f %s\n", n, f, w, fps, c, r / 1024, all}'
}

count() { find "$@" -type f \( -name 'Dockerfile*' -o -name '*.Dockerfile' -o -name 'compose*.y*ml' -o -name 'docker-compose*.y*ml' \) | wc -l; }

# Start-up: GNU time rounds to 10 ms, so time 50 runs together.
startup() {
  local start end
  "$bin" version >/dev/null # warm the page cache
  start=$(date +%s%N)
  for _ in $(seq 50); do "$bin" version >/dev/null; done
  end=$(date +%s%N)
  awk -v ns="$((end - start))" 'BEGIN{printf "%-28s %7s %9.4f   (mean of 50 runs, each a fork and exec)\n", "dlint version", "-", ns / 50 / 1e9}'
}

startup
if [ -d ../shared/corpus ]; then
  measure "../shared/corpus" "$(count ../shared/corpus)" ../shared/corpus
fi
if [ -d "$out/dockerfiles" ]; then
  measure "synthetic Dockerfiles" "$(count "$out/dockerfiles")" "$out/dockerfiles"
fi
if [ -d "$out/compose" ]; then
  measure "synthetic compose projects" "$(count "$out/compose")" "$out/compose"
fi
if [ -d "$out/dockerfiles" ] && [ -d "$out/compose" ]; then
  measure "whole synthetic monorepo" "$(count "$out")" "$out"
fi

# Scaling: the shared corpus copied SCALE times into one tree.
if [ -d ../shared/corpus ] && [ -n "$scales" ]; then
  for scale in $scales; do
    tree="$work/scaled$scale"
    mkdir -p "$tree"
    for i in $(seq "$scale"); do cp -r ../shared/corpus "$tree/copy$i"; done
    measure "../shared/corpus x$scale" "$(count "$tree")" "$tree"
    rm -rf "$tree"
  done
fi
