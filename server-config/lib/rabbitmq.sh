# shellcheck shell=bash
# RabbitMQ node for Kamea: an own node ($RMQ_NODENAME) with all its state under $KAMEA_RUNTIME/rabbitmq,
# never the machine's default node (/etc/rabbitmq, /var/lib/rabbitmq and /root/.erlang.cookie are not used).
#
# Source after env.sh:
#   . server-config/env.sh; . server-config/lib/rabbitmq.sh
#
#   rabbitmq_install          install the Debian package if rabbitmqctl is missing (without starting the default node)
#   rabbitmq_start            unless the node runs: rabbitmq_render, rabbitmq_check, launch it in the
#                             background, await its boot (idempotent)
#   rabbitmq_render           TLS material if missing, the node's configuration files
#   rabbitmq_check            fails, naming it, if a port of the node is taken
#   rabbitmq_stop             stop our node (and the epmd we started, if no other node uses it)
#   rabbitmq_pid              the PID of our node's beam, if it runs
#   rabbitmq_status           print PID, listening ports, open-files limit; returns 0 if running, 3 if not
#   rabbitmq_refresh_trust    after a change in the trust store folder: new CA bundle, taken up without restart
#   rabbitmq_ctl ARGS...      rabbitmqctl against our node with our environment
#   rabbitmq_diagnostics ARGS..., rabbitmq_plugins ARGS...   same for the other CLI tools
#
# Layout ($RMQ_BASE = $KAMEA_RUNTIME/rabbitmq):
#   rabbitmq.conf, advanced.config, definitions.json, enabled_plugins
#                                                       rendered/copied at every start (mode 600: they hold secrets)
#   rabbitmq-env.conf (empty), conf.d/ (empty)          so that /etc/rabbitmq is never read
#   home/.erlang.cookie                                 HOME of the server and of the CLI tools
#   mnesia/, log/ (rabbit.log, startup.log), node.pid   (node.pid is written by RabbitMQ itself)
#   trust-store/ (default $RMQ_TRUST_STORE_PATH)        whitelisted device CAs (pki/make-dev-pki.sh, operators)
#   trusted-cas.pem                                     broker CA + CAs of the trust store (rabbitmq_ca_bundle)
#   plugins/kamea_guard-<vsn>/                          Kamea's broker plugin, compiled (rabbitmq_build_guard)
# PID files: $PID_DIR/rabbitmq.pid (beam.smp of our node), $PID_DIR/rabbitmq-epmd.pid (only if we launched epmd).

RMQ_BASE=${RMQ_BASE:-$KAMEA_RUNTIME/rabbitmq}
RMQ_BIN=${RMQ_BIN:-/usr/lib/rabbitmq/bin}
RMQ_TEMPLATE_DIR=${RMQ_TEMPLATE_DIR:-$KAMEA_ROOT/server-config/rabbitmq}
RMQ_DEFINITIONS_FILE=${RMQ_DEFINITIONS_FILE:-$RMQ_BASE/definitions.json}
RMQ_CA_BUNDLE_FILE=${RMQ_CA_BUNDLE_FILE:-$RMQ_BASE/trusted-cas.pem}
RMQ_START_TIMEOUT=${RMQ_START_TIMEOUT:-60}
RMQ_STOP_TIMEOUT=${RMQ_STOP_TIMEOUT:-60}

# Exports the node's environment into the current shell: call it in a subshell only.
_rabbitmq_env() {
  export HOME=$RMQ_BASE/home
  export RABBITMQ_NODENAME=$RMQ_NODENAME
  export RABBITMQ_CONF_ENV_FILE=$RMQ_BASE/rabbitmq-env.conf
  export RABBITMQ_CONFIG_FILE=$RMQ_BASE/rabbitmq.conf
  export RABBITMQ_CONFIG_FILES=$RMQ_BASE/conf.d
  export RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_BASE/advanced.config
  export RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_BASE/enabled_plugins
  # the package's plugins, then Kamea's own (kamea_guard, built by rabbitmq_build_guard)
  RABBITMQ_PLUGINS_DIR=$(_rabbitmq_package_plugins):$RMQ_BASE/plugins
  export RABBITMQ_PLUGINS_DIR
  export RABBITMQ_MNESIA_BASE=$RMQ_BASE/mnesia
  export RABBITMQ_LOG_BASE=$RMQ_BASE/log
  export RABBITMQ_PID_FILE=$RMQ_BASE/node.pid
  export RABBITMQ_MOTD_FILE=$RMQ_BASE/motd
  export RABBITMQ_DIST_PORT=$RMQ_DIST_PORT
  export ERL_EPMD_ADDRESS=${ERL_EPMD_ADDRESS:-127.0.0.1}
  [ -n "${ERL_EPMD_PORT:-}" ] && export ERL_EPMD_PORT
  # Erlang distribution (server and CLI) on the loopback interface only; scheduler threads: see env.sh.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +S $RMQ_SCHEDULERS:$RMQ_SCHEDULERS $RMQ_EXTRA_ERL_ARGS"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  unset RABBITMQ_LOGS RABBITMQ_ENABLED_PLUGINS RABBITMQ_NODE_PORT RABBITMQ_NODE_IP_ADDRESS
}

# The plugins folder of the installed package (/usr/lib/rabbitmq/lib/rabbitmq_server-<version>/plugins).
_rabbitmq_package_plugins() {
  kamea_newest_path /usr/lib/rabbitmq/lib/rabbitmq_server-*/plugins
}

rabbitmq_ctl() { (_rabbitmq_env && exec "$RMQ_BIN/rabbitmqctl" -n "$RMQ_NODENAME" "$@"); }
rabbitmq_diagnostics() { (_rabbitmq_env && exec "$RMQ_BIN/rabbitmq-diagnostics" -n "$RMQ_NODENAME" "$@"); }
rabbitmq_plugins() { (_rabbitmq_env && exec "$RMQ_BIN/rabbitmq-plugins" -n "$RMQ_NODENAME" "$@"); }

rabbitmq_install() {
  if command -v rabbitmqctl >/dev/null 2>&1 && [ -x "$RMQ_BIN/rabbitmq-server" ]; then
    return 0
  fi
  kamea_log "rabbitmq: installing the Debian package rabbitmq-server"
  local policy=/usr/sbin/policy-rc.d ours=false rc=0
  if [ ! -e "$policy" ]; then
    # Keep the package's postinst from starting the machine's default node.
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && ours=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -q && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server || rc=$?
  $ours && rm -f "$policy"
  if [ $rc -ne 0 ] || [ ! -x "$RMQ_BIN/rabbitmq-server" ]; then kamea_log "rabbitmq: installation failed"; return 1; fi
}

# PID of the process listening on TCP port $1 (empty if none).
_rabbitmq_port_pid() {
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2
}

# TCP ports (sorted, unique) our beam listens on.
_rabbitmq_ports_of() {
  ss -ltnpH 2>/dev/null | grep "pid=$1," | awk '{print $4}' | sed 's/.*://' | sort -n -u | tr '\n' ' '
}

# True if PID $1 is the beam of our node (guards against PID reuse and the machine's other nodes).
_rabbitmq_is_our_beam() {
  process_alive "$1" && grep -q 'beam' "/proc/$1/comm" 2>/dev/null &&
    process_environ_has "$1" "RABBITMQ_NODENAME=$RMQ_NODENAME"
}

_rabbitmq_expected_ports() {
  local ports=("$RMQ_MQTTS_PORT" "$RMQ_AMQPS_PORT" "$RMQ_MGMT_PORT" "$RMQ_DIST_PORT")
  [ "$RMQ_PLAIN_LISTENERS" = true ] && ports+=("$RMQ_MQTT_PORT" "$RMQ_AMQP_PORT" "$RMQ_MGMT_PLAIN_PORT")
  printf '%s\n' "${ports[@]}" | sort -n -u | tr '\n' ' '
}

# base64(salt(4) + sha256(salt + password)), RabbitMQ's rabbit_password_hashing_sha256 format.
_rabbitmq_password_hash() {
  local salt
  salt=$(openssl rand -hex 4 | sed 's/../\\x&/g')
  {
    printf '%b' "$salt"
    { printf '%b' "$salt"; printf '%s' "$1"; } | openssl dgst -sha256 -binary
  } | openssl base64 -A
}

# The base URL of Kamea's broker authentication endpoints, with the broker's secret as user
# information (user "rabbitmq"): $KAMEA_API_URL/broker-auth. Generated secrets are hex; a secret
# that would need percent-encoding is refused rather than trusted to the HTTP client's decoding.
# HTTPS only, so the secret never crosses in clear (advanced.config: the CA that verifies Kamea).
_rabbitmq_auth_http_url() {
  local scheme rest
  case $KAMEA_API_URL in
    https://*) ;;
    *) kamea_log "rabbitmq: KAMEA_API_URL must be an https URL, not '$KAMEA_API_URL'"; return 1 ;;
  esac
  if [ -z "${RMQ_AUTH_SECRET:-}" ] || [[ ! $RMQ_AUTH_SECRET =~ ^[A-Za-z0-9._~-]+$ ]]; then
    kamea_log "rabbitmq: RMQ_AUTH_SECRET must be set, with letters, digits and . _ ~ - only"; return 1
  fi
  scheme=${KAMEA_API_URL%%://*}
  rest=${KAMEA_API_URL#*://}
  printf '%s://rabbitmq:%s@%s/broker-auth\n' "$scheme" "$RMQ_AUTH_SECRET" "${rest%/}"
}

# Fails, naming it, unless the variable named $1 holds a whole number from $2 to $3 written as JSON
# and rabbitmq.conf take it (no sign, no leading zero): the node would refuse a bad one at boot.
_rabbitmq_require_number() {
  local value=${!1:-}
  if [[ $value =~ ^(0|[1-9][0-9]{0,14})$ ]] && ((value >= $2 && value <= $3)); then
    return 0
  fi
  kamea_log "rabbitmq: $1 must be a whole number from $2 to $3, not '$value'"; return 1
}

# shellcheck disable=SC2034 # the templates' values set here: kamea_render reads them by name
rabbitmq_render_config() {
  local AMQP_PLAIN MQTT_PLAIN MGMT_PLAIN RMQ_PASSWORD_HASH MQTT_API_PASSWORD_HASH MQTT_API_CLIENT_ID_RE RMQ_AUTH_HTTP_URL
  mkdir -p "$RMQ_BASE"/{home,conf.d,mnesia,log} "$RMQ_TRUST_STORE_PATH" "$PID_DIR"
  chmod 700 "$RMQ_BASE" "$RMQ_BASE/home"
  : > "$RMQ_BASE/rabbitmq-env.conf"
  if [ ! -s "$RMQ_BASE/home/.erlang.cookie" ]; then
    (umask 077 && openssl rand -hex 20 | tr a-f A-F > "$RMQ_BASE/home/.erlang.cookie")
  fi
  chmod 400 "$RMQ_BASE/home/.erlang.cookie"
  if [ "$RMQ_PLAIN_LISTENERS" = true ]; then
    AMQP_PLAIN="listeners.tcp.default = $KAMEA_BIND:$RMQ_AMQP_PORT"
    MQTT_PLAIN="mqtt.listeners.tcp.default = $KAMEA_BIND:$RMQ_MQTT_PORT"
    MGMT_PLAIN=$(printf 'management.tcp.ip = %s\nmanagement.tcp.port = %s' "$KAMEA_BIND" "$RMQ_MGMT_PLAIN_PORT")
  else
    AMQP_PLAIN="listeners.tcp = none"
    MQTT_PLAIN="mqtt.listeners.tcp = none"
    MGMT_PLAIN="# no plain HTTP management listener (RMQ_PLAIN_LISTENERS=$RMQ_PLAIN_LISTENERS)"
  fi
  # max_message_size's own bounds (0 < size <= 512 MiB); the policy kamea-rejected-bounds of
  # definitions.json.template: each of kamea.dead-letter and kamea.unroutable drops its oldest
  # messages past these (a queue takes one policy: another matching them must repeat these keys).
  _rabbitmq_require_number KAMEA_MAX_MESSAGE_BYTES 1 536870912 &&
    _rabbitmq_require_number KAMEA_REJECTED_MAX_LENGTH 1 999999999999 &&
    _rabbitmq_require_number KAMEA_REJECTED_MAX_BYTES 1 999999999999999 || return 1
  rabbitmq_ca_bundle || return 1
  rabbitmq_build_guard || return 1
  RMQ_AUTH_HTTP_URL=$(_rabbitmq_auth_http_url) || return 1
  RMQ_PASSWORD_HASH=$(_rabbitmq_password_hash "$RMQ_PWD")
  MQTT_API_PASSWORD_HASH=$(_rabbitmq_password_hash "$MQTT_API_PWD")
  # regex-quoted for the permissions (JSON-escaped backslashes)
  # shellcheck disable=SC2001 # a bracket expression and "&": clearer in sed than in ${//}
  MQTT_API_CLIENT_ID_RE=$(sed 's/[][\.^$|?*+(){}]/\\\\&/g' <<<"$MQTT_API_CLIENT_ID")
  (
    umask 077
    kamea_render < "$RMQ_TEMPLATE_DIR/rabbitmq.conf.template" > "$RMQ_BASE/rabbitmq.conf" &&
      kamea_render < "$RMQ_TEMPLATE_DIR/advanced.config.template" > "$RMQ_BASE/advanced.config" &&
      kamea_render < "$RMQ_TEMPLATE_DIR/definitions.json.template" > "$RMQ_DEFINITIONS_FILE" &&
      cp "$RMQ_TEMPLATE_DIR/enabled_plugins" "$RMQ_BASE/enabled_plugins"
  ) || return 1
  if command -v jq >/dev/null && ! jq empty "$RMQ_DEFINITIONS_FILE"; then
    kamea_log "rabbitmq: rendered $RMQ_DEFINITIONS_FILE is not valid JSON"; return 1
  fi
}

# $RMQ_CA_BUNDLE_FILE (ssl_options.cacertfile): the broker CA followed by every CA certificate
# (basicConstraints CA:TRUE) in $RMQ_TRUST_STORE_PATH, i.e. the whitelisted device CAs. Leaf
# certificates in that folder are ignored, and so are device-*.pem files, whatever they hold (the
# self-signed device certificates older Kamea versions wrote there): a device's certificate in the
# bundle would make its owner a CA for any name (docs/security.md); devices are pinned instead.
rabbitmq_ca_bundle() {
  local tmp f
  mkdir -p "$(dirname "$RMQ_CA_BUNDLE_FILE")"
  tmp=$(mktemp "$RMQ_CA_BUNDLE_FILE.XXXXXX") || return 1
  cat "$RMQ_TLS_CA_CERT_PATH" > "$tmp" || { rm -f "$tmp"; return 1; }
  for f in "$RMQ_TRUST_STORE_PATH"/*.pem; do
    if [ ! -f "$f" ] || cmp -s "$f" "$RMQ_TLS_CA_CERT_PATH"; then continue; fi
    case ${f##*/} in device-*) continue ;; esac
    if openssl x509 -in "$f" -noout -text 2>/dev/null | grep -q 'CA:TRUE'; then
      cat "$f" >> "$tmp"
    fi
  done
  chmod 644 "$tmp" && mv -f "$tmp" "$RMQ_CA_BUNDLE_FILE"
}

# After adding or removing a CA in the trust store folder: rebuilds the CA bundle and makes the
# running node use it for new connections (clears Erlang's PEM cache).
rabbitmq_refresh_trust() {
  rabbitmq_ca_bundle || return 1
  rabbitmq_ctl -q eval 'ssl:clear_pem_cache().' >/dev/null
}

# Compiles Kamea's broker plugin (server-config/rabbitmq/kamea_guard: pinned self-signed device
# certificates, certificate logins for devices only, a device's client id is its login) with the
# Erlang compiler that comes with the broker's Erlang (erlang-base), against the installed
# RabbitMQ's headers, into $RMQ_BASE/plugins/kamea_guard-<vsn>. Rebuilt when a source changed.
rabbitmq_build_guard() {
  local src=$RMQ_TEMPLATE_DIR/kamea_guard/src vsn dir rmq_lib
  vsn=$(sed -n 's/.*{vsn, *"\([^"]*\)".*/\1/p' "$src/kamea_guard.app.src")
  dir=$RMQ_BASE/plugins/kamea_guard-$vsn
  rmq_lib=$(_rabbitmq_package_plugins)
  [ -n "$rmq_lib" ] || { kamea_log "rabbitmq: the package's plugins folder is missing"; return 1; }
  if [ -f "$dir/ebin/kamea_guard.app" ] && [ -z "$(find "$src" -newer "$dir/ebin/kamea_guard.app" -print -quit)" ]; then
    return 0
  fi
  command -v erlc >/dev/null || { kamea_log "rabbitmq: erlc not found (Debian package erlang-base)"; return 1; }
  rm -rf "$RMQ_BASE/plugins" && mkdir -p "$dir/ebin"
  ERL_LIBS=$rmq_lib erlc -Werror -o "$dir/ebin" -I "$rmq_lib" "$src"/*.erl || {
    kamea_log "rabbitmq: kamea_guard does not compile"; return 1; }
  cp "$src/kamea_guard.app.src" "$dir/ebin/kamea_guard.app"
  kamea_log "rabbitmq: built plugin kamea_guard $vsn"
}

_rabbitmq_log_tail() {
  local f
  for f in "$RMQ_BASE/log/startup.log" "$RMQ_BASE/log/rabbit.log"; do
    [ -s "$f" ] && { kamea_log "rabbitmq: --- last lines of $f"; tail -n 40 "$f" >&2; }
  done
}

# Starts epmd on 127.0.0.1 if none is listening; records its PID only if we launched it.
_rabbitmq_ensure_epmd() {
  local port=${ERL_EPMD_PORT:-4369} epmd pid i
  [ -n "$(_rabbitmq_port_pid "$port")" ] && return 0
  ss -ltnH "sport = :$port" | grep -q . && return 0   # listening, owner not visible
  epmd=$(command -v epmd || kamea_newest_path /usr/lib/erlang/erts-*/bin/epmd)
  [ -x "$epmd" ] || { kamea_log "rabbitmq: epmd not found"; return 1; }
  kamea_log "rabbitmq: starting epmd on 127.0.0.1:$port"
  ERL_EPMD_ADDRESS=127.0.0.1 "$epmd" -port "$port" -daemon || return 1
  for ((i = 0; i < 40; i++)); do
    pid=$(_rabbitmq_port_pid "$port")
    [ -n "$pid" ] && { process_record rabbitmq-epmd "$pid"; return 0; }
    sleep 0.25
  done
  kamea_log "rabbitmq: epmd did not start"; return 1
}

# The node's PID (its beam), if it runs: recorded, or adopted from the node's own PID file.
rabbitmq_pid() { process_running rabbitmq _rabbitmq_is_our_beam "$RMQ_BASE/node.pid"; }

# Starts the node unless it runs: render its files, check that it can start, launch it, await
# its boot. Idempotent.
rabbitmq_start() {
  local pid nofile t0
  if pid=$(rabbitmq_pid); then
    kamea_log "rabbitmq: node $RMQ_NODENAME already running (pid $pid)"
    return 0
  fi
  t0=$(date +%s.%N)
  rabbitmq_install && rabbitmq_render && rabbitmq_check && nofile=$(_rabbitmq_open_files) &&
    _rabbitmq_launch "$nofile" && _rabbitmq_await "$(process_recorded rabbitmq)" "$nofile" "$t0"
}

# Render: TLS material (the development PKI unless the paths point to existing files) and the
# node's configuration files.
rabbitmq_render() {
  if [ ! -f "$RMQ_TLS_CERT_PATH" ] || [ ! -f "$RMQ_TLS_KEY_PATH" ] || [ ! -f "$RMQ_TLS_CA_CERT_PATH" ] ||
     [ ! -d "$RMQ_TRUST_STORE_PATH" ]; then
    bash "$KAMEA_ROOT/server-config/pki/make-dev-pki.sh" || return 1
  fi
  rabbitmq_render_config
}

# Check: none of the node's ports is taken (the node would fail its boot late and obscurely).
rabbitmq_check() {
  local port owner
  for port in $(_rabbitmq_expected_ports); do
    if owner=$(process_port_in_use "$port"); then
      kamea_log "rabbitmq: port $port is already in use ($owner)"; return 1
    fi
  done
}

# The open-files limit for the node: it must hold 10,000+ connections. Above the hard limit only
# with CAP_SYS_RESOURCE; without it, the hard limit, and a warning.
_rabbitmq_open_files() {
  local nofile=$RMQ_MAX_OPEN_FILES hard
  hard=$(ulimit -Hn)
  if [ "$hard" != unlimited ] && [ "$nofile" -gt "$hard" ] && ! (ulimit -Hn "$nofile") 2>/dev/null; then
    kamea_log "rabbitmq: WARNING cannot raise the open-files hard limit to $nofile (hard limit $hard, no CAP_SYS_RESOURCE); using $hard"
    nofile=$hard
  fi
  echo "$nofile"
}

# Launch: epmd if none runs, then the node in the background, with the open-files limit NOFILE;
# records the PID of the node's beam. Through setsid -w, not process_launch: the
# server script forks the beam, whose PID RabbitMQ writes early in the boot into
# RABBITMQ_PID_FILE, and setsid -w stays alive as long as the node runs, so its death means the
# boot failed.
_rabbitmq_launch() {
  local nofile=$1 launcher
  _rabbitmq_ensure_epmd || return 1
  rm -f "$RMQ_BASE/node.pid"
  kamea_log "rabbitmq: starting node $RMQ_NODENAME (ulimit -n $nofile, logs in $RMQ_BASE/log)"
  (
    _rabbitmq_env
    ulimit -Hn "$nofile" 2>/dev/null
    ulimit -n "$nofile" || exit 1
    cd "$RMQ_BASE" || exit 1
    exec setsid -w "$RMQ_BIN/rabbitmq-server" >> "$RMQ_BASE/log/startup.log" 2>&1 < /dev/null
  ) &
  launcher=$!
  disown "$launcher" 2>/dev/null || true
  if ! process_await "$launcher" "$RMQ_START_TIMEOUT" _rabbitmq_booting_beam >/dev/null; then
    kamea_log "rabbitmq: node did not start (no running node behind $RMQ_BASE/node.pid)"
    _rabbitmq_log_tail; return 1
  fi
  process_record rabbitmq "$(_rabbitmq_booting_beam)"
}

# The beam the node wrote into its PID file, once it is there and ours.
_rabbitmq_booting_beam() {
  local pid
  pid=$(process_read_pid_file "$RMQ_BASE/node.pid") && _rabbitmq_is_our_beam "$pid" && echo "$pid"
}

# Await: the node fully booted (all plugins, all listeners), then a report of what it listens on
# and its open-files limit, warning where they differ from what was asked.
_rabbitmq_await() {
  local pid=$1 nofile=$2 t0=$3 rc=0 port expected actual limit
  process_await "$pid" "$RMQ_START_TIMEOUT" _rabbitmq_booted || rc=$?
  case $rc in
    0) ;;
    2) kamea_log "rabbitmq: node process $pid died during boot"; process_forget rabbitmq; _rabbitmq_log_tail; return 1 ;;
    *) kamea_log "rabbitmq: node not up after ${RMQ_START_TIMEOUT}s (pid $pid still running)"; _rabbitmq_log_tail; return 1 ;;
  esac
  for port in $RMQ_MQTTS_PORT $RMQ_AMQPS_PORT $RMQ_MGMT_PORT; do
    process_await_port "$pid" 10 "$KAMEA_BIND" "$port" || { kamea_log "rabbitmq: port $port not listening"; _rabbitmq_log_tail; return 1; }
  done
  expected=$(_rabbitmq_expected_ports)
  actual=$(_rabbitmq_ports_of "$pid")
  [ "$expected" = "$actual" ] ||
    kamea_log "rabbitmq: WARNING node listens on [$actual], expected [$expected]"
  limit=$(awk '/^Max open files/ {print $4}' "/proc/$pid/limits")
  [ "$limit" -ge "$nofile" ] 2>/dev/null ||
    kamea_log "rabbitmq: WARNING beam open-files limit is $limit, wanted $nofile"
  kamea_log "rabbitmq: node $RMQ_NODENAME up in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')s (pid $pid, $RMQ_SCHEDULERS scheduler(s), open files $limit, ports $actual)"
}

_rabbitmq_booted() { rabbitmq_ctl -q await_startup --timeout 5 >/dev/null 2>&1; }

rabbitmq_stop() {
  local pid
  if pid=$(rabbitmq_pid); then
    kamea_log "rabbitmq: stopping node $RMQ_NODENAME (pid $pid)"
    (_rabbitmq_env && exec timeout "$RMQ_STOP_TIMEOUT" "$RMQ_BIN/rabbitmqctl" -n "$RMQ_NODENAME" -q shutdown) >/dev/null 2>&1 ||
      kamea_log "rabbitmq: rabbitmqctl shutdown failed, signalling pid $pid"
    process_stop rabbitmq "$pid" 30 || return 1
    kamea_log "rabbitmq: node stopped"
  else
    kamea_log "rabbitmq: node $RMQ_NODENAME not running"
  fi
  rm -f "$RMQ_BASE/node.pid"
  _rabbitmq_stop_epmd
}

# The epmd we launched, and only if no other Erlang node is registered with it.
_rabbitmq_stop_epmd() {
  local pid names
  pid=$(process_running rabbitmq-epmd _rabbitmq_is_our_epmd) || return 0
  names=$(ERL_EPMD_PORT=${ERL_EPMD_PORT:-4369} epmd -names 2>/dev/null | grep -c '^name ')
  if [ "${names:-0}" -gt 0 ]; then
    kamea_log "rabbitmq: epmd (pid $pid) still has $names registered node(s), left running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  process_stop rabbitmq-epmd "$pid" 5 && kamea_log "rabbitmq: stopped epmd (pid $pid)"
}

_rabbitmq_is_our_epmd() { grep -qx epmd "/proc/$1/comm" 2>/dev/null; }

rabbitmq_status() {
  local pid
  if ! pid=$(rabbitmq_pid); then
    echo "rabbitmq: node $RMQ_NODENAME not running"
    return 3
  fi
  echo "rabbitmq: node $RMQ_NODENAME running, pid $pid"
  echo "  listening TCP ports: $(_rabbitmq_ports_of "$pid") (expected $(_rabbitmq_expected_ports))"
  echo "  open files limit:    $(awk '/^Max open files/ {print $4 " (soft) / " $5 " (hard)"}' "/proc/$pid/limits")"
  echo "  file descriptors:    $(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 | wc -l) in use"
  if rabbitmq_diagnostics -q check_running >/dev/null 2>&1; then
    echo "  rabbit app:          running"
    rabbitmq_diagnostics -q listeners 2>/dev/null | sed 's/^/  /'
  else
    echo "  rabbit app:          NOT running (booting or stopped)"
    return 1
  fi
}
