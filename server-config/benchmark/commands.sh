#!/usr/bin/env bash
# Command round-trip benchmark against the running platform (server-config/run.sh): simulated
# devices answer every command at once, and BENCH_CALLERS concurrent HTTP callers send
# POST /devices/{id}/commands?wait=true in a closed loop for BENCH_DURATION seconds (the first
# BENCH_WARMUP left out). Prints throughput, latency p50/p90/p99/max and the calls that did not
# succeed (target: 100 callers, p50 <= 10 ms, p99 <= 50 ms, none failed). See docs/benchmarks.md.
# Cleans up after itself (devices, and with them their commands), also on failure or Ctrl-C.
#
# Settings (environment): BENCH_DEVICES (20), BENCH_CALLERS (100), BENCH_DURATION s (60, warm-up
# included), BENCH_WARMUP (30: the server's JIT compiles the command path for tens of seconds),
# BENCH_COMMAND_TIMEOUT s (10), BENCH_HTTP_CLIENTS (4).
set -euo pipefail
# shellcheck source=../env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../env.sh"

DEVICES=${BENCH_DEVICES:-20}
CALLERS=${BENCH_CALLERS:-100}
DURATION=${BENCH_DURATION:-60}
WARMUP=${BENCH_WARMUP:-30}
COMMAND_TIMEOUT=${BENCH_COMMAND_TIMEOUT:-10}
HTTP_CLIENTS=${BENCH_HTTP_CLIENTS:-4}
MODULE=$KAMEA_ROOT/kamea-device-simulator
JAR=$MODULE/target/device-simulator.jar

if [ ! -f "$JAR" ] || [ -n "$(find "$MODULE/src" "$MODULE/pom.xml" "$KAMEA_ROOT/kamea-device-contract/src" -newer "$JAR" -print -quit)" ]; then
  kamea_log "building the device simulator"
  mvn -q -B -f "$KAMEA_ROOT/pom.xml" -pl kamea-device-simulator -am package -DskipTests
fi
curl -fsS -o /dev/null --cacert "$MQTT_CA_PATH" -H "Authorization: Bearer ${KAMEA_API_TOKEN:-}" "$KAMEA_API_URL/devices?size=1" || { kamea_log "the API does not answer at $KAMEA_API_URL (server-config/run.sh?)"; exit 1; }
ready=$(curl -sS --cacert "$MQTT_CA_PATH" "${KAMEA_API_URL%/api}/health/ready" 2>/dev/null || true)
case $ready in *'"mqtt"'*'"DOWN"'*|*'"DOWN"'*'"mqtt"'*) kamea_log "the API's MQTT session is down (GET /health/ready): commands cannot be sent"; exit 1 ;; esac

RUN=$(openssl rand -hex 4)
PREFIX=bench-cmd-$RUN-
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kamea-bench.XXXXXX")   # mode 700: the device file holds passwords
DEVICE_FILE=$WORK/devices.json
sim() { java -jar "$JAR" "$@"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  kamea_log "cleaning up: devices $PREFIX* (their commands go with them)"
  sim deprovision --devices-file "$DEVICE_FILE" --name-prefix "$PREFIX" || kamea_log "some devices were not deleted: retry with: java -jar $JAR deprovision --name-prefix $PREFIX"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# name=pid for the simulator's --cpu; postgres counts with its children (the backends do the work)
cpu_spec() {
  local spec="" name suffix pid
  for name in rabbitmq payara artemis postgres; do
    suffix=; [ "$name" = postgres ] && suffix=+
    if pid=$(process_running "$name"); then spec+="${spec:+,}$name=$pid$suffix"; fi
  done
  echo "$spec"
}

kamea_log "run $RUN: $DEVICES devices, $CALLERS callers, ${DURATION} s (${WARMUP} s warm-up), command timeout ${COMMAND_TIMEOUT} s"
kamea_log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
sim provision --count "$DEVICES" --name-prefix "$PREFIX" --out "$DEVICE_FILE"
sim commands --devices-file "$DEVICE_FILE" --callers "$CALLERS" --http-clients "$HTTP_CLIENTS" \
    --duration "$DURATION" --warmup "$WARMUP" --command-timeout "$COMMAND_TIMEOUT" --cpu "$(cpu_spec)" \
  | tee "$WORK/commands.out"
RESULT=$(grep '^RESULT ' "$WORK/commands.out" | tail -n 1)
field() { local v; v=$(tr ' ' '\n' <<< "$RESULT" | sed -n "s/^$1=//p" | head -n 1); echo "${v:--}"; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (v == "-" || v == "NaN") print "?"; else print (v + 0 <= t ? "met" : "NOT met") }'; }

echo
echo "== Kamea command round trip, run $RUN: $DEVICES devices, $CALLERS concurrent callers (HTTP/1.1), $(nproc) cores =="
printf '%-10s %9s %8s %8s %8s %8s %14s\n' calls calls/s p50_ms p90_ms p99_ms max_ms not_succeeded
printf '%-10s %9s %8s %8s %8s %8s %14s\n' "$(field calls_in_window)" "$(field rate)" "$(field p50_ms)" "$(field p90_ms)" \
  "$(field p99_ms)" "$(field max_ms)" "$(field not_succeeded)"
echo "outcomes (all calls, warm-up included): $(field outcomes); devices: requests $(field requests_received), responses acked $(field responses_acked), failed $(field responses_failed)"
echo "cpu (100 = one core): $(tr ' ' '\n' <<< "$RESULT" | grep '^cpu_' | sed 's/^cpu_//' | paste -sd' ')"
echo "targets: p50 <= 10 ms $(verdict "$(field p50_ms)" 10), p99 <= 50 ms $(verdict "$(field p99_ms)" 50), none failed: $([ "$(field not_succeeded)" = 0 ] && echo met || echo 'NOT met')"
echo "machine load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
