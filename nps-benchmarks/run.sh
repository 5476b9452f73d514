#!/usr/bin/env bash
# Builds nps-benchmarks/target/benchmarks.jar and runs every benchmark in one JMH invocation.
#   nps-benchmarks/run.sh --quick   # under 3 minutes on 2 cores (147 s when quiet, 2026-12-02): 1 fork, short iterations
#   nps-benchmarks/run.sh           # full profile (about 12-13 minutes): 2 forks, 3x3 s warm-up, 5x3 s measurement
# Extra flags: --skip-jdbc (no embedded PostgreSQL), --no-build (reuse the jar).
# Writes nps-benchmarks/target/results.json (JMH JSON), memory.properties and summary.md
# (ratios and targets), and prints the summary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

profile=--full
build=true
extra=()
for arg in "$@"; do
  case "$arg" in
    --quick) profile=--quick ;;
    --full) profile=--full ;;
    --no-build) build=false ;;
    --skip-jdbc) extra+=(--skip-jdbc) ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

if $build; then
  (cd "$root" && mvn -B -ntp -q -pl nps-benchmarks -am package -DskipTests)
fi

cd "$here"
java -cp target/benchmarks.jar org.npskit.benchmarks.BenchmarkRunner "$profile" --out target "${extra[@]}"
