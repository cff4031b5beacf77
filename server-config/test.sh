#!/usr/bin/env bash
# Runs every test: unit tests, the Arquillian in-container tests (Payara Micro) and the
# end-to-end tests against the running platform. Starts whatever part of the platform is not
# already running and stops exactly that part afterwards.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

not_running=()
# In stopping order: the application server before what it uses.
for service in payara artemis postgres rabbitmq; do
  kamea_pid_alive "$service" || not_running+=("$service")
done
cleanup() {
  if [ ${#not_running[@]} -gt 0 ] && [ "${KAMEA_KEEP_RUNNING:-false}" != true ]; then
    kamea_log "stopping what the tests started: ${not_running[*]}"
    bash "$KAMEA_ROOT/server-config/stop.sh" "${not_running[@]}" || true
  fi
}
trap cleanup EXIT

bash "$KAMEA_ROOT/server-config/run.sh"
# again: run.sh may have just made this stack's API key (KAMEA_API_TOKEN), which the tests use
. "$KAMEA_ROOT/server-config/env.sh"
. "$KAMEA_ROOT/server-config/lib/tools.sh"
browser_install
export PG_PORT PG_DATABASE PG_USER PG_PASSWORD
cd "$KAMEA_ROOT"
mvn -B verify -DskipITs=false
