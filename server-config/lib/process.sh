# shellcheck shell=bash
# Processes of the platform's servers, for every server's script (rabbitmq, postgres, artemis,
# payara, keycloak): a server is known by the PID recorded in $PID_DIR/<name>.pid, and a PID is
# only ever signalled once it is shown to be that server's (alive, and the caller's check of its
# command line or environment passes), so a reused PID or another user's server is never touched.
# Nothing here looks processes up by name. Sourced by env.sh.
#
#   process_running NAME [IS_OURS [OWN_PID_FILE]]   the server's PID, if it runs
#   process_launch NAME LOG DIR COMMAND...          start in the background, record its PID
#   process_recorded NAME, process_record NAME PID, process_forget NAME
#   process_await PID SECONDS CHECK..., process_await_port PID SECONDS HOST PORT
#   process_port_in_use PORT                        who listens on PORT, if anyone does
#   process_stop NAME PID SECONDS [SIGNAL]          wait, then signal, then kill

process_pid_file() { echo "$PID_DIR/$1.pid"; }

process_alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# The PID in a PID file: the digits of its first line (PostgreSQL's postmaster.pid has more lines).
process_read_pid_file() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(head -n 1 "$1" | tr -dc 0-9)
  [ -n "$pid" ] && echo "$pid"
}

process_record() { mkdir -p "$PID_DIR" && echo "$2" > "$(process_pid_file "$1")"; }

process_forget() { rm -f "$(process_pid_file "$1")"; }

# True if the command line of PID contains TEXT. Read before stopping: an exiting process loses it.
process_cmdline_has() { tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"; }

# True if the environment of PID holds exactly the entry NAME=VALUE.
process_environ_has() { tr '\0' '\n' < "/proc/$1/environ" 2>/dev/null | grep -qxF -- "$2"; }

# process_running NAME [IS_OURS [OWN_PID_FILE]]: prints the PID of server NAME and succeeds if the
# PID recorded for it is alive and `IS_OURS PID` (a function of the server's script) agrees. Else,
# if the server keeps a PID file of its own, its PID is adopted (recorded) on the same conditions:
# a server that outlived our record is found again rather than started twice. A record that
# points at nothing of ours is forgotten.
process_running() {
  local name=$1 is_ours=${2:-process_alive} own=${3:-} pid
  pid=$(process_recorded "$name") && process_alive "$pid" && "$is_ours" "$pid" && { echo "$pid"; return 0; }
  if [ -n "$own" ] && pid=$(process_read_pid_file "$own") && process_alive "$pid" && "$is_ours" "$pid"; then
    process_record "$name" "$pid"
    kamea_log "$name: adopted the running server (pid $pid, from $own)"
    echo "$pid"; return 0
  fi
  process_forget "$name"
  return 1
}

# The PID recorded for server NAME, alive or not.
process_recorded() { process_read_pid_file "$(process_pid_file "$1")"; }

# process_launch NAME LOG DIR COMMAND...: runs COMMAND from DIR in the background (stdin
# /dev/null, output to LOG, immune to the terminal's hang-up) and records its PID as server
# NAME's (process_recorded). COMMAND must exec the server rather than fork it, so that this PID
# is the server's own. Environment for the server: export it in a subshell around the call.
process_launch() {
  local name=$1 log=$2 dir=$3
  shift 3
  mkdir -p "$(dirname "$log")"
  (cd "$dir" && exec nohup "$@" </dev/null >"$log" 2>&1) &
  process_record "$name" "$!"
}

# process_await PID SECONDS CHECK...: polls CHECK until it succeeds (0). Stops early if PID exits
# (2: the server died starting) or after SECONDS (1), so that a failed start is told at once.
process_await() {
  local pid=$1 deadline=$((SECONDS + $2))
  shift 2
  while :; do
    "$@" && return 0
    process_alive "$pid" || return 2
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.25
  done
}

# True if something accepts TCP connections on HOST:PORT.
process_port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

process_await_port() { process_await "$1" "$2" process_port_open "$3" "$4"; }

# process_port_in_use PORT: succeeds, printing the listener (with its process if visible), if
# anything listens on TCP PORT on any address: a server bound to one address would not get it.
process_port_in_use() {
  local listener
  listener=$(ss -ltnpH "sport = :$1" 2>/dev/null | head -n 1)
  [ -n "$listener" ] || return 1
  awk '{print $4, $6}' <<<"$listener"
}

# process_stop NAME PID SECONDS [SIGNAL]: once server NAME has been asked to stop its own way
# (its stop command, or a TERM), waits SECONDS for PID to exit; then sends SIGNAL (TERM unless
# named; PostgreSQL takes QUIT, its immediate shutdown) and waits 10 s; then KILLs PID and its
# children (a wrapper script's JVM) and waits 5 s. Forgets the record once PID is gone; fails if
# it never goes.
process_stop() {
  local name=$1 pid=$2 grace=$3 signal=${4:-TERM} children
  if ! process_await_exit "$pid" "$grace"; then
    kamea_log "$name: pid $pid still alive after $grace s, SIG$signal"
    kill "-$signal" "$pid" 2>/dev/null
    if ! process_await_exit "$pid" 10; then
      children=$(ps -o pid= --ppid "$pid" 2>/dev/null | tr -s ' \n' ' ')
      kamea_log "$name: SIGKILL $pid${children:+ and its children$children}"
      # shellcheck disable=SC2086 # one word per child PID
      kill -KILL "$pid" $children 2>/dev/null
      process_await_exit "$pid" 5 || { kamea_log "$name: could not stop pid $pid"; return 1; }
    fi
  fi
  process_forget "$name"
}

# Waits at most SECONDS for PID to exit; succeeds once it has.
process_await_exit() {
  local pid=$1 deadline=$((SECONDS + $2))
  while process_alive "$pid"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.25
  done
}
