#!/usr/bin/env bash
# Make a PostgreSQL server available for the tests and say where it is.
#
#   source scripts/ensure-postgres.sh   # exports WORKBENCH_TEST_PG_URL (run-tests.sh does this), and
#                                       # WORKBENCH_TEST_PG_TMPDIR when it started a throw-away cluster
#                                       # (stop it with: wb_stop_throwaway_postgres)
#   scripts/ensure-postgres.sh          # prints the URL on stdout (nothing if none); exit 1 if none
#
# Tries, in order:
#   1. WORKBENCH_TEST_PG_URL already set           -> use it as is
#   2. a server answers on 127.0.0.1:5432          -> postgresql+psycopg://postgres@127.0.0.1:5432/postgres
#   3. a cluster in /etc/postgresql (stopped)      -> pg_ctlcluster --skip-systemctl-redirect VER main start
#   4. root with apt-get, no server installed      -> apt-get install --no-upgrade postgresql, then 3.
#   5. binaries in /usr/lib/postgresql/*/bin       -> throw-away cluster in a temp dir on a free port
# Then, once, it puts SCRAM password authentication for every login but postgres first in the server's
# pg_hba.conf (when the file is writable) and reloads it: the sign-in tests need a server that checks
# passwords. One line about what it did goes to stderr. WORKBENCH_PG_STRATEGY=throwaway skips 2-4 (to test step 5);
# WORKBENCH_PG_STRATEGY=none skips them all (to run without PostgreSQL, or to test the CI=true failure).

_wb_pg_log() { printf '[postgres] %s\n' "$*" >&2; }

WB_PG_DEFAULT_URL="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

# libpq can't read SQLAlchemy's "postgresql+psycopg://" scheme.
_wb_pg_libpq_url() { printf '%s' "${1/postgresql+psycopg:/postgresql:}"; }

# Can we log in with this URL (not just reach the port)?
_wb_pg_can_login() {
    command -v psql >/dev/null 2>&1 || return 0 # no client to check with: trust pg_isready
    PGCONNECT_TIMEOUT=5 psql "$(_wb_pg_libpq_url "$1")" -XAtqc 'select 1' >/dev/null 2>&1
}

_wb_pg_answers() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432 -t 3; }

_wb_pg_as_postgres() {
    if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_wb_pg_latest_version() {
    local dir=$1 v best=""
    for v in $(ls "$dir" 2>/dev/null | grep -E '^[0-9]+$' | sort -n); do best=$v; done
    printf '%s' "$best"
}

# Step 3: start the packaged cluster (Debian layout). Needs root or the postgres user.
_wb_pg_start_cluster() {
    local ver
    ver="$(_wb_pg_latest_version /etc/postgresql)"
    [[ -n "$ver" && -d "/etc/postgresql/$ver/main" ]] || return 1
    command -v pg_ctlcluster >/dev/null 2>&1 || return 1
    [[ "$(id -u)" == 0 || "$(id -un)" == postgres ]] || return 1
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start >/dev/null 2>&1 || true
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do _wb_pg_answers && break; sleep 0.5; done
    _wb_pg_answers || return 1
    WB_PG_CLUSTER_VERSION=$ver
}

# A fresh Debian cluster asks for a password on TCP (scram-sha-256): give postgres one, over the socket.
_wb_pg_login_or_set_password() {
    if _wb_pg_can_login "$WB_PG_DEFAULT_URL"; then
        WB_PG_URL=$WB_PG_DEFAULT_URL
        return 0
    fi
    [[ "$(id -u)" == 0 ]] || return 1
    _wb_pg_as_postgres psql -XAtqc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null 2>&1 || return 1
    WB_PG_URL="postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
    _wb_pg_can_login "$WB_PG_URL"
}

# Step 5: initdb a throw-away cluster (trust auth, no fsync) and start it on a free port.
_wb_pg_throwaway() {
    local ver bin dir port
    ver="$(_wb_pg_latest_version /usr/lib/postgresql)"
    bin="/usr/lib/postgresql/$ver/bin"
    [[ -n "$ver" && -x "$bin/initdb" && -x "$bin/pg_ctl" ]] || return 1
    if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then return 1; fi
    dir="$(mktemp -d "${TMPDIR:-/tmp}/workbench-pg.XXXXXX")" || return 1
    [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    if ! _wb_pg_as_postgres "$bin/initdb" -A trust --no-sync -E UTF8 --locale=C.UTF-8 -U postgres \
        -D "$dir/data" >"$dir/initdb.log" 2>&1; then
        _wb_pg_log "initdb failed: $(tail -n 3 "$dir/initdb.log" | tr '\n' ' ')"
        rm -rf "$dir"
        return 1
    fi
    if ! _wb_pg_as_postgres "$bin/pg_ctl" -w -t 30 -D "$dir/data" -l "$dir/server.log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=$WB_PG_MAX_CONNECTIONS" start >/dev/null 2>&1; then
        _wb_pg_log "pg_ctl start failed: $(tail -n 3 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
        rm -rf "$dir"
        return 1
    fi
    export WORKBENCH_TEST_PG_TMPDIR=$dir
    WB_PG_THROWAWAY_BIN=$bin
    WB_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}

wb_stop_throwaway_postgres() {
    local dir=${WORKBENCH_TEST_PG_TMPDIR:-}
    [[ -n "$dir" && -d "$dir/data" ]] || return 0
    local bin=${WB_PG_THROWAWAY_BIN:-$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | tail -n 1)")}
    _wb_pg_as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    unset WORKBENCH_TEST_PG_TMPDIR
}

# People sign in with passwords (issue 12): logins other than the superuser the tests set up with
# authenticate with SCRAM on 127.0.0.1, as a bank's server would; the superuser keeps what it had.
# Our lines go first in pg_hba.conf (first match wins), once, marked; then the server reloads.
WB_PG_HBA_MARK="# workbench (scripts/ensure-postgres.sh): people sign in with SCRAM passwords"
_wb_pg_require_passwords() {
    command -v psql >/dev/null 2>&1 || return 0
    local url hba
    url="$(_wb_pg_libpq_url "$1")"
    hba="$(PGCONNECT_TIMEOUT=5 psql "$url" -XAtqc 'SHOW hba_file' 2>/dev/null)" || return 0
    [[ -n "$hba" && -f "$hba" ]] || return 0
    grep -qF "$WB_PG_HBA_MARK" "$hba" && return 0
    [[ -w "$hba" ]] || { _wb_pg_log "cannot edit $hba: logins keep the server's own authentication"; return 0; }
    local tmp
    tmp="$(mktemp)" || return 0
    {
        printf '%s\n' "$WB_PG_HBA_MARK"
        printf 'host all postgres 127.0.0.1/32 trust\n'
        printf 'host all all 127.0.0.1/32 scram-sha-256\n'
        printf 'host all all ::1/128 scram-sha-256\n'
        cat "$hba"
    } >"$tmp" && cat "$tmp" >"$hba"
    rm -f "$tmp"
    PGCONNECT_TIMEOUT=5 psql "$url" -XAtqc 'SELECT pg_reload_conf()' >/dev/null 2>&1 || true
    _wb_pg_log "pg_hba.conf: logins other than postgres now sign in with SCRAM passwords on 127.0.0.1"
}

# The load the tests and benchmarks put on the server (issue 12): 200 simulated officers, each signed
# in as herself, keep one connection each (benchmarks/bench_load.py), and the load report reads the
# server's own statement times (pg_stat_statements). Both settings need a restart: it happens once,
# only for the packaged cluster this script may start (root or postgres), and only when a value is
# short; it ends every open connection, so run it while no one's database tests are running.
# WB_PG_MAX_CONNECTIONS overrides the 300; WORKBENCH_PG_SIZE=no skips the step.
WB_PG_MAX_CONNECTIONS=${WB_PG_MAX_CONNECTIONS:-300}
_wb_pg_size_for_load() {
    command -v psql >/dev/null 2>&1 || return 0
    [[ "${WORKBENCH_PG_SIZE:-yes}" != no && -n "${WB_PG_CLUSTER_VERSION:-}${WB_PG_SERVER_RUNNING:-}" ]] || return 0
    local url current preload changed=""
    url="$(_wb_pg_libpq_url "$1")"
    current="$(PGCONNECT_TIMEOUT=5 psql "$url" -XAtqc 'SHOW max_connections' 2>/dev/null)" || return 0
    if [[ "$current" =~ ^[0-9]+$ ]] && ((current < WB_PG_MAX_CONNECTIONS)); then
        psql "$url" -XAtqc "ALTER SYSTEM SET max_connections = $WB_PG_MAX_CONNECTIONS" >/dev/null 2>&1 && changed=1
    fi
    preload="$(psql "$url" -XAtqc 'SHOW shared_preload_libraries' 2>/dev/null)" || return 0
    if [[ ",${preload// /}," != *,pg_stat_statements,* ]] && [[ "$(psql "$url" -XAtqc \
        "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_stat_statements'" 2>/dev/null)" == 1 ]]; then
        psql "$url" -XAtqc "ALTER SYSTEM SET shared_preload_libraries = '${preload:+$preload,}pg_stat_statements'" \
            >/dev/null 2>&1 && changed=1
    fi
    [[ -n "$changed" ]] || return 0
    local ver
    ver="$(_wb_pg_latest_version /etc/postgresql)"
    if [[ -n "$ver" ]] && command -v pg_ctlcluster >/dev/null 2>&1 && [[ "$(id -u)" == 0 || "$(id -un)" == postgres ]] \
        && pg_ctlcluster --skip-systemctl-redirect "$ver" main restart >/dev/null 2>&1; then
        local i
        for i in 1 2 3 4 5 6 7 8 9 10; do _wb_pg_answers && break; sleep 0.5; done
        _wb_pg_log "restarted $ver/main: max_connections $(psql "$url" -XAtqc 'SHOW max_connections' 2>/dev/null)," \
            "shared_preload_libraries '$(psql "$url" -XAtqc 'SHOW shared_preload_libraries' 2>/dev/null)'"
    else
        _wb_pg_log "max_connections $WB_PG_MAX_CONNECTIONS and pg_stat_statements are set (ALTER SYSTEM);" \
            "they apply when the server restarts"
    fi
}

# Sets WB_PG_URL and returns 0, or prints the reason and returns 1.
_wb_ensure_postgres() {
    WB_PG_URL=""
    local strategy=${WORKBENCH_PG_STRATEGY:-auto}

    if [[ -n "${WORKBENCH_TEST_PG_URL:-}" ]]; then
        WB_PG_URL=$WORKBENCH_TEST_PG_URL
        _wb_pg_log "using WORKBENCH_TEST_PG_URL from the environment"
        return 0
    fi

    if [[ "$strategy" == none ]]; then
        _wb_pg_log "NOT AVAILABLE: WORKBENCH_PG_STRATEGY=none; PostgreSQL tests will be skipped"
        return 1
    fi

    if [[ "$strategy" != throwaway ]]; then
        if _wb_pg_answers && _wb_pg_login_or_set_password; then
            WB_PG_SERVER_RUNNING=1
            _wb_pg_log "server already running on 127.0.0.1:5432"
            return 0
        fi
        if _wb_pg_start_cluster && _wb_pg_login_or_set_password; then
            _wb_pg_log "started cluster $WB_PG_CLUSTER_VERSION/main on 127.0.0.1:5432"
            return 0
        fi
        if [[ -z "$(_wb_pg_latest_version /usr/lib/postgresql)" && "$(id -u)" == 0 ]] \
            && command -v apt-get >/dev/null 2>&1; then
            _wb_pg_log "installing postgresql with apt-get ..."
            export DEBIAN_FRONTEND=noninteractive
            if { apt-get update -qq && apt-get install -y -qq --no-install-recommends --no-upgrade postgresql; } \
                >/dev/null 2>&1 && _wb_pg_start_cluster && _wb_pg_login_or_set_password; then
                _wb_pg_log "installed postgresql and started cluster $WB_PG_CLUSTER_VERSION/main on 127.0.0.1:5432"
                return 0
            fi
        fi
    fi

    if _wb_pg_throwaway; then
        _wb_pg_log "started a throw-away cluster in $WORKBENCH_TEST_PG_TMPDIR on ${WB_PG_URL##*@}"
        return 0
    fi

    local why="no server on 127.0.0.1:5432, no cluster we may start, no binaries in /usr/lib/postgresql"
    [[ "$(id -u)" != 0 ]] && why="$why (not root, so nothing installed)"
    _wb_pg_log "NOT AVAILABLE: $why; PostgreSQL tests will be skipped"
    return 1
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -uo pipefail
    _wb_ensure_postgres || exit 1
    _wb_pg_require_passwords "$WB_PG_URL"
    _wb_pg_size_for_load "$WB_PG_URL"
    printf '%s\n' "$WB_PG_URL"
    [[ -n "${WORKBENCH_TEST_PG_TMPDIR:-}" ]] &&
        _wb_pg_log "left running; stop it with: pg_ctl -D $WORKBENCH_TEST_PG_TMPDIR/data stop"
    exit 0
else
    if _wb_ensure_postgres; then
        _wb_pg_require_passwords "$WB_PG_URL"
        _wb_pg_size_for_load "$WB_PG_URL"
        export WORKBENCH_TEST_PG_URL=$WB_PG_URL
    else
        unset WORKBENCH_TEST_PG_URL
        # Sourcing must not kill a `set -e` caller; it reads WB_PG_URL (empty) to decide.
        true
    fi
fi
