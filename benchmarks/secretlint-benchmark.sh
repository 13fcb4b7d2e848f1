#!/usr/bin/env bash
# Compares Storyflow's secret scan with secretlint (npm, recommended preset) on the fixture
# corpus: recall and false alarms side by side, and the time ratio. Installs secretlint once into
# a cache folder outside the project. Writes target/securityscan/secretlint-benchmark.md.
# Usage (from the project root): benchmarks/secretlint-benchmark.sh [CORPUS_DIR]
#   CORPUS_DIR (optional) holds files/ and planted.tsv (file, line, type; tab-separated).
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${STORYFLOW_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/storyflow-secretlint}
if [[ ! -x $cache/node_modules/.bin/secretlint ]]; then
  mkdir -p "$cache"
  (cd "$cache" && { [[ -f package.json ]] || npm init -y >/dev/null; } \
    && npm install --silent --no-audit --no-fund \
       secretlint@13.0.6 @secretlint/secretlint-rule-preset-recommend@13.0.6 >/dev/null)
fi
extra=()
if (( $# > 0 )); then extra+=("-Dbenchmark.corpus=$(cd "$1" && pwd)"); fi
mvn -B -ntp test -Dtest=SecretlintBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsecretlint.home="$cache" "${extra[@]}"
cat target/securityscan/secretlint-benchmark.md
