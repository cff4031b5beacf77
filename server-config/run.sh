#!/usr/bin/env bash
# Starts the whole Kamea platform on this machine: builds the EAR, installs what is missing
# (Debian packages, servers from Maven Central), starts RabbitMQ, PostgreSQL, Artemis and Payara
# Server, deploys the EAR and prints the API's URL. Safe to re-run: running servers are kept and
# the EAR is redeployed.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
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
    code=$(curl -s --cacert "$MQTT_CA_PATH" -o /dev/null -w '%{http_code}' "$KAMEA_API_URL/devices?size=1")
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
for _ in $(seq 1 120); do
  if curl -fsS --cacert "$MQTT_CA_PATH" -o /dev/null "$KAMEA_API_URL/devices?size=1" && [ "$(ingestion_consumers)" -gt 0 ] 2>/dev/null &&
     curl -fsS --cacert "$MQTT_CA_PATH" -o /dev/null "${KAMEA_API_URL%/api}/health/ready"; then
    kamea_log "platform up in $((SECONDS - started)) s"
    echo "Kamea API: $KAMEA_API_URL"
    echo "MQTT (TLS): $MGMT_MQTT_INGESTION_URL  CA: $MQTT_CA_PATH"
    exit 0
  fi
  sleep 0.5
done
kamea_log "the API did not answer at $KAMEA_API_URL/devices, the ingestion queues have no consumer, or /health/ready is not UP (Payara's server.log)"
exit 1
