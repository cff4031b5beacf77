#!/usr/bin/env bash
# Starts the whole Kamea platform on this machine: builds the EAR, installs what is missing
# (Debian packages, servers from Maven Central), starts RabbitMQ, PostgreSQL, Artemis and Payara
# Server, deploys the EAR and prints the API's URL. Safe to re-run: running servers are kept and
# the EAR is redeployed.
set -euo pipefail
# shellcheck source=env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=/dev/null # each of lib/*.sh is checked on its own
for lib in tools rabbitmq postgres artemis payara; do . "$KAMEA_ROOT/server-config/lib/$lib.sh"; done

started=$SECONDS
tools_install
if [ "${KAMEA_SKIP_BUILD:-false}" != true ]; then
  kamea_log "building the EAR"
  (cd "$KAMEA_ROOT" && mvn -q -B package -DskipTests)
fi
# "devices": the device test material too (whitelisted device CA in the trust store, test certificates)
bash "$KAMEA_ROOT/server-config/pki/make-dev-pki.sh" devices

rabbitmq_install
postgres_install
artemis_install
payara_install

rabbitmq_start
postgres_start
artemis_start
payara_start
ear=$KAMEA_ROOT/kamea-ear/target/kamea.ear
deployed_sum_file=$KAMEA_RUNTIME/payara-deployed.sha256
if payara_asadmin list-applications 2>/dev/null | grep -q '^kamea '; then
  # A domain loads the application it has at start, after its listeners are up: a deployment
  # made meanwhile breaks the persistence unit. Wait for the application first.
  for _ in $(seq 1 360); do
    # `|| true`: curl fails on a refused connection while the domain starts (code 000, retried)
    code=$(curl -s --cacert "$MQTT_CA_PATH" -o /dev/null -w '%{http_code}' "$KAMEA_API_URL/devices?size=1" || true)
    [ "$code" != 000 ] && [ "$code" != 404 ] && break
    sleep 0.5
  done
  already=$(cat "$deployed_sum_file" 2>/dev/null || true)
else
  already=
fi
sum=$(sha256sum "$ear" | cut -d' ' -f1)
if [ "$already" = "$sum" ]; then
  kamea_log "payara: kamea.ear unchanged, not redeployed"
else
  payara_deploy "$ear"
  echo "$sum" > "$deployed_sum_file"
fi

# The deployment is ready when the API answers, not when asadmin returns, and when the ingestion
# queues have their consumers: the resource adapter connects to RabbitMQ in the background after a
# deployment, and telemetry published before that would only pile up.
ingestion_consumers() { # -> the fewest consumers among the ingestion queues
  curl -fsS --cacert "$MQTT_CA_PATH" -u "$RMQ_LOGIN:$RMQ_PWD" "$MQTT_BROKER_URL/queues/$RMQ_VHOST" 2>/dev/null |
    jq '[.[] | select(.name == "kamea.telemetry" or .name == "kamea.reported-configurations") | .consumers] | if length == 2 then min else 0 end'
}
# Ready also means every readiness check is UP (/health/ready), the API's MQTT session among them:
# deleting a device or publishing a configuration needs it, and it reconnects a few seconds after
# a broker restart.
# The API answers when an anonymous call gets its 401.
api_answers() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$MQTT_CA_PATH" "$KAMEA_API_URL/session")" = 401 ]
}
# This stack's admin API key, KAMEA_API_TOKEN in the runtime secrets (env.sh exports it), made the
# way a user would: log in as admin, POST /api/keys. Made again if the one kept no longer works.
ensure_api_token() {
  if [ -n "${KAMEA_API_TOKEN:-}" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$MQTT_CA_PATH" \
       -H "Authorization: Bearer $KAMEA_API_TOKEN" "$KAMEA_API_URL/session")" = 200 ]; then
    return 0
  fi
  local jar csrf key
  jar=$(mktemp)
  # the password on stdin, not on a command line other users can read
  csrf=$(jq -n --arg p "$KAMEA_ADMIN_PASSWORD" '{username: "admin", password: $p}' |
    curl -sS --cacert "$MQTT_CA_PATH" -c "$jar" -H 'Content-Type: application/json' --data-binary @- \
      "$KAMEA_API_URL/session" | jq -r '.csrfToken // empty')
  if [ -z "$csrf" ]; then
    rm -f "$jar"
    kamea_log "could not log in as admin with KAMEA_ADMIN_PASSWORD (changed since the first start?): no KAMEA_API_TOKEN"
    return 1
  fi
  key=$(curl -sS --cacert "$MQTT_CA_PATH" -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"name": "development stack (server-config/run.sh)", "role": "admin"}' "$KAMEA_API_URL/keys" | jq -r '.key // empty')
  curl -sS -o /dev/null --cacert "$MQTT_CA_PATH" -b "$jar" -H "X-CSRF-Token: $csrf" -X DELETE "$KAMEA_API_URL/session"
  rm -f "$jar"
  [ -n "$key" ] || { kamea_log "POST /api/keys did not answer a key"; return 1; }
  sed -i '/^KAMEA_API_TOKEN=/d' "$KAMEA_RUNTIME/secrets.env"
  echo "KAMEA_API_TOKEN=$key" >> "$KAMEA_RUNTIME/secrets.env"
  export KAMEA_API_TOKEN=$key
  kamea_log "made this stack's admin API key (KAMEA_API_TOKEN in $KAMEA_RUNTIME/secrets.env)"
}
for _ in $(seq 1 120); do
  if api_answers && [ "$(ingestion_consumers)" -gt 0 ] 2>/dev/null &&
     curl -fsS -o /dev/null --cacert "$MQTT_CA_PATH" "${KAMEA_API_URL%/api}/health/ready"; then
    ensure_api_token
    kamea_log "platform up in $((SECONDS - started)) s"
    echo "Kamea API: $KAMEA_API_URL   (UI: ${KAMEA_API_URL%/api}/)"
    echo "UI login: admin, first password: $KAMEA_ADMIN_PASSWORD"
    echo "API token: . server-config/env.sh, then curl -H \"Authorization: Bearer \$KAMEA_API_TOKEN\" \"\$KAMEA_API_URL/devices\""
    echo "MQTT (TLS): $MGMT_MQTT_INGESTION_URL  CA: $MQTT_CA_PATH"
    exit 0
  fi
  sleep 0.5
done
kamea_log "the API did not answer at $KAMEA_API_URL/session, the ingestion queues have no consumer, or /health/ready is not UP (Payara's server.log)"
exit 1
