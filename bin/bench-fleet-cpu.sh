#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# Client CPU of `milink check` over 1,000 sandbox instances (docs/benchmarks.md, "Fifth pass" and "Sixth pass").
#
#   bin/bench-fleet-cpu.sh ROUNDS [LABEL=JAVA_OPTS ...]
#
# Needs the unpacked distribution in /tmp/dist (or DIST=dir) and the test classes:
#   ./mvnw -q -o package -DskipTests -pl milink-cli -am && ./mvnw -q -o test-compile -pl milink-cli -am
#   rm -rf /tmp/dist && mkdir /tmp/dist && tar -xzf milink-cli/target/milink-*.tar.gz -C /tmp/dist
#
# The sandbox (SandboxFleetProcess, standing in for 1,000 remote servers) runs on core 1 and milink on core 0
# (taskset; PIN=0 turns that off), 20 ms added per round trip and 100 ms per login (LATENCY="100 500": 100 ms and
# 500 ms); milink reads the 1,000 targets from an inventory file, as a fleet is given (so the launcher's inventory JIT
# setting applies). One warm-up run, then ROUNDS rounds of the variants interleaved (with no variant given: the
# launcher as shipped). Each line: two calibrations on core 0 right after the run, to see a slow host (a CPU-bound
# Python loop's CPU seconds, and `jcal`: the CPU seconds of Calibrate, a fixed AES-GCM and string workload in a JVM
# with the launcher's flags), the load average, and milink's wall time, CPU (user + sys) and peak RSS from
# /usr/bin/time. CPU per instance = CPU / 1,000.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:?usage: bin/bench-fleet-cpu.sh ROUNDS [LABEL=JAVA_OPTS ...]}
shift
[ $# -gt 0 ] || set -- "shipped="
dist=${DIST:-$(echo /tmp/dist/milink-*)}
java=$(bin/find-jdk.sh)/bin/java
cp=milink-cli/target/test-classes:$dist/lib/milink.jar
sandbox_core=() milink_core=()
if [ "${PIN:-1}" != 0 ]; then sandbox_core=(taskset -c 1); milink_core=(taskset -c 0); fi
work=$(mktemp -d)
mkfifo "$work/in"
sleep infinity > "$work/in" & keep=$!
"${sandbox_core[@]}" "$java" -cp "$cp" dev.milink.cli.bench.SandboxFleetProcess 1000 < "$work/in" > "$work/out" &
sandbox=$!
trap 'kill $sandbox $keep 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -q READY "$work/out" 2>/dev/null; do sleep 1; done
echo "latency ${LATENCY:-20 100}" > "$work/in"
until grep -q '^OK' "$work/out"; do sleep 0.2; done
read -r _ user password trust_store trust_password ports < <(grep READY "$work/out" | tail -1)
# the fleet as users give one: an inventory (the launcher compiles sooner for an inventory run)
{ echo server; tr ',' '\n' <<< "$ports" | sed 's/^/localhost:/'; } > "$work/fleet.csv"

calibrate() {
  "${milink_core[@]}" python3 -c 'import time
t = time.process_time(); x = 0
for i in range(6_000_000): x = (x * 31 + i) & 0xffffffff
print("%.2f" % (time.process_time() - t))'
}
jcalibrate() {
  "${milink_core[@]}" "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp milink-cli/target/test-classes \
    dev.milink.cli.bench.Calibrate
}

run() { # LABEL JAVA_OPTS
  MILINK_JAVA_OPTS="$2" MILINK_SQL_PASSWORD=$password MILINK_TRUST_STORE_PASSWORD=$trust_password \
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "${milink_core[@]}" "$dist/bin/milink" check --inventory "$work/fleet.csv" \
    --user "$user" --trust-store "$trust_store" --host-name-in-certificate localhost --parallel 64 \
    > "$work/report.txt" || true
  read -r wall usr sys rss < <(tail -1 "$work/time")
  echo "$1 calibration=$(calibrate)s jcal=$(jcalibrate)s load=$(cut -d' ' -f1 /proc/loadavg) wall=${wall}s" \
    "cpu=$(echo "$usr + $sys" | bc)s rss=$((rss / 1024))MiB"
}

run warm-up ""
for _ in $(seq 1 "$rounds"); do
  for variant in "$@"; do run "${variant%%=*}" "${variant#*=}"; done
done
