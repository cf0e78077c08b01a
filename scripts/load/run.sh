#!/usr/bin/env bash
# Load on loopback: the draft review, the promise and the worklist, each for DURATION with CONNECTIONS connections,
# against the API built in Release in sandbox mode (no tenant), with the rate limit off (it would be the thing measured).
# Prints a Markdown table: sustained requests per second, p50 and p99 latency, the API's CPU time per request (its
# utime + stime over the run divided by the requests: steadier than requests/s on a busy machine), and its peak memory (RSS).
# Needs wrk (Debian: apt-get install wrk). Usage: scripts/load/run.sh [DURATION=20s] [CONNECTIONS=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
PORT=${LOAD_PORT:-5099}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'kill $API 2>/dev/null || true; wait $API 2>/dev/null || true; rm -rf "$WORK"' EXIT

dotnet build src/AddinApi -c Release -v q -nologo >/dev/null
env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" \
  ConnectionStrings__Kontaktlofte="Data Source=$WORK/load.db" \
  Security__RateLimit__Enabled=false Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
  dotnet src/AddinApi/bin/Release/net10.0/AddinApi.dll --contentRoot "$PWD/src/AddinApi" >"$WORK/api.log" 2>&1 &
API=$!
for _ in $(seq 1 120); do curl -fs "$BASE/healthz/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/healthz/ready" >/dev/null || { echo "the API did not start:"; cat "$WORK/api.log"; exit 1; }

USER_HEADER="X-Sandbox-User: handlaggare@sandbox.botkyrka.se"
# A citizen's question in the official's own mailbox, and the watcher's worklist filled.
ID=$(curl -fs -H "$USER_HEADER" "$BASE/api/sandbox/messages" | python3 -c 'import json,sys; m=[x for x in json.load(sys.stdin) if x.get("subject")=="Bygglov för uterum"]; print(m[0]["id"])')
for _ in $(seq 1 60); do [ "$(curl -fs -H "$USER_HEADER" "$BASE/api/worklist" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -ge 5 ] && break; sleep 1; done

python3 - "$WORK/review.json" <<'PY'
import json, sys
html = open("tests/AddinApi.Tests/Drafts/MailText/Samples/outlook-web-reply.html", encoding="utf-8").read()
json.dump({"subject": "Svar på din fråga om bygglov", "bodyHtml": html, "to": [{"name": "Anna Berg", "address": "anna.berg@example.se"}], "isReply": True},
          open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY

peak=0
sample() { local rss; rss=$(awk '/VmRSS/ {print $2}' /proc/$API/status); if [ "$rss" -gt "$peak" ]; then peak=$rss; fi; }
run() { # name method path [body]
  local out file="$WORK/run-$RANDOM.out"
  LOAD_METHOD=$2 LOAD_PATH=$3 LOAD_BODY_FILE=${4:-} wrk -t2 -c"$CONNECTIONS" -d5s -s scripts/load/request.lua "$BASE" >/dev/null # warm-up
  local cpu0; cpu0=$(awk '{print $14 + $15}' /proc/$API/stat)
  LOAD_METHOD=$2 LOAD_PATH=$3 LOAD_BODY_FILE=${4:-} wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s scripts/load/request.lua "$BASE" >"$file" &
  local w=$!
  while kill -0 $w 2>/dev/null; do sample; sleep 0.5; done
  wait $w
  local cpu1; cpu1=$(awk '{print $14 + $15}' /proc/$API/stat)
  local requests; requests=$(grep -o '[0-9]* requests in' "$file" | grep -o '^[0-9]*')
  out=$(grep '^RESULT' "$file")
  local non2xx; non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$file" | grep -o '[0-9]*$' || echo 0)
  printf '| %s | %s | %s | %s | %s µs | %s |\n' "$1" "$(sed 's/.*rps=\([0-9]*\).*/\1/' <<<"$out")" \
    "$(sed 's/.*p50=\([0-9.]*\).*/\1/' <<<"$out") ms" "$(sed 's/.*p99=\([0-9.]*\).*/\1/' <<<"$out") ms" \
    "$(( (cpu1 - cpu0) * 1000000 / $(getconf CLK_TCK) / requests ))" "${non2xx:-0}"
}

echo "Load on loopback, $(nproc) cores, $CONNECTIONS connections, $DURATION each ($(date -u +%F))"
echo
echo "| endpoint | requests/s | p50 | p99 | CPU a request | non-2xx |"
echo "|---|---|---|---|---|---|"
run "POST /api/drafts/review" POST /api/drafts/review "$WORK/review.json"
run "GET /api/messages/{id}/promise" GET "/api/messages/$ID/promise"
run "GET /api/worklist" GET /api/worklist
echo
echo "Peak memory of the API (RSS): $((peak / 1024)) MB"
