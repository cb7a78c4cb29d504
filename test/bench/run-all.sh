#!/usr/bin/env bash
# Runs every benchmark in turn. Each prints its own figures and the ratio against
# a baseline measured in the same run; docs/benchmarks.md records the latest.
set -euo pipefail
cd "$(dirname "$0")/../.."
for b in test/bench/*.bench.ts; do
  printf '\n== %s\n' "$b"
  npx tsx "$b"
done
