# shellcheck shell=bash
# PostgreSQL for Kamea: the Debian package's binaries, our own cluster in the runtime folder.
# Source server-config/env.sh first, then this file. Functions:
#   postgres_install  install the Debian package if no pg_ctl is there (no default cluster is created)
#   postgres_start    initdb once, start on $KAMEA_BIND:$PG_PORT, create role/database once; no-op if running
#   postgres_stop     fast shutdown of our cluster, then make sure the recorded PID is gone
#   postgres_pid      the PID of our cluster's postmaster, if it runs
#   postgres_psql     psql as the superuser "postgres" over our unix socket (admin tasks)
# The cluster runs as the "postgres" OS user; root only prepares folders.

PG_DATA_DIR=${PG_DATA_DIR:-$KAMEA_RUNTIME/postgres/data}
PG_SOCKET_DIR=${PG_SOCKET_DIR:-$KAMEA_RUNTIME/postgres/run}
PG_LOG_FILE=${PG_LOG_FILE:-$KAMEA_RUNTIME/postgres/postgres.log}
PG_OS_USER=${PG_OS_USER:-postgres}

_pg_bin() { # newest installed major version, unless PG_BIN is set
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  kamea_newest_path /usr/lib/postgresql/*/bin
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

_postgres_is_ours() { process_cmdline_has "$1" "$PG_DATA_DIR"; }

# The postmaster's PID: recorded, or adopted from the cluster's own postmaster.pid.
postgres_pid() { process_running postgres _postgres_is_ours "$PG_DATA_DIR/postmaster.pid"; }

postgres_psql() { # superuser psql over our socket; extra args passed to psql
  _pg_as "$(_pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

postgres_start() {
  local bin; bin=$(_pg_bin)
  [ -n "$bin" ] || { kamea_log "postgres: not installed (run postgres_install)"; return 1; }
  local pid
  if pid=$(postgres_pid); then
    kamea_log "postgres: already running (pid $pid, port $PG_PORT)"
    return 0
  fi
  local base; base=$(dirname "$PG_DATA_DIR")
  mkdir -p "$base"
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
  process_record postgres "$(process_read_pid_file "$PG_DATA_DIR/postmaster.pid")"

  # Role and database, idempotently; the password follows secrets.env (ALTER on every start).
  # Values go through stdin, not the command line, and are quoted by format(%I/%L).
  if ! postgres_psql -f - >/dev/null <<EOF
\\set kuser '$PG_USER'
\\set kpw '$PG_PASSWORD'
\\set kdb '$PG_DATABASE'
SELECT format('CREATE ROLE %I LOGIN', :'kuser') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'kuser') \\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'kuser', :'kpw') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', :'kdb', :'kuser', 'UTF8') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'kdb') \\gexec
EOF
  then kamea_log "postgres: creating role/database failed"; return 1; fi
  kamea_log "postgres: running (pid $(process_recorded postgres), $KAMEA_BIND:$PG_PORT, db $PG_DATABASE)"
}

# pg_ctl's fast shutdown (sessions are ended, the cluster is shut down cleanly); if the
# postmaster outlives it, QUIT (immediate shutdown: its backends go with it), then KILL.
postgres_stop() {
  local pid
  if ! pid=$(postgres_pid); then kamea_log "postgres: not running"; return 0; fi
  _pg_as "$(_pg_bin)/pg_ctl" stop -D "$PG_DATA_DIR" -m fast -w -t 60 -s >/dev/null 2>&1 || true
  process_stop postgres "$pid" 30 QUIT || return 1
  kamea_log "postgres: stopped"
}
