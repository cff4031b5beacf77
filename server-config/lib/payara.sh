# Payara Server for Kamea: distribution from Maven Central, our own domain in the runtime folder,
# every listener on $KAMEA_BIND. Source server-config/env.sh first, then this file.
# Functions:
#   payara_install            fetch payara-$PAYARA_VERSION.zip with Maven, unzip into $PAYARA_HOME
#   payara_start              create + bind the domain once, start it (environment from env.sh is
#                             inherited by the JVM and checked), configure JDBC, health, metrics,
#                             OpenAPI and HTTPS (restarting the domain once when these need it)
#   payara_stop               asadmin stop-domain for our domaindir, then make sure the PID is gone
#   payara_deploy EAR|WAR     asadmin deploy --force=true; quiet on success, log tail on error
#   payara_undeploy NAME
#   payara_asadmin ARGS...    remote asadmin against our DAS (admin user + password file)

PAYARA_HOME=${PAYARA_HOME:-$KAMEA_RUNTIME/payara6}
PAYARA_DOMAINS_DIR=${PAYARA_DOMAINS_DIR:-$KAMEA_RUNTIME/payara-domains}
PAYARA_DOMAIN_DIR=$PAYARA_DOMAINS_DIR/$PAYARA_DOMAIN
PAYARA_ADMIN_USER=${PAYARA_ADMIN_USER:-admin}
PAYARA_MAX_HEAP=${PAYARA_MAX_HEAP:-1g}
PAYARA_PASSWORD_FILE=$PAYARA_DOMAINS_DIR/.asadmin-password   # AS_ADMIN_PASSWORD=..., mode 600
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

# PID of our DAS if it is alive (recorded PID, else the domain's own pid file), checked against
# the command line so a reused PID is never taken for ours.
_payara_pid() {
  local f pid
  for f in "$PID_DIR/payara.pid" "$PAYARA_DOMAIN_DIR/config/pid"; do
    [ -s "$f" ] || continue
    pid=$(tr -dc 0-9 < "$f")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
      tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$PAYARA_DOMAIN_DIR" && { echo "$pid"; return 0; }
  done
  return 1
}

_payara_server_log_tail() { tail -n "${1:-40}" "$PAYARA_DOMAIN_DIR/logs/server.log" >&2 2>/dev/null; }

# Create the domain and bind everything to $KAMEA_BIND before its first start, by editing the
# freshly generated domain.xml (asadmin `set` needs a running server and a restart; the pre-boot
# command file silently skipped the jms/hazelcast settings in a test). Every edit is verified.
_payara_create_domain() {
  kamea_log "payara: creating domain $PAYARA_DOMAIN in $PAYARA_DOMAINS_DIR (portbase $PAYARA_PORTBASE)"
  mkdir -p "$PAYARA_DOMAINS_DIR"
  local log=$PAYARA_DOMAINS_DIR/create-domain.log
  if ! _payara_asadmin_local create-domain --domaindir "$PAYARA_DOMAINS_DIR" \
       --portbase "$PAYARA_PORTBASE" "$PAYARA_DOMAIN" >"$log" 2>&1; then
    kamea_log "payara: create-domain failed:"; tail -n 20 "$log" >&2; return 1
  fi
  local xml=$PAYARA_DOMAIN_DIR/config/domain.xml b=$KAMEA_BIND
  cp "$xml" "$xml.orig"
  sed -i \
    -e "s|address=\"0\.0\.0\.0\"|address=\"$b\"|g" \
    -e "s|<network-listener port=|<network-listener address=\"$b\" port=|g" \
    -e "s|<jms-host name=\"default_JMS_host\" host=\"localhost\"|<jms-host name=\"default_JMS_host\" host=\"$b\"|g" \
    -e "s|<hazelcast-runtime-configuration |<hazelcast-runtime-configuration das-bind-address=\"$b\" das-public-address=\"$b\" interface=\"$b\" |" \
    -e "s|^\(\s*\)\(<admin-service [^>]*type=\"das-and-server\"\)|\1<jms-service type=\"EMBEDDED\" default-jms-host=\"default_JMS_host\"><jms-host name=\"default_JMS_host\" host=\"$b\" port=\"\${JMS_PROVIDER_PORT}\" lazy-init=\"true\"></jms-host></jms-service>\n\1<phone-home-runtime-configuration enabled=\"false\"></phone-home-runtime-configuration>\n\1\2|" \
    -e "s|^\(\s*\)<jvm-options>-Xmx512m</jvm-options>|\1<jvm-options>-Xmx$PAYARA_MAX_HEAP</jvm-options>\n\1<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>|" \
    "$xml"
  local bad=
  grep -q '0\.0\.0\.0' "$xml" && bad="0.0.0.0 left"
  grep '<network-listener ' "$xml" | grep -vq 'address=' && bad="$bad; network-listener without address"
  [ "$(grep -c "<jms-host name=\"default_JMS_host\" host=\"$b\"" "$xml")" = 2 ] || bad="$bad; jms-host"
  grep -q '<phone-home-runtime-configuration enabled="false">' "$xml" || bad="$bad; phone-home"
  grep -q "<hazelcast-runtime-configuration das-bind-address=\"$b\"" "$xml" || bad="$bad; hazelcast"
  [ "$(grep -c -- '-Dhazelcast.socket.bind.any=false' "$xml")" -ge 1 ] || bad="$bad; jvm-options"
  if [ -n "$bad" ]; then
    kamea_log "payara: could not bind the domain to $b ($bad); see $xml (original in $xml.orig)"
    return 1
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

# HTTP worker threads: the domain's default is 5, which queues the 6th concurrent API call
# (commands waited on with ?wait=true hold no thread, but their requests still need one to start).
PAYARA_HTTP_THREADS=${PAYARA_HTTP_THREADS:-200}
_payara_tune_threads() {
  local key=configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size out
  if ! payara_asadmin get "$key" 2>/dev/null | grep -qx "$key=$PAYARA_HTTP_THREADS"; then
    out=$(payara_asadmin set "$key=$PAYARA_HTTP_THREADS" 2>&1) || { echo "$out" >&2; return 1; }
    kamea_log "payara: http-thread-pool max $PAYARA_HTTP_THREADS"
  fi
}

# Set by the configuration steps when the running domain must restart to apply them (Payara takes a
# listener's new protocol, a rebuilt keystore and /metrics' security only at its start).
_PAYARA_RESTART=

# MicroProfile Health (/health), Metrics (/metrics) and OpenAPI (/openapi) on the domain's listeners.
# /health and /openapi without authentication: /health tells UP or DOWN per check, nothing else
# (io.kamea.health). /metrics for the role viewer: the application's authentication mechanism
# (io.kamea.web.access.KameaAuthentication) authenticates every request of the virtual server
# Kamea's WAR is the root of, /metrics included, so Prometheus scrapes with an API key of role
# viewer (Authorization: Bearer; docs/operations.md). Once per domain (marker file).
PAYARA_METRICS_ROLE=viewer
_payara_observability() {
  local marker=$PAYARA_DOMAIN_DIR/config/.kamea-observability-viewer out
  [ -f "$marker" ] && return 0
  out=$(payara_asadmin set-microprofile-healthcheck-configuration --enabled=true --securityenabled=false \
          --endpoint=health 2>&1) &&
    out=$(payara_asadmin set-metrics-configuration --enabled=true --securityenabled=true \
          --roles="$PAYARA_METRICS_ROLE" --endpoint=metrics 2>&1) &&
    out=$(payara_asadmin set-openapi-configuration --enabled=true --securityenabled=false --endpoint=openapi 2>&1) ||
    { echo "$out" >&2; return 1; }
  touch "$marker"
  _PAYARA_RESTART="$_PAYARA_RESTART /metrics-viewer"
  kamea_log "payara: /health and /openapi open, /metrics for the role $PAYARA_METRICS_ROLE"
}

# HTTPS: the https listener (http-listener-2, $KAMEA_BIND:$PAYARA_HTTPS_PORT) serves
# KAMEA_HTTPS_CERT_PATH / KAMEA_HTTPS_KEY_PATH (default: the development PKI's server certificate)
# from a keystore of its own, $PAYARA_HTTPS_KEYSTORE (PKCS#12, alias kamea-https), whose password
# KAMEA_HTTPS_KEYSTORE_PASSWORD (runtime secrets) reaches the listener as the password alias
# kamea-https-keystore-password. TLS 1.2 and 1.3 (the JDK refuses older versions). The plain HTTP
# listener ($PAYARA_HTTP_PORT) serves nothing: port unification answers a plain HTTP request with
# a redirect (302) to the same path on the https port, and a TLS handshake like the https listener.
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
  [ -s "$ks" ] && [ "$(cat "$ks.sha256" 2>/dev/null)" = "$sum" ] && return 1
  mkdir -p "$(dirname "$ks")"
  tmp=$(mktemp "$ks.XXXXXX") || return 2
  if ! KAMEA_KS_PASS=$KAMEA_HTTPS_KEYSTORE_PASSWORD openssl pkcs12 -export -in "$KAMEA_HTTPS_CERT_PATH" \
       -inkey "$KAMEA_HTTPS_KEY_PATH" -name kamea-https -passout env:KAMEA_KS_PASS -out "$tmp" 2>&1 >&2; then
    rm -f "$tmp"; kamea_log "payara: cannot make a keystore of $KAMEA_HTTPS_CERT_PATH and $KAMEA_HTTPS_KEY_PATH"; return 2
  fi
  chmod 600 "$tmp" && mv -f "$tmp" "$ks" && echo "$sum" > "$ks.sha256"
  kamea_log "payara: HTTPS keystore $ks made of $KAMEA_HTTPS_CERT_PATH"
}

_payara_https() {
  local p=configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl
  local l=configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.protocol
  local out pf rc kv current set=() protocols verb=
  rc=0; _payara_https_keystore || rc=$?
  [ $rc = 2 ] && return 1
  [ $rc = 0 ] && { _PAYARA_RESTART="$_PAYARA_RESTART keystore"; verb=update-password-alias; }
  out=$(payara_asadmin list-password-aliases 2>/dev/null)
  grep -qx "$PAYARA_HTTPS_ALIAS" <<<"$out" || verb=create-password-alias
  if [ -n "$verb" ]; then   # the keystore's password, set anew with each keystore
    pf=$(mktemp); chmod 600 "$pf"
    printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_ALIASPASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" "$KAMEA_HTTPS_KEYSTORE_PASSWORD" > "$pf"
    out=$("$PAYARA_HOME/bin/asadmin" --interactive=false --host "$KAMEA_BIND" --port "$PAYARA_ADMIN_PORT" \
          --user "$PAYARA_ADMIN_USER" --passwordfile "$pf" "$verb" "$PAYARA_HTTPS_ALIAS" 2>&1)
    rc=$?; rm -f "$pf"
    [ $rc = 0 ] || { echo "$out" >&2; return 1; }
  fi
  current=$(payara_asadmin get "$p.*" 2>/dev/null)
  for kv in "$p.key-store=$PAYARA_HTTPS_KEYSTORE" "$p.key-store-password=\${ALIAS=$PAYARA_HTTPS_ALIAS}" \
            "$p.cert-nickname=kamea-https" "$p.tls12-enabled=true" "$p.tls13-enabled=true"; do
    grep -qxF -- "$kv" <<<"$current" || set+=("$kv")
  done
  if [ ${#set[@]} -gt 0 ]; then
    out=$(payara_asadmin set "${set[@]}" 2>&1) || { echo "$out" >&2; return 1; }
    _PAYARA_RESTART="$_PAYARA_RESTART https-listener"
  fi
  current=$(payara_asadmin get "$l" 2>/dev/null)
  grep -qx "$l=kamea-http-pu" <<<"$current" && return 0
  protocols=$(payara_asadmin list-protocols 2>/dev/null)
  if ! grep -qx kamea-http-redirect <<<"$protocols"; then
    out=$(payara_asadmin create-protocol --securityenabled=false kamea-http-redirect 2>&1) &&
      out=$(payara_asadmin create-http-redirect --redirect-port "$PAYARA_HTTPS_PORT" --secure-redirect=true \
            kamea-http-redirect 2>&1) || { echo "$out" >&2; return 1; }
  fi
  if ! grep -qx kamea-http-pu <<<"$protocols"; then
    out=$(payara_asadmin create-protocol --securityenabled=false kamea-http-pu 2>&1) &&
      out=$(payara_asadmin create-protocol-finder --protocol kamea-http-pu --targetprotocol http-listener-2 \
            --classname org.glassfish.grizzly.config.portunif.HttpProtocolFinder kamea-https-finder 2>&1) &&
      out=$(payara_asadmin create-protocol-finder --protocol kamea-http-pu --targetprotocol kamea-http-redirect \
            --classname org.glassfish.grizzly.config.portunif.HttpProtocolFinder kamea-redirect-finder 2>&1) ||
      { echo "$out" >&2; return 1; }
  fi
  out=$(payara_asadmin set "$l=kamea-http-pu" 2>&1) || { echo "$out" >&2; return 1; }
  _PAYARA_RESTART="$_PAYARA_RESTART http-redirect"
  kamea_log "payara: https://$KAMEA_BIND:$PAYARA_HTTPS_PORT, plain HTTP on $PAYARA_HTTP_PORT redirected there"
}

# Restarts the domain if a configuration step asked for it (once: the next start finds it done).
_payara_apply_restart() {
  [ -n "$_PAYARA_RESTART" ] || return 0
  kamea_log "payara: restarting to apply:$_PAYARA_RESTART"
  _PAYARA_RESTART=
  payara_stop && payara_start
}

# JDBC driver, password alias, pool kamea-pool, resource jdbc/kamea; once per domain (marker file),
# each step skipped if already there so a failed run can simply be repeated.
_payara_configure() {
  local marker=$PAYARA_DOMAIN_DIR/config/.kamea-configured out jar
  _payara_tune_threads || return 1
  _payara_observability || return 1
  _payara_https || return 1
  [ -f "$marker" ] && return 0
  kamea_log "payara: configuring JDBC (driver, kamea-pool, jdbc/kamea)"
  jar=$(_payara_pg_jdbc_jar) || return 1
  if [ ! -f "$PAYARA_DOMAIN_DIR/lib/$(basename "$jar")" ]; then
    out=$(payara_asadmin add-library --type common "$jar" 2>&1) || { echo "$out" >&2; return 1; }
  fi
  if ! payara_asadmin list-password-aliases 2>/dev/null | grep -qx kamea-db-password; then
    local pf; pf=$(mktemp); chmod 600 "$pf"
    printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_ALIASPASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" "$PG_PASSWORD" > "$pf"
    out=$("$PAYARA_HOME/bin/asadmin" --interactive=false --host "$KAMEA_BIND" --port "$PAYARA_ADMIN_PORT" \
          --user "$PAYARA_ADMIN_USER" --passwordfile "$pf" create-password-alias kamea-db-password 2>&1)
    local rc=$?; rm -f "$pf"
    [ $rc = 0 ] || { echo "$out" >&2; return 1; }
  fi
  if ! payara_asadmin list-jdbc-connection-pools 2>/dev/null | grep -qx kamea-pool; then
    out=$(payara_asadmin create-jdbc-connection-pool \
      --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
      --steadypoolsize 2 --maxpoolsize 32 --isconnectvalidatereq=true --validationmethod auto-commit \
      --property "serverName=$KAMEA_BIND:portNumber=$PG_PORT:databaseName=$PG_DATABASE:user=$PG_USER:password=\${ALIAS=kamea-db-password}" \
      kamea-pool 2>&1) || { echo "$out" >&2; return 1; }
  fi
  if ! payara_asadmin list-jdbc-resources 2>/dev/null | grep -qx jdbc/kamea; then
    out=$(payara_asadmin create-jdbc-resource --connectionpoolid kamea-pool jdbc/kamea 2>&1) || { echo "$out" >&2; return 1; }
  fi
  if ! out=$(payara_asadmin ping-connection-pool kamea-pool 2>&1); then
    kamea_log "payara: ping-connection-pool kamea-pool failed (is PostgreSQL running on $KAMEA_BIND:$PG_PORT?)"
    echo "$out" >&2; return 1
  fi
  touch "$marker"
  kamea_log "payara: kamea-pool ping OK"
}

payara_start() {
  [ -x "$PAYARA_HOME/bin/asadmin" ] || { kamea_log "payara: not installed (run payara_install)"; return 1; }
  local pid
  if pid=$(_payara_pid); then
    echo "$pid" > "$PID_DIR/payara.pid"
    kamea_log "payara: already running (pid $pid, admin $KAMEA_BIND:$PAYARA_ADMIN_PORT)"
    _payara_configure && _payara_apply_restart
    return
  fi
  if [ ! -f "$PAYARA_DOMAIN_DIR/config/domain.xml" ]; then _payara_create_domain || return 1; fi
  mkdir -p "$PID_DIR"
  # The domain JVM inherits this shell's environment: the MicroProfile Config variables
  # exported by env.sh (MQTT_BROKER_URL, RMQ_LOGIN, RMQ_PWD, ...) reach the application as is.
  local out
  if ! out=$(_payara_asadmin_local start-domain --domaindir "$PAYARA_DOMAINS_DIR" "$PAYARA_DOMAIN" 2>&1); then
    kamea_log "payara: start-domain failed:"; echo "$out" >&2; _payara_server_log_tail 40; return 1
  fi
  pid=$(tr -dc 0-9 < "$PAYARA_DOMAIN_DIR/config/pid")
  echo "$pid" > "$PID_DIR/payara.pid"
  # start-domain returns before the web container (and the applications already deployed) are
  # up; a deployment made meanwhile fails ("This web container has not yet been started").
  local i
  for ((i = 0; i < 240; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$KAMEA_BIND:$PAYARA_HTTP_PORT/")" != 000 ] && break
    sleep 0.25
  done
  local v missing=
  for v in MQTT_BROKER_URL RMQ_LOGIN RMQ_PWD MQTT_CA_PATH BUS_CONNECTION_STRING; do
    tr '\0' '\n' < "/proc/$pid/environ" | grep -q "^$v=" || missing="$missing $v"
  done
  [ -z "$missing" ] || kamea_log "payara: WARNING: the domain JVM does not see:$missing (source env.sh before payara_start)"
  kamea_log "payara: running (pid $pid, admin $KAMEA_BIND:$PAYARA_ADMIN_PORT, https $KAMEA_BIND:$PAYARA_HTTPS_PORT)"
  _payara_configure && _payara_apply_restart
}

payara_stop() {
  local pid i
  if ! pid=$(_payara_pid); then rm -f "$PID_DIR/payara.pid"; kamea_log "payara: not running"; return 0; fi
  # stop-domain for OUR domaindir only, then wait on / kill the PID we know
  _payara_asadmin_local stop-domain --domaindir "$PAYARA_DOMAINS_DIR" "$PAYARA_DOMAIN" >/dev/null 2>&1 ||
    kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 120; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    kamea_log "payara: pid $pid still alive after 30 s, SIGTERM"; kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && { kamea_log "payara: SIGKILL $pid"; kill -KILL "$pid" 2>/dev/null; }
  fi
  rm -f "$PID_DIR/payara.pid"
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
