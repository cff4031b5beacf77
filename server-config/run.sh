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
payara_deploy "$KAMEA_ROOT/kamea-ear/target/kamea.ear"

# The deployment is ready when the API answers, not when asadmin returns.
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$KAMEA_API_URL/devices?size=1"; then
    kamea_log "platform up in $((SECONDS - started)) s"
    echo "Kamea API: $KAMEA_API_URL"
    echo "MQTT (TLS): $MGMT_MQTT_INGESTION_URL  CA: $MQTT_CA_PATH"
    exit 0
  fi
  sleep 0.5
done
kamea_log "the API did not answer at $KAMEA_API_URL/devices"
exit 1
