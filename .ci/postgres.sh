# Starts a throwaway PostgreSQL server for the service tests (sourced by .ci/run, usable by hand:
# `source .ci/postgres.sh`) and exports BIND_PROBE_TEST_POSTGRES_URL. The server runs as the
# `postgres` user when we are root (PostgreSQL refuses to run as root), on a free loopback port,
# with its data in a temporary directory; bind_probe_stop_postgres stops it.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  return 1 2>/dev/null || exit 1
fi
bind_probe_pg_data=$(mktemp -d /tmp/bind-probe-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$bind_probe_pg_data"
  as_pg=(runuser -u postgres --)
fi
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_pg[@]}" "$pg_bin/initdb" -D "$bind_probe_pg_data/data" -A trust -U postgres >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$bind_probe_pg_data/data" -l "$bind_probe_pg_data/log" -w \
  -o "-p $pg_port -k $bind_probe_pg_data -c listen_addresses=127.0.0.1" start >/dev/null
export BIND_PROBE_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $bind_probe_pg_data)"
bind_probe_stop_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$bind_probe_pg_data/data" -m fast stop >/dev/null 2>&1 || true
}
