# PostgreSQL for Kamea: the Debian package's binaries, our own cluster in the runtime folder.
# Source server-config/env.sh first, then this file. Functions:
#   postgres_install  install the Debian package if no pg_ctl is there (no default cluster is created)
#   postgres_start    initdb once, start on $KAMEA_BIND:$PG_PORT, create role/database once; no-op if running
#   postgres_stop     fast shutdown of our cluster, then make sure the recorded PID is gone
#   postgres_psql     psql as the superuser "postgres" over our unix socket (admin tasks)
# The cluster runs as the "postgres" OS user; root only prepares folders.

PG_DATA_DIR=${PG_DATA_DIR:-$KAMEA_RUNTIME/postgres/data}
PG_SOCKET_DIR=${PG_SOCKET_DIR:-$KAMEA_RUNTIME/postgres/run}
PG_LOG_FILE=${PG_LOG_FILE:-$KAMEA_RUNTIME/postgres/postgres.log}
PG_OS_USER=${PG_OS_USER:-postgres}

_pg_bin() { # newest installed major version, unless PG_BIN is set
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && echo "$d"
}

_pg_as() { (cd / && runuser -u "$PG_OS_USER" -- "$@"); }

postgres_install() {
  if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then return 0; fi
  kamea_log "postgres: installing the Debian package"
  apt-get update -qq || return 1
  # postgresql-common first, so the package does not create and start a default cluster on 5432
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-common >/dev/null || return 1
  if [ -f /etc/postgresql-common/createcluster.conf ]; then
    sed -i 's/^#\?\s*create_main_cluster\s*=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1
}

_pg_running() { [ -f "$PG_DATA_DIR/PG_VERSION" ] && _pg_as "$(_pg_bin)/pg_ctl" status -D "$PG_DATA_DIR" >/dev/null 2>&1; }

_pg_record_pid() { mkdir -p "$PID_DIR" && head -n 1 "$PG_DATA_DIR/postmaster.pid" > "$PID_DIR/postgres.pid"; }

postgres_psql() { # superuser psql over our socket; extra args passed to psql
  _pg_as "$(_pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

postgres_start() {
  local bin; bin=$(_pg_bin)
  [ -n "$bin" ] || { kamea_log "postgres: not installed (run postgres_install)"; return 1; }
  if _pg_running; then
    _pg_record_pid
    kamea_log "postgres: already running (pid $(cat "$PID_DIR/postgres.pid"), port $PG_PORT)"
    return 0
  fi
  local base; base=$(dirname "$PG_DATA_DIR")
  mkdir -p "$PID_DIR" "$base"
  # The postgres OS user must be able to traverse to its folders: the runtime folder (and the
  # parent of the data dir) only need o+x, nothing in them becomes readable.
  chmod o+x "$KAMEA_RUNTIME" "$base"
  mkdir -p "$PG_DATA_DIR" "$PG_SOCKET_DIR"
  chown "$PG_OS_USER:" "$PG_DATA_DIR" "$PG_SOCKET_DIR"
  chmod 700 "$PG_DATA_DIR"; chmod 755 "$PG_SOCKET_DIR"
  touch "$PG_LOG_FILE"; chown "$PG_OS_USER:" "$PG_LOG_FILE"; chmod 640 "$PG_LOG_FILE"
  if ! _pg_as test -w "$PG_DATA_DIR"; then
    kamea_log "postgres: user $PG_OS_USER cannot reach $PG_DATA_DIR (a parent folder lacks o+x); set PG_DATA_DIR elsewhere"
    return 1
  fi

  if [ ! -f "$PG_DATA_DIR/PG_VERSION" ]; then
    kamea_log "postgres: initdb $PG_DATA_DIR"
    # local (socket) connections: peer (only the postgres OS user as superuser);
    # TCP: scram-sha-256 passwords. Nothing listens outside $KAMEA_BIND.
    if ! _pg_as "$bin/initdb" -D "$PG_DATA_DIR" -U postgres -E UTF8 --locale=C.UTF-8 \
         --auth-local=peer --auth-host=scram-sha-256 >"$base/initdb.log" 2>&1; then
      kamea_log "postgres: initdb failed:"; tail -n 20 "$base/initdb.log" >&2; return 1
    fi
    echo "include_if_exists = 'kamea.conf'" >> "$PG_DATA_DIR/postgresql.conf"
  fi
  # Our settings, rewritten each start (they follow env.sh).
  cat > "$PG_DATA_DIR/kamea.conf" <<EOF
# Written by server-config/lib/postgres.sh on each start: edit env.sh, not this file.
listen_addresses = '$KAMEA_BIND'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
password_encryption = scram-sha-256
max_connections = 100
EOF
  chown "$PG_OS_USER:" "$PG_DATA_DIR/kamea.conf"

  # pg_ctl -w waits until the server accepts connections; the log goes to $PG_LOG_FILE.
  if ! _pg_as "$bin/pg_ctl" start -D "$PG_DATA_DIR" -l "$PG_LOG_FILE" -w -t 60 -s >/dev/null; then
    kamea_log "postgres: start failed, log tail:"; tail -n 20 "$PG_LOG_FILE" >&2; return 1
  fi
  _pg_record_pid

  # Role and database, idempotently; the password follows secrets.env (ALTER on every start).
  # Values go through stdin, not the command line, and are quoted by format(%I/%L).
  if ! postgres_psql >/dev/null <<EOF
\\set kuser '$PG_USER'
\\set kpw '$PG_PASSWORD'
\\set kdb '$PG_DATABASE'
SELECT format('CREATE ROLE %I LOGIN', :'kuser') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'kuser') \\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'kuser', :'kpw') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', :'kdb', :'kuser', 'UTF8') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'kdb') \\gexec
EOF
  then kamea_log "postgres: creating role/database failed"; return 1; fi
  kamea_log "postgres: running (pid $(cat "$PID_DIR/postgres.pid"), $KAMEA_BIND:$PG_PORT, db $PG_DATABASE)"
}

postgres_stop() {
  local bin pid=; bin=$(_pg_bin)
  [ -f "$PID_DIR/postgres.pid" ] && pid=$(cat "$PID_DIR/postgres.pid")
  [ -z "$pid" ] && [ -f "$PG_DATA_DIR/postmaster.pid" ] && pid=$(head -n 1 "$PG_DATA_DIR/postmaster.pid")
  # only wait for / kill the recorded PID if it is our postmaster (not a reused PID): checked
  # before the stop, as an exiting process loses its command line
  if [ -n "$pid" ] && ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$PG_DATA_DIR"; then pid=; fi
  if [ -n "$bin" ] && _pg_running; then
    _pg_as "$bin/pg_ctl" stop -D "$PG_DATA_DIR" -m fast -w -t 60 -s >/dev/null 2>&1 || true
  fi
  if [ -n "$pid" ]; then
    local i; for ((i = 0; i < 120; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      kamea_log "postgres: pid $pid still alive, sending SIGQUIT (immediate shutdown)"
      kill -QUIT "$pid" 2>/dev/null; sleep 2; kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$PID_DIR/postgres.pid"
  kamea_log "postgres: stopped"
}
