#!/usr/bin/env bash
# Runs every test: shellcheck on the scripts, unit tests, the Arquillian in-container tests
# (Payara Micro) and the end-to-end tests against the running platform. Starts whatever part of the platform is not
# already running and stops exactly that part afterwards. The application accepts the OIDC tokens
# of a test Keycloak (KAMEA_OIDC=true, server-config/lib/keycloak.sh), started first and stopped
# afterwards unless it was already running.
set -euo pipefail
export KAMEA_OIDC=true
# shellcheck source=env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=/dev/null # each of lib/*.sh is checked on its own
for lib in tools rabbitmq postgres artemis payara keycloak; do . "$KAMEA_ROOT/server-config/lib/$lib.sh"; done

# Every script of server-config (and CI's) passes shellcheck, before anything starts.
shellcheck_install
shellcheck_scripts

not_running=()
# In stopping order: the application server before what it uses.
for service in payara artemis postgres rabbitmq; do
  "${service}_pid" >/dev/null || not_running+=("$service")
done
keycloak_was_running=false
keycloak_pid >/dev/null && keycloak_was_running=true
oidc_domain_keys=()   # OIDC keys this script gave a Payara that was running without them
cleanup() {
  local key
  for key in "${oidc_domain_keys[@]}"; do
    payara_asadmin delete-config-property --source=domain --propertyName="$key" >/dev/null 2>&1 || true
  done
  if [ ${#not_running[@]} -gt 0 ] && [ "${KAMEA_KEEP_RUNNING:-false}" != true ]; then
    kamea_log "stopping what the tests started: ${not_running[*]}"
    bash "$KAMEA_ROOT/server-config/stop.sh" "${not_running[@]}" || true
  fi
  if [ "$keycloak_was_running" != true ] && [ "${KAMEA_KEEP_RUNNING:-false}" != true ]; then
    keycloak_stop || true
  fi
}
trap cleanup EXIT

keycloak_install
keycloak_start
bash "$KAMEA_ROOT/server-config/run.sh"
# A Payara that was already running was started without the OIDC keys in its environment: give
# them to it as domain configuration properties (MicroProfile Config reads those without a
# restart; Kamea reads its OIDC settings again every 10 s) and take them back afterwards.
das_pid=$(payara_pid)
if ! tr '\0' '\n' < "/proc/$das_pid/environ" 2>/dev/null | grep -q "^KAMEA_OIDC_ISSUER="; then
  kamea_log "payara: running without the OIDC settings, setting them as domain properties for the tests"
  for key in KAMEA_OIDC_ISSUER KAMEA_OIDC_JWKS_URL KAMEA_OIDC_AUDIENCE; do
    payara_asadmin set-config-property --source=domain --propertyName="$key" --propertyValue="${!key}" >/dev/null
    oidc_domain_keys+=("$key")
  done
  # Payara's MicroProfile Config caches values for 60 s (measured: the change showed after 62 s):
  # wait until a viewer's token opens the API.
  viewer_token=$(curl -fsS -d grant_type=password -d client_id=kamea-api -d username=oidc-viewer \
      --data-urlencode "password=$OIDC_VIEWER_PASSWORD" "$KEYCLOAK_URL/realms/kamea/protocol/openid-connect/token" |
    jq -r .access_token)
  for _ in $(seq 1 90); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$MQTT_CA_PATH" -H "Authorization: Bearer $viewer_token" \
         "$KAMEA_API_URL/devices?size=1")" = 200 ] && break
    sleep 1
  done
fi
# The test users' passwords (runtime secrets), for OidcTokensIT only: the domain never sees them.
export OIDC_VIEWER_PASSWORD OIDC_OPERATOR_PASSWORD OIDC_ADMIN_PASSWORD OIDC_NOBODY_PASSWORD
# again: run.sh may have just made this stack's API key (KAMEA_API_TOKEN), which the tests use
# shellcheck source=env.sh
. "$KAMEA_ROOT/server-config/env.sh"
browser_install
cd "$KAMEA_ROOT"
mvn -B verify -DskipITs=false
