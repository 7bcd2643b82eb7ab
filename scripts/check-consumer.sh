#!/usr/bin/env bash
# After `mvn install`: builds scripts/consumer (a separate project with the BOM, core and one transport) for each
# transport, and runs it on the class path and on the module path against the standalone emulator.
# Usage: scripts/check-consumer.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=0.2.0-SNAPSHOT
work=$(mktemp -d)
emulator_out="$work/emulator.out"
java -jar "$root/emulator/target/conclave-emulator-$version-standalone.jar" --port 0 --exit-after 600 \
  > "$emulator_out" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  grep -q '^CONCLAVE_EMULATOR_READY ' "$emulator_out" && break
  sleep 0.1
done
read -r _ base sid token < <(grep '^CONCLAVE_EMULATOR_READY ' "$emulator_out")
base=${base#baseUri=}; sid=${sid#accountSid=}; token=${token#authToken=}
failed=0
for transport in jdk apache netty; do
  project="$work/$transport"
  cp -r "$root/scripts/consumer" "$project"
  (cd "$project" && mvn -B -q "$@" -Dtransport="$transport" compile dependency:build-classpath \
      -Dmdep.outputFile=cp.txt >/dev/null)
  path="$project/target/classes:$(cat "$project/cp.txt")"
  jars=$(tr ':' '\n' < "$project/cp.txt" | xargs -n1 basename | tr '\n' ' ')
  echo "$transport: runtime jars: $jars"
  for mode in class-path module-path; do
    if [ $mode = class-path ]; then
      line=$(java -cp "$path" com.example.consumer.Main "$base" "$sid" "$token" 2>&1 | tail -1)
    else
      line=$(java --module-path "$path" -m com.example.consumer/com.example.consumer.Main "$base" "$sid" "$token" \
        2>&1 | tail -1)
    fi
    if [[ "$line" == "transport=$transport named="*" listed="* ]]; then
      echo "  $mode: ok ($line)"
    else
      echo "  $mode: FAILED: $line"
      failed=1
    fi
  done
done
exit $failed
