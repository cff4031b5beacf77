#!/usr/bin/env bash
# Stops what run.sh started (all servers, or those named: payara artemis postgres rabbitmq),
# by the PIDs recorded in the runtime folder; other processes on the machine are left alone.
set -uo pipefail
# shellcheck source=env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=/dev/null # each of lib/*.sh is checked on its own
for lib in rabbitmq postgres artemis payara; do . "$KAMEA_ROOT/server-config/lib/$lib.sh"; done

services=("$@")
[ ${#services[@]} -gt 0 ] || services=(payara artemis postgres rabbitmq)
status=0
for service in "${services[@]}"; do
  "${service}_stop" || { kamea_log "could not stop $service"; status=1; }
done
exit $status
