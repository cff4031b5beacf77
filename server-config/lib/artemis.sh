# shellcheck shell=bash
# ActiveMQ Artemis (the JMS bus) for Kamea: distribution from Maven Central, one broker instance
# in the runtime folder. Source server-config/env.sh first, then this file. Functions:
#   artemis_install  fetch apache-artemis-$ARTEMIS_VERSION-bin.zip with Maven, unzip into $ARTEMIS_HOME
#   artemis_start    create the broker instance once, run it in the background, wait for the port;
#                    no-op if running
#   artemis_stop     'artemis stop', then make sure the recorded PID is gone
#   artemis_pid      the PID of our broker, if it runs

ARTEMIS_HOME=${ARTEMIS_HOME:-$KAMEA_RUNTIME/apache-artemis-$ARTEMIS_VERSION}
ARTEMIS_INSTANCE=${ARTEMIS_INSTANCE:-$KAMEA_RUNTIME/artemis/broker}
ARTEMIS_HTTP_PORT=${ARTEMIS_HTTP_PORT:-8161}           # web console (Jolokia), on $KAMEA_BIND only
ARTEMIS_ACCEPTOR_PROTOCOLS=${ARTEMIS_ACCEPTOR_PROTOCOLS:-CORE}
# Journal flush batching window in ns (journal-buffer-timeout). Measured with
# `artemis perf-journal --journal-type NIO` on the dev VM (NIO journal, no libaio):
# 252000..360000 ns per 4 KiB synced write (~3-4 syncs/ms). 500000 ns (0.5 ms) sits just above
# that, so one fdatasync covers every persistent send/ack arriving in the same 0.5 ms window
# (good batching under load) while an isolated durable send waits at most ~0.5 ms extra.
# Artemis' own default without autotune would be 3333333 ns (3.3 ms) for NIO.
ARTEMIS_JOURNAL_BUFFER_TIMEOUT=${ARTEMIS_JOURNAL_BUFFER_TIMEOUT:-500000}
# shellcheck source=tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

artemis_install() {
  [ -x "$ARTEMIS_HOME/bin/artemis" ] && return 0
  local zip tmp
  zip=$(kamea_fetch_zip org.apache.activemq apache-artemis "$ARTEMIS_VERSION" bin) || return 1
  kamea_need_unzip || return 1
  mkdir -p "$KAMEA_RUNTIME"
  tmp=$(mktemp -d "$KAMEA_RUNTIME/.artemis-unzip.XXXXXX")
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; return 1; }
  rm -rf "$ARTEMIS_HOME"
  mv "$tmp/apache-artemis-$ARTEMIS_VERSION" "$ARTEMIS_HOME" && rm -rf "$tmp"
  kamea_log "artemis: installed $ARTEMIS_HOME"
}

_artemis_is_ours() { process_cmdline_has "$1" "$ARTEMIS_INSTANCE"; }

artemis_pid() { process_running artemis _artemis_is_ours; }

_artemis_create() {
  kamea_log "artemis: creating broker instance $ARTEMIS_INSTANCE"
  mkdir -p "$(dirname "$ARTEMIS_INSTANCE")"
  if ! "$ARTEMIS_HOME/bin/artemis" create --silent --force \
      --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --require-login \
      --host "$KAMEA_BIND" --default-port "$ARTEMIS_PORT" \
      --http-host "$KAMEA_BIND" --http-port "$ARTEMIS_HTTP_PORT" \
      --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
      --no-autotune --name kamea-bus \
      "$ARTEMIS_INSTANCE" > "$(dirname "$ARTEMIS_INSTANCE")/create.log" 2>&1; then
    kamea_log "artemis: create failed:"; tail -n 20 "$(dirname "$ARTEMIS_INSTANCE")/create.log" >&2
    return 1
  fi
  local xml=$ARTEMIS_INSTANCE/etc/broker.xml
  # Batching window of the journal (see ARTEMIS_JOURNAL_BUFFER_TIMEOUT above for the measurement).
  sed -i "s#^\(\s*\)<journal-type>\(.*\)</journal-type>#&\n\1<!-- kamea: flush batching window in ns; measured with 'artemis perf-journal' (NIO: 0.25-0.36 ms per synced write), see server-config/lib/artemis.sh -->\n\1<journal-buffer-timeout>$ARTEMIS_JOURNAL_BUFFER_TIMEOUT</journal-buffer-timeout>#" "$xml"
  # The only acceptor: $KAMEA_BIND:$ARTEMIS_PORT, core protocol only (the JMS client speaks CORE).
  sed -i "s#\(<acceptor name=\"artemis\">tcp://[^?]*?.*\)protocols=[A-Z,]*#\1protocols=$ARTEMIS_ACCEPTOR_PROTOCOLS#" "$xml"
  if ! grep -q "<journal-buffer-timeout>$ARTEMIS_JOURNAL_BUFFER_TIMEOUT<" "$xml" ||
     ! grep -q "<acceptor name=\"artemis\">tcp://$KAMEA_BIND:$ARTEMIS_PORT?.*protocols=$ARTEMIS_ACCEPTOR_PROTOCOLS;" "$xml"; then
    kamea_log "artemis: could not patch $xml"; return 1
  fi
  [ "$(grep -c '<acceptor name=' "$xml")" = 1 ] || { kamea_log "artemis: unexpected extra acceptors in $xml"; return 1; }
}

artemis_start() {
  [ -x "$ARTEMIS_HOME/bin/artemis" ] || { kamea_log "artemis: not installed (run artemis_install)"; return 1; }
  local pid owner rc=0 out=$ARTEMIS_INSTANCE/log/console.out
  if pid=$(artemis_pid); then
    kamea_log "artemis: already running (pid $pid, port $ARTEMIS_PORT)"
    return 0
  fi
  if [ ! -f "$ARTEMIS_INSTANCE/etc/broker.xml" ]; then _artemis_create || return 1; fi
  if owner=$(process_port_in_use "$ARTEMIS_PORT"); then
    kamea_log "artemis: port $KAMEA_BIND:$ARTEMIS_PORT is taken by another process ($owner)"; return 1
  fi
  # bin/artemis execs java, so the PID recorded is the broker JVM itself.
  process_launch artemis "$out" "$ARTEMIS_INSTANCE" "$ARTEMIS_INSTANCE/bin/artemis" run
  pid=$(process_recorded artemis)
  process_await_port "$pid" 60 "$KAMEA_BIND" "$ARTEMIS_PORT" || rc=$?
  case $rc in
    0) kamea_log "artemis: running (pid $pid, $KAMEA_BIND:$ARTEMIS_PORT, console http://$KAMEA_BIND:$ARTEMIS_HTTP_PORT)" ;;
    2) kamea_log "artemis: broker exited during start, log tail:"; tail -n 30 "$out" >&2; process_forget artemis; return 1 ;;
    *) kamea_log "artemis: port $ARTEMIS_PORT not open after 60 s"; tail -n 30 "$out" >&2; return 1 ;;
  esac
}

# 'artemis stop' (or TERM if it fails), then the recorded PID waited on, and killed if it stays.
artemis_stop() {
  local pid
  if ! pid=$(artemis_pid); then kamea_log "artemis: not running"; return 0; fi
  (cd "$ARTEMIS_INSTANCE" && "$ARTEMIS_INSTANCE/bin/artemis" stop >/dev/null 2>&1) || kill -TERM "$pid" 2>/dev/null
  process_stop artemis "$pid" 30 || return 1
  kamea_log "artemis: stopped"
}
