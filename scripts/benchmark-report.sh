#!/usr/bin/env bash
# Turns a JMH results file into the Markdown table and ratios of docs/BENCHMARKS.md and, with a second argument,
# the chart: scripts/benchmark-report.sh results.json [docs/benchmarks.svg]
# Needs benchmarks/target/benchmarks.jar (mvn -B -q -DskipTests package -pl benchmarks -am).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 results.json [chart.svg]" >&2
  exit 2
fi
jar="$(dirname "$0")/../benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "no $jar: build it with mvn -B -q -DskipTests package -pl benchmarks -am" >&2
  exit 1
fi
if [ $# -eq 2 ]; then
  exec java -cp "$jar" dev.conclave.benchmarks.Report "$1" --svg "$2"
fi
exec java -cp "$jar" dev.conclave.benchmarks.Report "$1"
