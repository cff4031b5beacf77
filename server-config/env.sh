# shellcheck shell=bash
# Kamea runtime settings, sourced by every script in server-config/.
# shellcheck disable=SC2034 # the settings are read by the scripts that source this file
# Each value can be overridden from the environment; defaults bind everything to 127.0.0.1
# and use the project's own ports, folders and node names (never the machine's defaults).

KAMEA_ROOT=${KAMEA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
KAMEA_RUNTIME=${KAMEA_RUNTIME:-$KAMEA_ROOT/.runtime}   # data, logs, PID files, PKI, installed servers
KAMEA_BIND=${KAMEA_BIND:-127.0.0.1}
KAMEA_HOST=${KAMEA_HOST:-localhost}                     # name in the server certificate and URLs

# RabbitMQ (Debian package, own node)
RMQ_NODENAME=${RMQ_NODENAME:-kamea@localhost}
RMQ_MQTTS_PORT=${RMQ_MQTTS_PORT:-8883}
RMQ_AMQPS_PORT=${RMQ_AMQPS_PORT:-5671}
RMQ_MGMT_PORT=${RMQ_MGMT_PORT:-15671}
RMQ_DIST_PORT=${RMQ_DIST_PORT:-25679}
RMQ_PLAIN_LISTENERS=${RMQ_PLAIN_LISTENERS:-false}       # true adds MQTT 1883 / AMQP 5672 / HTTP 15672
RMQ_MQTT_PORT=${RMQ_MQTT_PORT:-1883}
RMQ_AMQP_PORT=${RMQ_AMQP_PORT:-5672}
RMQ_MGMT_PLAIN_PORT=${RMQ_MGMT_PLAIN_PORT:-15672}
RMQ_VHOST=${RMQ_VHOST:-kamea}
RMQ_LOGIN=${RMQ_LOGIN:-kamea-admin}
RMQ_MAX_OPEN_FILES=${RMQ_MAX_OPEN_FILES:-65536}
# Erlang scheduler threads of the broker. On a machine it shares with Payara, Artemis and
# PostgreSQL, half the cores: on 2 cores one scheduler did the same work with 70-75 % of a core
# where two took 100-108 % (cross-scheduler wake-ups), and half-load p99 fell (docs/benchmarks.md).
RMQ_SCHEDULERS=${RMQ_SCHEDULERS:-$(( $(nproc) / 2 > 0 ? $(nproc) / 2 : 1 ))}
RMQ_EXTRA_ERL_ARGS=${RMQ_EXTRA_ERL_ARGS:-}              # more emulator flags for the node, e.g. "+JPperf true"
# Bounds of each of kamea.dead-letter and kamea.unroutable (policy kamea-rejected-bounds), which
# nothing consumes: past either, the oldest messages are dropped. 100 MiB holds 800 messages of the
# largest size, 100,000 messages of 1 KiB; a device refused in a loop cannot fill the disk.
# Exported for the end-to-end tests, which check the node applies them.
export KAMEA_REJECTED_MAX_LENGTH=${KAMEA_REJECTED_MAX_LENGTH:-100000}
export KAMEA_REJECTED_MAX_BYTES=${KAMEA_REJECTED_MAX_BYTES:-104857600}

# PostgreSQL (Debian package, own cluster)
PG_PORT=${PG_PORT:-15432}
PG_DATABASE=${PG_DATABASE:-kamea}
PG_USER=${PG_USER:-kamea}
PG_HOST=$KAMEA_BIND                                     # the cluster listens there only

# Artemis (the JMS bus)
ARTEMIS_VERSION=${ARTEMIS_VERSION:-2.40.0}
ARTEMIS_PORT=${ARTEMIS_PORT:-61616}
ARTEMIS_USER=${ARTEMIS_USER:-kamea-bus}

# Payara Server
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
PAYARA_PORTBASE=${PAYARA_PORTBASE:-8000}                # admin 8048, http 8080, https 8081
PAYARA_ADMIN_PORT=$((PAYARA_PORTBASE + 48))
export PAYARA_HTTP_PORT=$((PAYARA_PORTBASE + 80))   # exported: SecurityHeadersIT checks it only redirects
PAYARA_HTTPS_PORT=$((PAYARA_PORTBASE + 81))
PAYARA_DOMAIN=${PAYARA_DOMAIN:-kamea}

# Keycloak, the OIDC provider of the tests (server-config/lib/keycloak.sh; started by test.sh)
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.5.6}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-18180}                   # management interface: the port after it
KEYCLOAK_URL=${KEYCLOAK_URL:-http://$KAMEA_BIND:$KEYCLOAK_PORT}

PKI_DIR=$KAMEA_RUNTIME/pki
PID_DIR=$KAMEA_RUNTIME/pids

# Secrets are generated once per runtime folder and kept there (mode 600), never in git.
kamea_secrets() {
  local f=$KAMEA_RUNTIME/secrets.env
  if [ ! -f "$f" ]; then
    mkdir -p "$KAMEA_RUNTIME"
    (umask 077; {
      echo "RMQ_PWD=$(openssl rand -hex 24)"
      echo "PG_PASSWORD=$(openssl rand -hex 24)"
      echo "ARTEMIS_PASSWORD=$(openssl rand -hex 24)"
      echo "RMQ_AUTH_SECRET=$(openssl rand -hex 24)"
      echo "PAYARA_ADMIN_PASSWORD=$(openssl rand -hex 24)"
      echo "MQTT_API_PWD=$(openssl rand -hex 24)"
      echo "KAMEA_HTTPS_KEYSTORE_PASSWORD=$(openssl rand -hex 24)"
    } > "$f")
  fi
  # shellcheck disable=SC1090
  . "$f"
  # added after the first release of this file: fill in what an older secrets file lacks
  if [ -z "${MQTT_API_PWD:-}" ]; then
    MQTT_API_PWD=$(openssl rand -hex 24)
    echo "MQTT_API_PWD=$MQTT_API_PWD" >> "$f"
  fi
  if [ -z "${KAMEA_HTTPS_KEYSTORE_PASSWORD:-}" ]; then   # Payara's keystore of the HTTPS listener
    KAMEA_HTTPS_KEYSTORE_PASSWORD=$(openssl rand -hex 24)
    echo "KAMEA_HTTPS_KEYSTORE_PASSWORD=$KAMEA_HTTPS_KEYSTORE_PASSWORD" >> "$f"
  fi
  # The first start's password of the UI/API user "admin" (io.kamea.access.FirstAdmin; the user
  # may change it). KAMEA_API_TOKEN, an admin API key of this stack, is added by run.sh once the
  # API answers.
  if [ -z "${KAMEA_ADMIN_PASSWORD:-}" ]; then
    KAMEA_ADMIN_PASSWORD=$(openssl rand -hex 16)
    echo "KAMEA_ADMIN_PASSWORD=$KAMEA_ADMIN_PASSWORD" >> "$f"
  fi
}
kamea_secrets

# Configuration the application reads through MicroProfile Config (environment variables).
export MQTT_BROKER_URL=${MQTT_BROKER_URL:-https://$KAMEA_HOST:$RMQ_MGMT_PORT/api}
export MGMT_MQTT_INGESTION_URL=${MGMT_MQTT_INGESTION_URL:-ssl://$KAMEA_HOST:$RMQ_MQTTS_PORT}
export MGMT_AMQP_INGESTION_URL=${MGMT_AMQP_INGESTION_URL:-$KAMEA_HOST}
export MGMT_AMQP_INGESTION_PORT=${MGMT_AMQP_INGESTION_PORT:-$RMQ_AMQPS_PORT}
export MQTT_CA_PATH=${MQTT_CA_PATH:-$PKI_DIR/ca/ca.pem}
export RMQ_TLS_CERT_PATH=${RMQ_TLS_CERT_PATH:-$PKI_DIR/server/server.pem}
export RMQ_TLS_KEY_PATH=${RMQ_TLS_KEY_PATH:-$PKI_DIR/server/server.key}
export RMQ_TLS_CA_CERT_PATH=${RMQ_TLS_CA_CERT_PATH:-$PKI_DIR/ca/ca.pem}
export RMQ_TRUST_STORE_PATH=${RMQ_TRUST_STORE_PATH:-$KAMEA_RUNTIME/rabbitmq/trust-store}
export RMQ_LOGIN RMQ_PWD RMQ_VHOST RMQ_AUTH_SECRET
# The API and the UI answer over HTTPS only (plain HTTP on $PAYARA_HTTP_PORT redirects there), with
# this certificate and key (PEM; the certificate file may carry its chain after it). Callers verify
# it with MQTT_CA_PATH, so a certificate of another CA needs that CA in MQTT_CA_PATH's bundle.
export KAMEA_HTTPS_CERT_PATH=${KAMEA_HTTPS_CERT_PATH:-$PKI_DIR/server/server.pem}
export KAMEA_HTTPS_KEY_PATH=${KAMEA_HTTPS_KEY_PATH:-$PKI_DIR/server/server.key}
export KAMEA_API_URL=${KAMEA_API_URL:-https://$KAMEA_HOST:$PAYARA_HTTPS_PORT/api}
export BUS_CONNECTION_STRING=${BUS_CONNECTION_STRING:-tcp://$KAMEA_BIND:$ARTEMIS_PORT}
export BUS_USER=${BUS_USER:-$ARTEMIS_USER}
export BUS_PASSWORD=${BUS_PASSWORD:-$ARTEMIS_PASSWORD}
export RAW_DATA_TOPIC_NAME=${RAW_DATA_TOPIC_NAME:-kamea.raw-data}
export REPORTED_STATE_TOPIC_NAME=${REPORTED_STATE_TOPIC_NAME:-kamea.reported-state}
export MQTT_API_CLIENT_ID=${MQTT_API_CLIENT_ID:-kamea-api}
export MQTT_API_LOGIN=${MQTT_API_LOGIN:-kamea-api}
export MQTT_API_PWD
# Operator access (docs/security.md): the first admin's password, and this stack's admin API key
# for scripts, benchmarks and tests: curl -H "Authorization: Bearer $KAMEA_API_TOKEN" "$KAMEA_API_URL/..."
export KAMEA_ADMIN_PASSWORD
if [ -n "${KAMEA_API_TOKEN:-}" ]; then export KAMEA_API_TOKEN; fi
export USE_MQTT=${USE_MQTT:-true}
# The largest message payload, in bytes: the broker refuses a larger publish (max_message_size),
# the API a larger desired configuration or command, ingestion dead-letters one as too-large.
export KAMEA_MAX_MESSAGE_BYTES=${KAMEA_MAX_MESSAGE_BYTES:-131072}
# true: auto-provisioned devices wait, pending, for an operator's approval (docs/auto-provisioning.md)
export KAMEA_AUTO_PROVISIONING=${KAMEA_AUTO_PROVISIONING:-true}
export KAMEA_AUTO_PROVISIONING_APPROVAL=${KAMEA_AUTO_PROVISIONING_APPROVAL:-false}
# OIDC bearer tokens (docs/oidc.md): off unless KAMEA_OIDC=true, which points the application at
# the local Keycloak's realm "kamea" (test.sh does; for another provider, export the KAMEA_OIDC_*
# keys themselves instead and leave KAMEA_OIDC alone).
KAMEA_OIDC=${KAMEA_OIDC:-false}
if [ "$KAMEA_OIDC" = true ]; then
  export KAMEA_OIDC_ISSUER=${KAMEA_OIDC_ISSUER:-$KEYCLOAK_URL/realms/kamea}
  export KAMEA_OIDC_JWKS_URL=${KAMEA_OIDC_JWKS_URL:-$KEYCLOAK_URL/realms/kamea/protocol/openid-connect/certs}
  export KAMEA_OIDC_AUDIENCE=${KAMEA_OIDC_AUDIENCE:-kamea-api}
fi
export KAMEA_RUNTIME KAMEA_ROOT PKI_DIR KEYCLOAK_URL
# The data source jdbc/kamea reads these when it connects (server-config/payara/jdbc.asadmin), in
# Payara Server's domain and in the Payara Micro of the Arquillian tests alike.
export PG_HOST PG_PORT PG_DATABASE PG_USER PG_PASSWORD

# Helpers shared by the scripts.
kamea_log() { printf '[kamea] %s\n' "$*" >&2; }

# Copies stdin to stdout with every @NAME@ replaced by the value of the shell variable NAME; fails,
# naming it, if one is not set. The servers' configuration templates (server-config/rabbitmq/*.template,
# server-config/payara/domain.asadmin) are filled in with it.
kamea_render() {
  local text name
  text=$(cat)
  for name in $(grep -o '@[A-Z_][A-Z0-9_]*@' <<<"$text" | sort -u | tr -d '@'); do
    [ -n "${!name+x}" ] || { kamea_log "template variable $name is not set"; return 1; }
    text=${text//@$name@/${!name}}
  done
  printf '%s\n' "$text"
}

# The last, in version order, of the paths given that exist (the newest of a glob's matches).
kamea_newest_path() {
  local path newest=
  for path in "$@"; do [ -e "$path" ] && newest=$(printf '%s\n%s\n' "$newest" "$path" | sort -V | tail -n 1); done
  [ -n "$newest" ] && echo "$newest"
}

# The servers' processes: PID files, start, stop (lib/process.sh).
# shellcheck source=lib/process.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/process.sh"
