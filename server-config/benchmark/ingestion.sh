#!/usr/bin/env bash
# Ingestion benchmark against the running platform (server-config/run.sh): simulated devices
# publish QoS 1 telemetry over MQTT/TLS; after an unmeasured warm-up (BENCH_WARM s of e2e traffic,
# for the servers' JIT), bounded phases measure
#   raw   MQTT publish -> RabbitMQ -> plain AMQPS consumer of a scratch queue, all in a scratch
#         vhost kamea-bench-<run> with its own broker users (Kamea sees none of it)
#   e2e   MQTT publish -> kamea.telemetry -> MDBs (Payara) -> Artemis topic $RAW_DATA_TOPIC_NAME,
#         counted by a JMS subscriber; latency from the send time inside each payload
#   half  e2e again at half the e2e throughput, for the latency at that load
#   rawhalf  raw again at that same paced rate: the broker's own latency there, for comparison
# then prints the figures side by side. See docs/benchmarks.md.
# Cleans up after itself (devices, scratch vhost and its users), also on failure or Ctrl-C.
#
# Settings (environment): BENCH_DEVICES (60), BENCH_DURATION per phase in s (50), BENCH_WARMUP (20:
# each phase is a new simulator JVM, whose JIT takes 1-1.5 cores for its first ~10 s), BENCH_RAMP
# (10: s over which the paced phases rise to their rate, so a late cold start is not caught up in a burst),
# BENCH_DRAIN bound in s (20), BENCH_PAYLOAD bytes (100), BENCH_WINDOW unacked publishes per
# device (10), BENCH_CLIENT vertx|paho (vertx), BENCH_EVENT_LOOPS for vertx (1), BENCH_THREADS
# publishing threads for paho (4), BENCH_PHASES ("warm raw e2e half rawhalf"), BENCH_WARM (60),
# BENCH_HALF_RATE (msg/s of the half phase instead of half the e2e rate: latency at a chosen load),
# BENCH_REPORT (s between progress lines, 5).
set -euo pipefail
# shellcheck source=../env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../env.sh"

DEVICES=${BENCH_DEVICES:-60}
DURATION=${BENCH_DURATION:-50}
WARMUP=${BENCH_WARMUP:-20}
RAMP=${BENCH_RAMP:-10}
DRAIN=${BENCH_DRAIN:-20}
PAYLOAD=${BENCH_PAYLOAD:-100}
WINDOW=${BENCH_WINDOW:-10}
CLIENT=${BENCH_CLIENT:-vertx}
EVENT_LOOPS=${BENCH_EVENT_LOOPS:-1}
THREADS=${BENCH_THREADS:-4}
PHASES=${BENCH_PHASES:-warm raw e2e half rawhalf}
WARM=${BENCH_WARM:-60}
REPORT=${BENCH_REPORT:-5}
MODULE=$KAMEA_ROOT/kamea-device-simulator
JAR=$MODULE/target/device-simulator.jar

if [ ! -f "$JAR" ] || [ -n "$(find "$MODULE/src" "$MODULE/pom.xml" "$KAMEA_ROOT/kamea-device-contract/src" -newer "$JAR" -print -quit)" ]; then
  kamea_log "building the device simulator"
  mvn -q -B -f "$KAMEA_ROOT/pom.xml" -pl kamea-device-simulator -am package -DskipTests
fi
curl -fsS -o /dev/null --cacert "$MQTT_CA_PATH" -H "Authorization: Bearer ${KAMEA_API_TOKEN:-}" "$KAMEA_API_URL/devices?size=1" || { kamea_log "the API does not answer at $KAMEA_API_URL (server-config/run.sh?)"; exit 1; }

# The e2e phases need the MDBs on kamea.telemetry and an empty queue (a backlog would be measured too).
telemetry_queue() { # -> "<consumers> <messages>"
  curl -fsS --cacert "$MQTT_CA_PATH" -u "$RMQ_LOGIN:$RMQ_PWD" \
    "https://$KAMEA_HOST:$RMQ_MGMT_PORT/api/queues/$RMQ_VHOST/kamea.telemetry" | jq -r '"\(.consumers) \(.messages // 0)"'
}
# Right after a (re)deployment the resource adapter is still connecting: give it up to 60 s.
for ((i = 0; i < 30; i++)); do
  read -r consumers backlog < <(telemetry_queue) || { kamea_log "cannot read kamea.telemetry from the management API"; exit 1; }
  [ "$consumers" -gt 0 ] && [ "$backlog" -le 1000 ] && break
  sleep 2
done
if [ "$consumers" -eq 0 ] || [ "$backlog" -gt 1000 ]; then
  kamea_log "kamea.telemetry has $consumers consumers and $backlog messages: the application is not draining it; try later"
  exit 1
fi

RUN=$(openssl rand -hex 4)
PREFIX=bench-$RUN-
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kamea-bench.XXXXXX")   # mode 700: the device files hold passwords
DEVICE_FILE=$WORK/devices.json
sim() { java -jar "$JAR" "$@"; }

# The raw phase's scratch vhost and its users (management API, as the administrator).
BENCH_VHOST=kamea-bench-$RUN
RAW_USER_PREFIX=bench$RUN-
RAW_DEVICE_FILE=$WORK/raw-devices.json
mgmt() { # METHOD PATH [JSON BODY]
  curl -fsS -o /dev/null --cacert "$MQTT_CA_PATH" -u "$RMQ_LOGIN:$RMQ_PWD" -X "$1" \
    -H 'content-type: application/json' ${3:+--data "$3"} "$MQTT_BROKER_URL$2"
}
# A user per simulated device, with a device's permissions (io.kamea.contract.DevicePermissions: own
# session queues, amq.topic, topics under device.<login>.) in the scratch vhost and nowhere else.
# Its name has the length of a device login (a UUID), so the topics have the same shape and length.
raw_setup() {
  local i user password
  mgmt PUT "/vhosts/$BENCH_VHOST" '{"description":"Kamea ingestion benchmark, raw phase (scratch, deleted at the end)"}'
  mgmt PUT "/permissions/$BENCH_VHOST/$RMQ_LOGIN" '{"configure":".*","write":".*","read":".*"}'
  for ((i = 0; i < DEVICES; i++)); do
    user=$RAW_USER_PREFIX$(openssl rand -hex 11)
    password=$(openssl rand -hex 24)
    mgmt PUT "/users/$user" "$(jq -nc --arg p "$password" '{password: $p, tags: ""}')"
    mgmt PUT "/permissions/$BENCH_VHOST/$user" "$(jq -nc --arg u "$user" \
      '("mqtt-subscription-" + $u + "qos[01]") as $q | {configure: ("^" + $q + "$"), write: ("^(amq\\.topic|" + $q + ")$"), read: ("^(amq\\.topic|" + $q + ")$")}')"
    mgmt PUT "/topic-permissions/$BENCH_VHOST/$user" "$(jq -nc --arg u "$user" \
      '{exchange: "amq.topic", write: ("^device\\." + $u + "\\.(telemetries|configs\\.reported|command\\.response\\.[^.]+)$"), read: ("^device\\." + $u + "\\.(configs\\.desired|command\\.request\\..+)$")}')"
    jq -nc --arg u "$user" --arg p "$password" '{id: "", name: $u, login: $u, password: $p}'
  done | jq -s . > "$RAW_DEVICE_FILE"
}
raw_cleanup() { # the vhost takes its queue, permissions and topic permissions with it
  local users
  mgmt DELETE "/vhosts/$BENCH_VHOST" 2>/dev/null || true
  users=$(curl -fsS --cacert "$MQTT_CA_PATH" -u "$RMQ_LOGIN:$RMQ_PWD" "$MQTT_BROKER_URL/users" \
    | jq -c --arg p "$RAW_USER_PREFIX" '[.[].name | select(startswith($p))]') || return 1
  [ "$users" = "[]" ] || mgmt POST /users/bulk-delete "{\"users\":$users}"
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  kamea_log "cleaning up: devices $PREFIX*, vhost $BENCH_VHOST and its users $RAW_USER_PREFIX*"
  raw_cleanup || kamea_log "the scratch vhost or users were not all deleted: delete vhost $BENCH_VHOST and users $RAW_USER_PREFIX* (management UI)"
  sim deprovision --devices-file "$DEVICE_FILE" --name-prefix "$PREFIX" || kamea_log "some devices were not deleted: retry with: java -jar $JAR deprovision --name-prefix $PREFIX"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cpu_spec() {
  local spec="" name pid
  for name in rabbitmq payara artemis; do
    if pid=$(process_running "$name"); then spec+="${spec:+,}$name=$pid"; fi
  done
  echo "$spec"
}

# phase LABEL RECEIVER RATE DEVICE_FILE [run options] -> runs it, tees its output, stores the RESULT
# line in $WORK/LABEL.result
phase() {
  local label=$1 receiver=$2 rate=$3 devices=$4 ramp=0
  shift 4
  [ "$rate" = 0 ] || ramp=$RAMP
  sim run --devices-file "$devices" --run-id "$RUN$label" --label "$label" --receiver "$receiver" "$@" \
      --rate "$rate" --ramp "$ramp" --duration "$DURATION" --warmup "$WARMUP" --drain "$DRAIN" --report "$REPORT" \
      --payload-size "$PAYLOAD" --qos 1 --window "$WINDOW" --client "$CLIENT" --event-loops "$EVENT_LOOPS" \
      --threads "$THREADS" --cpu "$(cpu_spec)" \
    | tee "$WORK/$label.out"
  grep '^RESULT ' "$WORK/$label.out" | tail -n 1 > "$WORK/$label.result"
}
field() { # LABEL KEY -> value ("-" if absent)
  local v; v=$({ tr ' ' '\n' < "$WORK/$1.result"; } 2>/dev/null | sed -n "s/^$2=//p" | head -n 1)
  echo "${v:--}"
}

# raw_phase LABEL RATE -> a phase in a fresh scratch vhost (users, queue), deleted right after
raw_phase() {
  raw_setup
  phase "$1" amqp "$2" "$RAW_DEVICE_FILE" --vhost "$BENCH_VHOST"
  raw_cleanup
}

# the paced rate of the half and rawhalf phases: BENCH_HALF_RATE, else half the e2e throughput
half_rate() {
  if [ -n "${BENCH_HALF_RATE:-}" ]; then echo "$BENCH_HALF_RATE"; return; fi
  local full; full=$(field e2e receive_rate)
  [ "$full" != - ] && [ "$full" -gt 1 ] || return 1
  echo $((full / 2))
}

kamea_log "run $RUN: $DEVICES devices, ${DURATION} s per phase (${WARMUP} s warm-up, paced ones after a ${RAMP} s ramp), QoS 1, $PAYLOAD-byte payloads, over TLS, $CLIENT publishers"
kamea_log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
sim provision --count "$DEVICES" --name-prefix "$PREFIX" --out "$DEVICE_FILE"

for p in $PHASES; do
  case $p in
    raw)
      kamea_log "raw: scratch vhost $BENCH_VHOST with $DEVICES users"
      raw_phase raw 0 ;;
    warm)
      # Not a figure: the servers' JIT compilers work for tens of seconds after a deployment and
      # would take their share of the 2 cores from the first measured phase.
      kamea_log "warm-up: ${WARM} s of end-to-end traffic, not measured"
      DURATION=$WARM WARMUP=0 phase warm bus 0 "$DEVICE_FILE" > /dev/null
      rm -f "$WORK/warm.result"
      kamea_log "warm-up done: $(grep -o 'receive_rate=[0-9]*' "$WORK/warm.out" | tail -n 1)" ;;
    e2e)
      phase e2e bus 0 "$DEVICE_FILE"
      if [ "$(field e2e received)" = 0 ]; then
        kamea_log "e2e: nothing reached the bus (is the application deployed?); stopping here, the devices are kept"
        kamea_log "until kamea.telemetry is drained, then: java -jar $JAR deprovision --devices-file $DEVICE_FILE"
        trap - EXIT; exit 1
      fi ;;
    half)
      rate=$(half_rate) || { kamea_log "half: needs a successful e2e phase first (or BENCH_HALF_RATE)"; continue; }
      phase half bus "$rate" "$DEVICE_FILE" ;;
    rawhalf)
      rate=$(half_rate) || { kamea_log "rawhalf: needs a successful e2e phase first (or BENCH_HALF_RATE)"; continue; }
      kamea_log "rawhalf: the broker alone at the half phase's rate, scratch vhost $BENCH_VHOST"
      raw_phase rawhalf "$rate" ;;
    *) kamea_log "unknown phase $p"; exit 2 ;;
  esac
done

echo
echo "== Kamea ingestion benchmark, run $RUN: $DEVICES devices, MQTT 3.1.1/TLS, QoS 1, $PAYLOAD-byte payloads, $(nproc) cores, $CLIENT publishers =="
printf '%-6s %10s %12s %12s %9s %9s %9s %6s  %s\n' phase target publish/s received/s p50_ms p99_ms max_ms lost cpu
for p in $PHASES; do
  [ -f "$WORK/$p.result" ] || continue
  printf '%-6s %10s %12s %12s %9s %9s %9s %6s  %s\n' "$p" "$(field "$p" target_rate)" "$(field "$p" publish_rate)" \
    "$(field "$p" receive_rate)" "$(field "$p" p50_ms)" "$(field "$p" p99_ms)" "$(field "$p" max_ms)" "$(field "$p" lost)" \
    "$(tr ' ' '\n' < "$WORK/$p.result" | grep '^cpu_' | sed 's/^cpu_//' | paste -sd' ')"
done
raw=$(field raw receive_rate); e2e=$(field e2e receive_rate)
if [ "$raw" != - ] && [ "$e2e" != - ] && [ "$raw" -gt 0 ]; then
  echo
  echo "end to end: $e2e msg/s   raw broker (MQTT -> AMQP consumer): $raw msg/s   ratio e2e/raw: $(awk "BEGIN{printf \"%.2f\", $e2e/$raw}")"
fi
[ -f "$WORK/half.result" ] && echo "at half load ($(field half target_rate) msg/s): p50 $(field half p50_ms) ms, p99 $(field half p99_ms) ms (publish -> ingestion p99 $(field half to_ingestion_p99_ms) ms)"
[ -f "$WORK/rawhalf.result" ] && echo "the broker alone at that rate (rawhalf): p50 $(field rawhalf p50_ms) ms, p99 $(field rawhalf p99_ms) ms"
[ -f "$WORK/e2e.result" ] && echo "at full load: publish -> ingestion (kamea_received_at) p50 $(field e2e to_ingestion_p50_ms) ms, p99 $(field e2e to_ingestion_p99_ms) ms"
echo "machine load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
