#!/usr/bin/env bash
# Builds the published artifacts twice from clean and fails unless every jar is identical byte for byte.
# Usage: scripts/check-reproducible.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
published="models http-spi core transport-jdk transport-apache transport-netty emulator tck"
digests() {
  for module in $published; do
    sha256sum "$module"/target/conclave-*.jar
  done | sort -k2
}
build() {
  mvn -B -q "$@" clean package -DskipTests -pl "$(echo $published | tr ' ' ',')" -am >/dev/null
}
first=$(mktemp)
second=$(mktemp)
trap 'rm -f "$first" "$second"' EXIT
build "$@"
digests > "$first"
sleep 2   # a later wall clock: only the fixed outputTimestamp may reach the jars
build "$@"
digests > "$second"
if diff -u "$first" "$second"; then
  echo "reproducible: $(wc -l < "$first") jars identical across two clean builds"
else
  echo "NOT reproducible: the jars above differ" >&2
  exit 1
fi
