# shellcheck shell=bash
# Payara Server for Kamea: distribution from Maven Central, our own domain in the runtime folder,
# configured by one asadmin command file, every listener on $KAMEA_BIND. Source
# server-config/env.sh first, then this file. Functions:
#   payara_install            fetch payara-$PAYARA_VERSION.zip with Maven, unzip into $PAYARA_HOME
#   payara_start              create the domain once, start it (environment from env.sh is
#                             inherited by the JVM and checked), make its HTTPS keystore, give it
#                             server-config/payara/domain.asadmin and jdbc.asadmin when they
#                             changed, restarting it once when these need it; no-op if all is done
#   payara_stop               asadmin stop-domain for our domaindir, then make sure the PID is gone
#   payara_pid                the PID of our domain's JVM, if it runs
#   payara_deploy EAR|WAR     asadmin deploy --force=true; quiet on success, log tail on error
#   payara_undeploy NAME
#   payara_asadmin ARGS...    remote asadmin against our DAS (admin user + password file)

PAYARA_HOME=${PAYARA_HOME:-$KAMEA_RUNTIME/payara6}
PAYARA_DOMAINS_DIR=${PAYARA_DOMAINS_DIR:-$KAMEA_RUNTIME/payara-domains}
PAYARA_DOMAIN_DIR=$PAYARA_DOMAINS_DIR/$PAYARA_DOMAIN
PAYARA_ADMIN_USER=${PAYARA_ADMIN_USER:-admin}
PAYARA_MAX_HEAP=${PAYARA_MAX_HEAP:-1g}
# HTTP worker threads (server-config/payara/domain.asadmin says why not Payara's 5).
PAYARA_HTTP_THREADS=${PAYARA_HTTP_THREADS:-200}
# shellcheck disable=SC2034 # a value of domain.asadmin: kamea_render reads it by name
PAYARA_METRICS_ROLE=viewer
PAYARA_PASSWORD_FILE=$PAYARA_DOMAINS_DIR/.asadmin-password   # AS_ADMIN_PASSWORD=..., mode 600
PAYARA_COMMANDS_DIR=$KAMEA_ROOT/server-config/payara
# The command file the domain last took, rendered: compared with a new rendering to know whether
# the domain needs it again.
PAYARA_APPLIED_COMMANDS=$PAYARA_DOMAIN_DIR/config/kamea-domain.asadmin
PG_JDBC_VERSION=${PG_JDBC_VERSION:-42.7.8}
# shellcheck source=tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

payara_install() {
  [ -x "$PAYARA_HOME/bin/asadmin" ] && return 0
  local zip tmp
  zip=$(kamea_fetch_zip fish.payara.distributions payara "$PAYARA_VERSION" "") || return 1
  kamea_need_unzip || return 1
  mkdir -p "$KAMEA_RUNTIME"
  tmp=$(mktemp -d "$KAMEA_RUNTIME/.payara-unzip.XXXXXX")
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; return 1; }
  rm -rf "$PAYARA_HOME"
  mv "$tmp/payara6" "$PAYARA_HOME" && rm -rf "$tmp"
  kamea_log "payara: installed $PAYARA_HOME"
}

_payara_write_password_file() {
  mkdir -p "$PAYARA_DOMAINS_DIR"
  (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" > "$PAYARA_PASSWORD_FILE")
}

# local asadmin commands (create-domain, start-domain, stop-domain): no --host/--port
_payara_asadmin_local() {
  _payara_write_password_file
  "$PAYARA_HOME/bin/asadmin" --interactive=false --user "$PAYARA_ADMIN_USER" --passwordfile "$PAYARA_PASSWORD_FILE" "$@"
}

payara_asadmin() {
  [ -f "$PAYARA_PASSWORD_FILE" ] || _payara_write_password_file
  "$PAYARA_HOME/bin/asadmin" --interactive=false --host "$KAMEA_BIND" --port "$PAYARA_ADMIN_PORT" \
    --user "$PAYARA_ADMIN_USER" --passwordfile "$PAYARA_PASSWORD_FILE" "$@"
}

_payara_is_ours() { process_cmdline_has "$1" "$PAYARA_DOMAIN_DIR"; }

# The DAS's PID: recorded, or adopted from the domain's own PID file.
payara_pid() { process_running payara _payara_is_ours "$PAYARA_DOMAIN_DIR/config/pid"; }

_payara_server_log_tail() { tail -n "${1:-40}" "$PAYARA_DOMAIN_DIR/logs/server.log" >&2 2>/dev/null; }

# create-domain only: everything else about the domain is in its command file.
_payara_create_domain() {
  kamea_log "payara: creating domain $PAYARA_DOMAIN in $PAYARA_DOMAINS_DIR (portbase $PAYARA_PORTBASE)"
  mkdir -p "$PAYARA_DOMAINS_DIR"
  local log=$PAYARA_DOMAINS_DIR/create-domain.log
  if ! _payara_asadmin_local create-domain --domaindir "$PAYARA_DOMAINS_DIR" \
       --portbase "$PAYARA_PORTBASE" "$PAYARA_DOMAIN" >"$log" 2>&1; then
    kamea_log "payara: create-domain failed:"; tail -n 20 "$log" >&2; return 1
  fi
}

_payara_pg_jdbc_jar() {
  local jar=$KAMEA_M2_REPO/org/postgresql/postgresql/$PG_JDBC_VERSION/postgresql-$PG_JDBC_VERSION.jar
  if [ ! -s "$jar" ]; then
    kamea_log "fetching org.postgresql:postgresql:$PG_JDBC_VERSION with Maven"
    local mo; mo=$(mvn -q -B dependency:get -Dartifact="org.postgresql:postgresql:$PG_JDBC_VERSION" -Dtransitive=false 2>&1) || { echo "$mo" >&2; return 1; }
  fi
  [ -s "$jar" ] || { kamea_log "not found after download: $jar"; return 1; }
  echo "$jar"
}

# The domain's command file, into FILE: domain.asadmin with this stack's values filled in, then
# jdbc.asadmin as it is (its values are read from the environment, by Payara).
# shellcheck disable=SC2034 # PG_JDBC_JAR, a value of domain.asadmin: kamea_render reads it by name
_payara_render_commands() {
  local PG_JDBC_JAR
  PG_JDBC_JAR=$(_payara_pg_jdbc_jar) || return 1
  { kamea_render < "$PAYARA_COMMANDS_DIR/domain.asadmin" && cat "$PAYARA_COMMANDS_DIR/jdbc.asadmin"; } > "$1"
}

_payara_http_answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$KAMEA_BIND:$PAYARA_HTTP_PORT/")" != 000 ]; }

# Starts the domain with the command file COMMANDS and records its PID. A domain that has not
# taken COMMANDS yet (a new one, or the file changed) runs them at boot, to be the domain they
# describe from the start: before any listener opens (pre-boot), so that it never listens beyond
# $KAMEA_BIND, not even at its first start; and again before the server is ready (post-boot),
# when the phone-home setting exists, so that it never calls home. Hazelcast stays off for that
# boot: it reads hazelcast.socket.bind.any only as the JVM starts, and would listen on every
# address. payara_start then checks the commands with multimode and restarts the domain.
_payara_launch() {
  local commands=$1 boot=() out pid rc=0 v unseen=
  if ! cmp -s "$commands" "$PAYARA_APPLIED_COMMANDS"; then
    { cat "$commands"; echo "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false"; } \
      > "$commands.pre-boot"
    boot=(--prebootcommandfile "$commands.pre-boot" --postbootcommandfile "$commands")
  fi
  # The domain JVM inherits this shell's environment: the MicroProfile Config variables
  # exported by env.sh (MQTT_BROKER_URL, RMQ_LOGIN, RMQ_PWD, ...) reach the application as is.
  out=$(_payara_asadmin_local start-domain --domaindir "$PAYARA_DOMAINS_DIR" "${boot[@]}" "$PAYARA_DOMAIN" 2>&1) || rc=$?
  rm -f "$commands.pre-boot"
  if [ $rc != 0 ]; then
    kamea_log "payara: start-domain failed:"; echo "$out" >&2; _payara_server_log_tail 40; return 1
  fi
  pid=$(process_read_pid_file "$PAYARA_DOMAIN_DIR/config/pid")
  process_record payara "$pid"
  # start-domain returns before the web container (and the applications already deployed) are
  # up; a deployment made meanwhile fails ("This web container has not yet been started").
  process_await "$pid" 60 _payara_http_answers || rc=$?
  case $rc in
    0) ;;
    2) kamea_log "payara: the domain died starting:"; _payara_server_log_tail 40; process_forget payara; return 1 ;;
    *) kamea_log "payara: WARNING: no answer on http://$KAMEA_BIND:$PAYARA_HTTP_PORT/ after 60 s" ;;
  esac
  for v in MQTT_BROKER_URL RMQ_LOGIN RMQ_PWD MQTT_CA_PATH BUS_CONNECTION_STRING PG_HOST PG_PASSWORD; do
    tr '\0' '\n' < "/proc/$pid/environ" | grep -q "^$v=" || unseen="$unseen $v"
  done
  [ -z "$unseen" ] || kamea_log "payara: WARNING: the domain JVM does not see:$unseen (source env.sh before payara_start)"
  kamea_log "payara: running (pid $pid, admin $KAMEA_BIND:$PAYARA_ADMIN_PORT, https $KAMEA_BIND:$PAYARA_HTTPS_PORT)"
}

# HTTPS: the https listener (http-listener-2, $KAMEA_BIND:$PAYARA_HTTPS_PORT) serves
# KAMEA_HTTPS_CERT_PATH / KAMEA_HTTPS_KEY_PATH (default: the development PKI's server certificate)
# from a keystore of its own, $PAYARA_HTTPS_KEYSTORE (PKCS#12, alias kamea-https), whose password
# KAMEA_HTTPS_KEYSTORE_PASSWORD (runtime secrets) reaches the listener as the password alias
# kamea-https-keystore-password (domain.asadmin sets the listener up). Secrets, so not in the
# command file: asadmin takes an alias's password from a password file only.
PAYARA_HTTPS_KEYSTORE=$PAYARA_DOMAIN_DIR/config/kamea-https.p12
PAYARA_HTTPS_ALIAS=kamea-https-keystore-password

# (Re)builds the keystore when the certificate, key or password changed (checksum beside it).
# Returns 0 if it rebuilt it, 1 if it was up to date, 2 on error.
_payara_https_keystore() {
  local ks=$PAYARA_HTTPS_KEYSTORE f sum tmp
  for f in "$KAMEA_HTTPS_CERT_PATH" "$KAMEA_HTTPS_KEY_PATH"; do
    [ -r "$f" ] || { kamea_log "payara: cannot read $f (KAMEA_HTTPS_CERT_PATH, KAMEA_HTTPS_KEY_PATH)"; return 2; }
  done
  [ -n "${KAMEA_HTTPS_KEYSTORE_PASSWORD:-}" ] || { kamea_log "payara: KAMEA_HTTPS_KEYSTORE_PASSWORD is not set"; return 2; }
  sum=$(cat "$KAMEA_HTTPS_CERT_PATH" "$KAMEA_HTTPS_KEY_PATH" <(printf %s "$KAMEA_HTTPS_KEYSTORE_PASSWORD") | sha256sum | cut -d' ' -f1)
  if [ -s "$ks" ] && [ "$(cat "$ks.sha256" 2>/dev/null)" = "$sum" ]; then return 1; fi
  mkdir -p "$(dirname "$ks")"
  tmp=$(mktemp "$ks.XXXXXX") || return 2
  if ! KAMEA_KS_PASS=$KAMEA_HTTPS_KEYSTORE_PASSWORD openssl pkcs12 -export -in "$KAMEA_HTTPS_CERT_PATH" \
       -inkey "$KAMEA_HTTPS_KEY_PATH" -name kamea-https -passout env:KAMEA_KS_PASS -out "$tmp" 2>&1 >&2; then
    rm -f "$tmp"; kamea_log "payara: cannot make a keystore of $KAMEA_HTTPS_CERT_PATH and $KAMEA_HTTPS_KEY_PATH"; return 2
  fi
  chmod 600 "$tmp" && mv -f "$tmp" "$ks" && echo "$sum" > "$ks.sha256"
  kamea_log "payara: HTTPS keystore $ks made of $KAMEA_HTTPS_CERT_PATH"
}

# The keystore and its password alias, set anew with each keystore (its password may have changed).
_payara_https_secrets() {
  local rc=0 verb=
  _payara_https_keystore || rc=$?
  [ $rc = 2 ] && return 1
  [ $rc = 0 ] && { _PAYARA_RESTART="$_PAYARA_RESTART keystore"; verb=update-password-alias; }
  payara_asadmin list-password-aliases 2>/dev/null | grep -qx "$PAYARA_HTTPS_ALIAS" || verb=create-password-alias
  [ -z "$verb" ] || _payara_password_alias "$verb" "$PAYARA_HTTPS_ALIAS" "$KAMEA_HTTPS_KEYSTORE_PASSWORD"
}

# _payara_password_alias create-password-alias|update-password-alias NAME PASSWORD: through a
# password file of mode 600, never on a command line.
_payara_password_alias() {
  local pf out rc=0
  pf=$(mktemp) && chmod 600 "$pf" || return 1
  printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_ALIASPASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" "$3" > "$pf"
  out=$("$PAYARA_HOME/bin/asadmin" --interactive=false --host "$KAMEA_BIND" --port "$PAYARA_ADMIN_PORT" \
        --user "$PAYARA_ADMIN_USER" --passwordfile "$pf" "$1" "$2" 2>&1) || rc=$?
  rm -f "$pf"
  [ $rc = 0 ] || { echo "$out" >&2; return 1; }
}

# Runs the command file FILE against the domain with asadmin multimode. multimode goes on after a
# failed command and answers for the last one only, so its output is read instead: every command
# must have succeeded, or failed because what it creates already exists (the domain took the file,
# or part of it, before).
_payara_run_commands() {
  local out expected
  out=$(payara_asadmin multimode --file "$1" 2>&1)
  expected=$(grep -cv '^[[:space:]]*\(#.*\)\?$' "$1")
  if ! awk -v expected="$expected" '
      /^Command multimode / { next }
      /^Command [^ ]+ executed successfully/ { ran++; block = ""; next }
      /^Command [^ ]+ failed\.$/ {
        ran++
        if (block !~ /already exists/) { printf "%s%s\n", block, $0; bad = 1 }
        block = ""; next
      }
      { block = block $0 "\n" }
      END {
        if (ran != expected) { printf "%s(%d of the %d commands ran)\n", block, ran, expected; bad = 1 }
        exit bad
      }' <<<"$out" >&2; then
    kamea_log "payara: the domain refused commands of $1 (above)"; return 1
  fi
}

# The running domain brought to its configuration: HTTPS secrets, then the command file COMMANDS
# if the domain has not taken it yet, with a check that the pool reaches the database. Sets
# _PAYARA_RESTART to what needs a restart: the metrics security, the listeners' protocols and a
# new keystore take effect only at Payara's start, and so does whatever a new file changes.
_PAYARA_RESTART=
_payara_configure() {
  local commands=$1 out
  _payara_https_secrets || return 1
  if cmp -s "$commands" "$PAYARA_APPLIED_COMMANDS"; then rm -f "$commands"; return 0; fi
  _payara_run_commands "$commands" || return 1
  if ! out=$(payara_asadmin ping-connection-pool kamea-pool 2>&1); then
    kamea_log "payara: ping-connection-pool kamea-pool failed (is PostgreSQL running on $PG_HOST:$PG_PORT?)"
    echo "$out" >&2; return 1
  fi
  mv -f "$commands" "$PAYARA_APPLIED_COMMANDS"
  _PAYARA_RESTART="$_PAYARA_RESTART commands"
  kamea_log "payara: domain configured by $PAYARA_COMMANDS_DIR/domain.asadmin and jdbc.asadmin; kamea-pool ping OK"
}

payara_start() {
  [ -x "$PAYARA_HOME/bin/asadmin" ] || { kamea_log "payara: not installed (run payara_install)"; return 1; }
  local pid commands=$PAYARA_APPLIED_COMMANDS.next
  if [ ! -f "$PAYARA_DOMAIN_DIR/config/domain.xml" ]; then _payara_create_domain || return 1; fi
  _payara_render_commands "$commands" || return 1
  if pid=$(payara_pid); then
    kamea_log "payara: already running (pid $pid, admin $KAMEA_BIND:$PAYARA_ADMIN_PORT)"
  else
    _payara_launch "$commands" || return 1
  fi
  _PAYARA_RESTART=
  _payara_configure "$commands" || return 1
  [ -n "$_PAYARA_RESTART" ] || return 0
  kamea_log "payara: restarting to apply:$_PAYARA_RESTART"
  payara_stop && _payara_launch "$PAYARA_APPLIED_COMMANDS"
}

# stop-domain for OUR domaindir only (TERM if it fails), then the recorded PID waited on, and
# killed if it stays.
payara_stop() {
  local pid
  if ! pid=$(payara_pid); then kamea_log "payara: not running"; return 0; fi
  _payara_asadmin_local stop-domain --domaindir "$PAYARA_DOMAINS_DIR" "$PAYARA_DOMAIN" >/dev/null 2>&1 ||
    kill -TERM "$pid" 2>/dev/null
  process_stop payara "$pid" 30 || return 1
  kamea_log "payara: stopped"
}

payara_deploy() { # path to .ear/.war; extra asadmin deploy options may follow the path
  local app=$1; shift || true
  [ -f "$app" ] || { kamea_log "payara: no such file: $app"; return 1; }
  local out
  if out=$(payara_asadmin deploy --force=true "$@" "$app" 2>&1); then
    kamea_log "payara: deployed $(basename "$app")"
  else
    kamea_log "payara: DEPLOY FAILED for $app:"; echo "$out" >&2
    kamea_log "payara: server.log tail:"; _payara_server_log_tail 60
    return 1
  fi
}

payara_undeploy() {
  local out
  if out=$(payara_asadmin undeploy "$1" 2>&1); then kamea_log "payara: undeployed $1"
  else kamea_log "payara: undeploy $1 failed:"; echo "$out" >&2; return 1; fi
}
