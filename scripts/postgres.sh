#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite and the ingest benchmark.
#
#   bash scripts/postgres.sh install      install the server (Debian/Ubuntu, as root) when missing;
#                                         exits 0 even when it cannot (the tests then skip PostgreSQL)
#   bash scripts/postgres.sh bindir       print the directory holding initdb/pg_ctl (exit 3: none)
#   bash scripts/postgres.sh start DIR    initdb + start a server with its data in DIR (created if
#                                         missing, else empty); prints its SQLAlchemy URL
#   bash scripts/postgres.sh stop DIR     stop it and remove DIR
#
# The server listens on 127.0.0.1 only, on a free port, trusts local connections (user
# "postgres", no password) and runs with fsync off: for tests, never for data you keep.
# initdb refuses to run as root, so as root the server runs as the unprivileged user "nobody"
# (override with INCIDEX_PG_USER).
set -euo pipefail

find_bindir() {
    local candidate
    if [[ -n "${INCIDEX_PG_BINDIR:-}" && -x "${INCIDEX_PG_BINDIR}/initdb" ]]; then
        echo "$INCIDEX_PG_BINDIR"; return 0
    fi
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" && -x "$candidate/postgres" ]]; then
            echo "$candidate"; return 0
        fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null && command -v postgres >/dev/null; then
        dirname "$(readlink -f "$(command -v initdb)")"; return 0
    fi
    return 3
}

free_port() {
    python3 -I -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_owner() {  # run a command as the server's owner
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u "${INCIDEX_PG_USER:-nobody}" -- "$@"
    else
        "$@"
    fi
}

cmd="${1:-}"
case "$cmd" in
    install)
        if find_bindir >/dev/null; then
            echo "PostgreSQL already installed: $(find_bindir)"; exit 0
        fi
        # Never fails the caller (make test): without PostgreSQL its tests are skipped, with the reason.
        if [[ "$(id -u)" != "0" ]] || ! command -v apt-get >/dev/null; then
            echo "PostgreSQL not installed and cannot be installed here (needs root and apt-get): its tests will be skipped" >&2
            exit 0
        fi
        export DEBIAN_FRONTEND=noninteractive
        if apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
            find_bindir
        else
            echo "apt-get could not install PostgreSQL: its tests will be skipped" >&2
        fi
        exit 0
        ;;
    bindir)
        find_bindir
        ;;
    start)
        dir="${2:?usage: postgres.sh start DIR}"
        bindir="$(find_bindir)" || { echo "PostgreSQL is not installed (bash scripts/postgres.sh install)" >&2; exit 3; }
        mkdir -p "$dir"
        if [[ "$(id -u)" == "0" ]]; then
            chown "${INCIDEX_PG_USER:-nobody}" "$dir"
        fi
        chmod 700 "$dir"
        as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 4; }
        for attempt in 1 2 3; do
            port="$(free_port)"
            if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
                -o "-h 127.0.0.1 -p $port -k $dir -F -c max_connections=50 -c shared_buffers=32MB" start >/dev/null; then
                echo "$port" >"$dir/port"
                echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
                exit 0
            fi
        done
        cat "$dir/server.log" >&2
        exit 4
        ;;
    stop)
        dir="${2:?usage: postgres.sh stop DIR}"
        bindir="$(find_bindir)" || exit 0
        if [[ -f "$dir/data/postmaster.pid" ]]; then
            as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$dir"
        ;;
    *)
        sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
        exit 64
        ;;
esac
