#!/usr/bin/env bash
# Connectivity poll benchmark against the running platform (server-config/run.sh): for each count
# in BENCH_COUNTS, that many provisioned devices connect over MQTT/TLS and stay idle (keep-alive
# only) while the platform polls the broker's connections every CONNECTIVITY_POLL_SECONDS. It
# reports the broker's CPU (beam.smp) over BENCH_CPU_SECONDS, the time and size of the poll's
# listing (GET /api/connections?page=N&page_size=500&columns=name,user,vhost,connected_at&sort=name,
# every page, as ConnectivityPoller makes it), and whether GET /api/devices?connected=true counts
# them all. See docs/benchmarks.md.
# Cleans up after itself (devices), also on failure or Ctrl-C.
#
# Settings (environment): BENCH_COUNTS ("1000 5000"), BENCH_PROVISION_PARALLEL (8), BENCH_KEEPALIVE
# s (60), BENCH_SETTLE s after the last connection before measuring (20: a poll period and the
# management API's 5 s refresh), BENCH_CPU_SECONDS (30), BENCH_LISTINGS (5), BENCH_HEAP (3g).
set -euo pipefail
# shellcheck source=../env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../env.sh"

COUNTS=${BENCH_COUNTS:-1000 5000}
PARALLEL=${BENCH_PROVISION_PARALLEL:-8}
KEEPALIVE=${BENCH_KEEPALIVE:-60}
SETTLE=${BENCH_SETTLE:-20}
CPU_SECONDS=${BENCH_CPU_SECONDS:-30}
LISTINGS=${BENCH_LISTINGS:-5}
HEAP=${BENCH_HEAP:-3g}
MODULE=$KAMEA_ROOT/kamea-device-simulator
JAR=$MODULE/target/device-simulator.jar

# One TLS socket per device in the simulator; Paho uses three threads per client (hence the
# small stacks) plus a shared ping scheduler.
ulimit -n 12000 || { kamea_log "cannot raise the open-files limit to 12000 (ulimit -Hn: $(ulimit -Hn))"; exit 1; }
if [ ! -f "$JAR" ] || [ -n "$(find "$MODULE/src" "$MODULE/pom.xml" "$KAMEA_ROOT/kamea-device-contract/src" -newer "$JAR" -print -quit)" ]; then
  kamea_log "building the device simulator"
  mvn -q -B -f "$KAMEA_ROOT/pom.xml" -pl kamea-device-simulator -am package -DskipTests
fi
curl -fsS -o /dev/null --cacert "$MQTT_CA_PATH" -H "Authorization: Bearer ${KAMEA_API_TOKEN:-}" "$KAMEA_API_URL/devices?size=1" || { kamea_log "the API does not answer at $KAMEA_API_URL (server-config/run.sh?)"; exit 1; }
process_running rabbitmq >/dev/null || { kamea_log "no RabbitMQ pid in $PID_DIR/rabbitmq.pid"; exit 1; }

RUN=$(openssl rand -hex 4)
PREFIX=bench-conn-$RUN-
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kamea-bench.XXXXXX")   # mode 700: the device files hold passwords
sim() { java -Xss256k -Xms256m "-Xmx$HEAP" -jar "$JAR" "$@"; }
all_devices() { jq -s 'add // []' "$WORK"/part-*.json 2>/dev/null || echo '[]'; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  kamea_log "cleaning up: devices $PREFIX*"
  all_devices > "$WORK/all.json"
  sim deprovision --devices-file "$WORK/all.json" --name-prefix "$PREFIX" --parallel "$PARALLEL" \
    || kamea_log "some devices were not deleted: retry with: java -jar $JAR deprovision --name-prefix $PREFIX"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cpu_spec() {
  local spec="" name pid
  for name in rabbitmq payara; do
    if pid=$(process_running "$name"); then spec+="${spec:+,}$name=$pid"; fi
  done
  echo "$spec"
}

kamea_log "run $RUN: counts $COUNTS, keep-alive $KEEPALIVE s, CPU over $CPU_SECONDS s, $LISTINGS listings each"
kamea_log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
have=0
for n in $COUNTS; do
  if [ "$n" -gt "$have" ]; then
    started=$SECONDS
    sim provision --count "$((n - have))" --name-prefix "$PREFIX$have-" --parallel "$PARALLEL" --out "$WORK/part-$have.json"
    echo "$((n - have)) $((SECONDS - started))" >> "$WORK/provisioning"
    have=$n
  fi
  all_devices | jq ".[0:$n]" > "$WORK/devices-$n.json"
  sim connectivity --devices-file "$WORK/devices-$n.json" --label "n$n" --keep-alive "$KEEPALIVE" --settle "$SETTLE" \
      --cpu-seconds "$CPU_SECONDS" --listings "$LISTINGS" --cpu "$(cpu_spec)" | tee "$WORK/n$n.out"
  grep '^RESULT ' "$WORK/n$n.out" | tail -n 1 > "$WORK/n$n.result"
done

field() { # COUNT KEY
  local v; v=$(tr ' ' '\n' < "$WORK/n$1.result" 2>/dev/null | sed -n "s/^$2=//p" | head -n 1); echo "${v:--}"
}
echo
echo "== Kamea connectivity poll, run $RUN: idle MQTT/TLS devices, keep-alive $KEEPALIVE s, poll every ${CONNECTIVITY_POLL_SECONDS:-10} s, $(nproc) cores =="
printf '%8s %10s %10s %16s %8s %12s %12s %11s %s\n' devices connected listed 'listing_ms(med)' pages bytes broker_cpu api_count others
for n in $COUNTS; do
  [ -s "$WORK/n$n.result" ] || continue
  printf '%8s %10s %10s %16s %8s %12s %12s %11s %s\n' "$n" "$(field "$n" connected)" "$(field "$n" listed)" \
    "$(field "$n" listing_ms_median) ($(field "$n" listing_ms_min)-$(field "$n" listing_ms_max))" "$(field "$n" pages)" \
    "$(field "$n" bytes)" "$(field "$n" cpu_rabbitmq)" "$(field "$n" api_connected)/$(field "$n" api_expected) $(field "$n" api_match)" \
    "payara $(field "$n" cpu_payara) simulator $(field "$n" cpu_simulator) others $(field "$n" cpu_others)"
done
echo "(listing: every page of GET /api/connections as the poller asks for them, ms; broker_cpu: beam.smp over $CPU_SECONDS s, 100% = one core;"
echo " api_count: GET /api/devices?connected=true total minus the count before, $SETTLE s after the last connection)"
while read -r count secs; do
  echo "provisioning: $count devices through POST /api/devices in $secs s ($PARALLEL in parallel)"
done < "$WORK/provisioning"
echo "machine load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
