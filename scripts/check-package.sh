#!/usr/bin/env bash
# Proves the package installs and runs as users get it: `npm pack`, an install of the tarball
# with --omit=dev into an empty directory, then `bind-probe probe`, `scan`, `report` and `serve` on every
# supported Node (each fetched from the npm registry), and a clear refusal on an older one.
set -euo pipefail
cd "$(dirname "$0")/.."
supported=(22 24)
too_old=20

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
tarball=$(ls "$work"/bind-probe-*.tgz)
mkdir "$work/install"
(cd "$work/install" && npm init -y >/dev/null &&
  npm install --silent --no-audit --no-fund --omit=dev "$tarball")
bin="$work/install/node_modules/.bin/bind-probe"
echo "packed $(du -h "$tarball" | cut -f1), installed $(du -sh "$work/install/node_modules" | cut -f1)"

# A tree with one flaky port use that fails the default gate (a free-port race, an error),
# scanned from inside it as a user would.
tree="$work/tree"
mkdir -p "$tree/test"
printf "const getPort = require('get-port')\nconst port = await getPort()\nconst server = app.listen(port)\n" >"$tree/test/server.test.js"

fail=0
for major in "${supported[@]}"; do
  node_bin=$(cd /tmp && npx -y -p "node@$major" sh -c 'command -v node')
  run() { (cd "$1" && shift && "$node_bin" "$bin" "$@" 2>"$work/stderr") || {
    local status=$?
    cat "$work/stderr" >&2
    return "$status"
  }; }
  version=$("$node_bin" --version)
  status=0
  run "$work" probe --format json --out "$work/result-$major.json" >/dev/null || status=$?
  [ "$status" -eq 0 ] || { echo "node $version: probe exited $status"; fail=1; }
  status=0
  run "$tree" scan >"$work/scan.txt" || status=$?
  if [ "$status" -ne 1 ] || ! grep -q 'server.test.js' "$work/scan.txt"; then
    echo "node $version: scan exited $status without naming the free-port race"; fail=1
  fi
  status=0
  run "$work" report "$work/result-$major.json" --format summary >/dev/null || status=$?
  [ "$status" -le 1 ] || { echo "node $version: report exited $status"; fail=1; }
  # The service: starts, answers /healthz, stops cleanly on SIGTERM.
  "$node_bin" "$bin" serve --port 0 --db "$work/serve-$major.sqlite" >"$work/serve.out" 2>"$work/serve.err" &
  serve_pid=$!
  for _ in $(seq 50); do grep -q '^listening on ' "$work/serve.out" && break; sleep 0.2; done
  url=$(sed -n 's/^listening on //p' "$work/serve.out")
  if [ -z "$url" ] || ! "$node_bin" -e 'fetch(process.argv[1] + "/healthz").then((r) => r.json()).then((j) => process.exit(j.ok ? 0 : 1), () => process.exit(1))' "$url"; then
    echo "node $version: serve did not answer: $(cat "$work/serve.out" "$work/serve.err")"; fail=1
  fi
  kill -TERM "$serve_pid"
  status=0
  wait "$serve_pid" || status=$?
  [ "$status" -eq 0 ] || { echo "node $version: serve exited $status on SIGTERM"; fail=1; }
  echo "node $version: probe, scan, report and serve ran from the installed package"
done

old_node=$(cd /tmp && npx -y -p "node@$too_old" sh -c 'command -v node')
status=0
message=$("$old_node" "$bin" --help 2>&1) || status=$?
if [ "$status" -ne 2 ] || ! grep -q 'needs Node.js 22.18 or newer' <<<"$message"; then
  echo "node $("$old_node" --version): expected a refusal with exit 2, got $status: $message"; fail=1
else
  echo "node $("$old_node" --version): refused with exit 2: $message"
fi
exit "$fail"
