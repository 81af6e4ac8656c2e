#!/usr/bin/env bash
# Runs every test of the solution. Installs what is missing, starts a private PostgreSQL on a free port under a
# temp dir (127.0.0.1 only) for the cluster and storage tests, stops it afterwards, and ends with the line
# "tests: N passed, M failed, K skipped" computed from the TRX result files.
set -uo pipefail
cd "$(dirname "$0")"
RESULTS="${RESULTS:-$PWD/TestResults}"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL (cluster and storage tests), ffmpeg (recordings in formats other than WAVE)
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
missing=""
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then missing="$missing postgresql"; fi
if ! command -v ffmpeg >/dev/null 2>&1; then missing="$missing ffmpeg"; fi
# Debian's Chromium for the browser tests (Playwright never downloads one), and a CJK font for readable screenshots
if [ ! -x /usr/bin/chromium ]; then missing="$missing chromium"; fi
if [ ! -d /usr/share/fonts/truetype/wqy ]; then missing="$missing fonts-wqy-zenhei"; fi
if [ -n "$missing" ]; then
  echo "installing:$missing"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

PGDIR="$(mktemp -d /tmp/callcenter-pg.XXXXXX)"
PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
chown postgres "$PGDIR" 2>/dev/null || true
stop_pg() {
  su postgres -c "'$PGBIN/pg_ctl' -D '$PGDIR/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop_pg EXIT
su postgres -c "'$PGBIN/initdb' -D '$PGDIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$PGDIR/initdb.log" 2>&1 \
  || { cat "$PGDIR/initdb.log"; exit 1; }
su postgres -c "'$PGBIN/pg_ctl' -D '$PGDIR/data' -l '$PGDIR/server.log' -w -o \"-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off\" start" >/dev/null \
  || { cat "$PGDIR/server.log"; exit 1; }
export CALLCENTER_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Maximum Pool Size=50"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

dotnet test CallCenter.sln -c Release --logger "trx" --results-directory "$RESULTS" "$@"
status=$?

python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
