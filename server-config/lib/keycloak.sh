# shellcheck shell=bash
# Keycloak, the OIDC provider of the tests (Kamea's OIDC bearer tokens, docs/oidc.md): the Quarkus
# distribution from Maven Central, run in development mode (HTTP, file database, local caches) in
# the runtime folder, on $KAMEA_BIND:$KEYCLOAK_PORT only. Source server-config/env.sh first, then
# this file. Functions:
#   keycloak_install  fetch keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip with Maven, unzip into $KEYCLOAK_HOME
#   keycloak_start    write the realms (server-config/keycloak/*-realm.json, passwords filled in
#                     from the runtime secrets) for import, start, wait for the realm's discovery
#                     document; no-op if running
#   keycloak_stop     SIGTERM to the recorded PID (kc.sh passes it on to its JVM), wait, SIGKILL
#                     if it stays; nothing else is touched
#   keycloak_pid      the PID of our Keycloak, if it runs
# Realms, clients and users are imported once, at the first start (an existing realm is kept).
# Test users' passwords and the bootstrap admin's are generated into $KAMEA_RUNTIME/secrets.env.

KEYCLOAK_HOME=${KEYCLOAK_HOME:-$KAMEA_RUNTIME/keycloak-$KEYCLOAK_VERSION}
KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-$((KEYCLOAK_PORT + 1))}
KEYCLOAK_LOG=${KEYCLOAK_LOG:-$KAMEA_RUNTIME/keycloak/keycloak.log}
# shellcheck source=tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

keycloak_install() {
  [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && return 0
  local zip tmp
  zip=$(kamea_fetch_zip org.keycloak keycloak-quarkus-dist "$KEYCLOAK_VERSION" "") || return 1
  kamea_need_unzip || return 1
  mkdir -p "$KAMEA_RUNTIME"
  tmp=$(mktemp -d "$KAMEA_RUNTIME/.keycloak-unzip.XXXXXX")
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; return 1; }
  rm -rf "$KEYCLOAK_HOME"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME" && rm -rf "$tmp"
  kamea_log "keycloak: installed $KEYCLOAK_HOME"
}

# Keycloak 26 needs Java 21 or later: the machine's java if it is one, else a Temurin JDK
# (KEYCLOAK_JAVA_HOME overrides).
_keycloak_java_home() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then echo "$KEYCLOAK_JAVA_HOME"; return 0; fi
  local java major d jdks=()
  java=$(command -v java 2>/dev/null) && java=$(readlink -f "$java")
  if [ -n "$java" ]; then
    major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ "${major:-0}" -ge 21 ] 2>/dev/null && { dirname "$(dirname "$java")"; return 0; }
  fi
  for d in /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/java-2[1-9]-*; do
    [ -x "$d/bin/java" ] && jdks+=("$d")
  done
  kamea_newest_path "${jdks[@]}" && return 0
  kamea_log "keycloak: needs Java 21 or later (none found; set KEYCLOAK_JAVA_HOME)"; return 1
}

# Appends to the runtime secrets what they lack: the bootstrap admin's password and one per test user.
_keycloak_secrets() {
  local f=$KAMEA_RUNTIME/secrets.env name
  for name in KEYCLOAK_ADMIN_PASSWORD OIDC_VIEWER_PASSWORD OIDC_OPERATOR_PASSWORD OIDC_ADMIN_PASSWORD OIDC_NOBODY_PASSWORD; do
    if ! grep -q "^$name=" "$f" 2>/dev/null; then
      (umask 077; echo "$name=$(openssl rand -hex 24)" >> "$f")
    fi
  done
  # shellcheck disable=SC1090
  . "$f"
}

_keycloak_is_ours() { process_cmdline_has "$1" "$KEYCLOAK_HOME"; }

keycloak_pid() { process_running keycloak _keycloak_is_ours; }

# The realm files with their passwords, where --import-realm reads them (data/import, mode 600).
_keycloak_realms() {
  local dir=$KEYCLOAK_HOME/data/import f
  mkdir -p "$dir"; chmod 700 "$dir"
  for f in "$KAMEA_ROOT"/server-config/keycloak/*-realm.json; do
    (umask 077; sed -e "s/@OIDC_VIEWER_PASSWORD@/$OIDC_VIEWER_PASSWORD/g" \
        -e "s/@OIDC_OPERATOR_PASSWORD@/$OIDC_OPERATOR_PASSWORD/g" \
        -e "s/@OIDC_ADMIN_PASSWORD@/$OIDC_ADMIN_PASSWORD/g" \
        -e "s/@OIDC_NOBODY_PASSWORD@/$OIDC_NOBODY_PASSWORD/g" "$f" > "$dir/$(basename "$f")")
  done
}

keycloak_start() {
  [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] || { kamea_log "keycloak: not installed (run keycloak_install)"; return 1; }
  _keycloak_secrets   # the test users' passwords, for the caller too
  local pid owner java_home rc=0 started=$SECONDS
  if pid=$(keycloak_pid); then
    kamea_log "keycloak: already running (pid $pid, $KEYCLOAK_URL)"
    return 0
  fi
  if owner=$(process_port_in_use "$KEYCLOAK_PORT"); then
    kamea_log "keycloak: port $KAMEA_BIND:$KEYCLOAK_PORT is taken by another process ($owner)"; return 1
  fi
  java_home=$(_keycloak_java_home) || return 1
  _keycloak_realms
  # start-dev: HTTP, the dev-file database under data/, local caches (no cluster discovery). The
  # hostname is fixed so that the tokens' issuer is the same whatever address a client uses.
  (
    export JAVA_HOME=$java_home KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KEYCLOAK_ADMIN_PASSWORD \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx${KEYCLOAK_MAX_HEAP:-512m}"
    process_launch keycloak "$KEYCLOAK_LOG" "$KEYCLOAK_HOME" "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm \
      --http-host="$KAMEA_BIND" --http-port="$KEYCLOAK_PORT" --hostname="$KEYCLOAK_URL" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT"
  )
  pid=$(process_recorded keycloak)
  process_await "$pid" 180 _keycloak_realm_answers || rc=$?
  case $rc in
    0) kamea_log "keycloak: running (pid $pid, $KEYCLOAK_URL, realms kamea and other) after $((SECONDS - started)) s" ;;
    2) kamea_log "keycloak: exited during start, log tail:"; tail -n 30 "$KEYCLOAK_LOG" >&2; process_forget keycloak; return 1 ;;
    *) kamea_log "keycloak: realm kamea not answering after 180 s"; tail -n 30 "$KEYCLOAK_LOG" >&2; return 1 ;;
  esac
}

_keycloak_realm_answers() { curl -fsS -o /dev/null "$KEYCLOAK_URL/realms/kamea/.well-known/openid-configuration" 2>/dev/null; }

# SIGTERM to kc.sh, which passes it on to its JVM; then the recorded PID waited on, and killed
# (with its JVM) if it stays.
keycloak_stop() {
  local pid
  if ! pid=$(keycloak_pid); then kamea_log "keycloak: not running"; return 0; fi
  kill -TERM "$pid" 2>/dev/null
  process_stop keycloak "$pid" 30 || return 1
  kamea_log "keycloak: stopped"
}
