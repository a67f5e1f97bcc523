# shellcheck shell=bash
# Throwaway PostgreSQL server for tests, CI and benchmarks.
#
#   source test/support/pg.sh
#   start_test_postgres          # exports TEST_DATABASE_URL, stops the server on exit
#
# The cluster lives in a temporary directory (data, unix socket and log), listens on a
# free port on 127.0.0.1 only, trusts local connections and runs without fsync: it is
# fast and disposable, never use it for data you want to keep.
#
# Settings (environment):
#   RAADWERK_PG_NO_INSTALL=1   do not install PostgreSQL with apt-get when it is missing
#
# Also defines raadwerk_apt_install PKG... (runs `apt-get update` once per process tree),
# used by test/run.sh for chromium and Java.

raadwerk_apt_install() {
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "raadwerk: cannot install $* (not root and no password-less sudo)." >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "raadwerk: cannot install $* (no apt-get on this machine)." >&2
    return 1
  fi
  if [[ -z ${RAADWERK_APT_UPDATED:-} ]]; then
    echo "raadwerk: apt-get update" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2 || return 1
    export RAADWERK_APT_UPDATED=1
  fi
  echo "raadwerk: apt-get install $*" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null >&2
}

# Prints the directory holding initdb/pg_ctl/postgres, or nothing.
_raadwerk_pg_bindir() {
  local p
  if p=$(command -v pg_ctl 2>/dev/null) && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$p")"
    return 0
  fi
  # Debian keeps the server binaries off the PATH.
  for p in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $p/initdb && -x $p/pg_ctl ]]; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

_raadwerk_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

stop_test_postgres() {
  if [[ -n ${RAADWERK_PG_DIR:-} && -d ${RAADWERK_PG_DIR} ]]; then
    "${RAADWERK_PG_RUN[@]}" "$RAADWERK_PG_BIN/pg_ctl" -D "$RAADWERK_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$RAADWERK_PG_DIR"
  fi
  RAADWERK_PG_DIR=
}

start_test_postgres() {
  if [[ -n ${RAADWERK_PG_DIR:-} ]]; then
    return 0 # already running in this shell
  fi
  local bin
  if ! bin=$(_raadwerk_pg_bindir); then
    if [[ -n ${RAADWERK_PG_NO_INSTALL:-} ]] || ! raadwerk_apt_install postgresql; then
      cat >&2 <<'EOF'
raadwerk: PostgreSQL is not installed. Install it with
    apt-get update && apt-get install -y postgresql
or point TEST_DATABASE_URL at a server where the user may create databases.
EOF
      return 1
    fi
    bin=$(_raadwerk_pg_bindir) || { echo "raadwerk: initdb not found after installing postgresql" >&2; return 1; }
  fi
  RAADWERK_PG_BIN=$bin

  # initdb and postgres refuse to run as root: run them as the postgres user.
  RAADWERK_PG_RUN=()
  if [[ $(id -u) -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "raadwerk: running as root but there is no 'postgres' user to run the server as." >&2
      return 1
    fi
    RAADWERK_PG_RUN=(runuser -u postgres --)
  fi

  RAADWERK_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/raadwerk-pg.XXXXXX")
  chmod 700 "$RAADWERK_PG_DIR"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$RAADWERK_PG_DIR"; fi

  # Stop the server when the calling shell ends, keeping any EXIT trap already there.
  local prev
  prev=$(trap -p EXIT)
  prev=${prev#"trap -- '"}
  prev=${prev%"' EXIT"}
  # shellcheck disable=SC2064
  trap "stop_test_postgres; ${prev}" EXIT
  [[ -n $(trap -p INT) ]] || trap 'exit 130' INT
  [[ -n $(trap -p TERM) ]] || trap 'exit 143' TERM

  if ! (cd / && "${RAADWERK_PG_RUN[@]}" "$bin/initdb" -D "$RAADWERK_PG_DIR/data" -U postgres \
      --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$RAADWERK_PG_DIR/initdb.log" 2>&1); then
    cat "$RAADWERK_PG_DIR/initdb.log" >&2
    echo "raadwerk: initdb failed" >&2
    stop_test_postgres
    return 1
  fi

  local port attempt started=
  for attempt in 1 2 3; do
    port=$(_raadwerk_free_port)
    if (cd / && "${RAADWERK_PG_RUN[@]}" "$bin/pg_ctl" -D "$RAADWERK_PG_DIR/data" -l "$RAADWERK_PG_DIR/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$RAADWERK_PG_DIR \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \
            -c shared_buffers=128MB -c max_wal_size=1GB -c checkpoint_timeout=30min \
            -c autovacuum=off -c log_min_messages=warning -c TimeZone=UTC" \
        start >/dev/null 2>&1); then
      started=1
      break
    fi
  done
  if [[ -z $started ]]; then
    tail -n 30 "$RAADWERK_PG_DIR/server.log" >&2 2>/dev/null || true
    echo "raadwerk: the test PostgreSQL server did not start" >&2
    stop_test_postgres
    return 1
  fi

  if ! "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
      -c "CREATE ROLE raadwerk LOGIN SUPERUSER PASSWORD 'raadwerk'" \
      -c "CREATE DATABASE raadwerk_test OWNER raadwerk" >/dev/null; then
    echo "raadwerk: could not create the raadwerk_test database" >&2
    stop_test_postgres
    return 1
  fi

  export TEST_DATABASE_URL="postgres://raadwerk:raadwerk@127.0.0.1:$port/raadwerk_test"
  echo "raadwerk: test PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $RAADWERK_PG_DIR)" >&2
}
