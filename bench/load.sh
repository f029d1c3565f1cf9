#!/usr/bin/env bash
# Load run against the embedded suite with wrk (Debian package `wrk`): gateway throughput and latency for typical
# reads and writes, and what the gateway adds compared with calling a service port directly (with a gateway
# identity token). Event ingest per service: bench/ingest.sh.
#
#   ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE=100000000 ATLAS_JAVA_OPTS=-XX:TieredStopAtLevel=4 bin/atlas up
#     (lifts the 500/min per-IP limit, which would answer 429, and gives the services the C2 compiler that
#     bin/atlas turns off for a fast start)
#   bench/load.sh [duration=20s] [connections=32] [threads=2]
#
# Prints one line per scenario: requests/s and latency p50/p90/p99. Results go in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20s}"
CONNECTIONS="${2:-32}"
THREADS="${3:-2}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -f .atlas/demo-tokens.env ] || { echo "Start the suite first: bin/atlas up" >&2; exit 2; }
# shellcheck disable=SC1091
source .atlas/demo-tokens.env
INFRA_JAR="$(ls embedded-infra/target/embedded-infra-*.jar | grep -v -- '-tests\.jar$' | head -1)"
# One identity token per service: each accepts only its own audience (docs/security.md, item 2).
IDENTITY_NOTIFICATION="$(java -jar "$INFRA_JAR" identity-token admin notification-service)"
IDENTITY_LODGING="$(java -jar "$INFRA_JAR" identity-token admin lodging-travel-service)"
IDENTITY_REPORTING="$(java -jar "$INFRA_JAR" identity-token admin reporting-service)"
GATEWAY=http://127.0.0.1:8080

run() { # name url token [method body]
  local name="$1" url="$2" token="$3" method="${4:-GET}" body="${5:-}"
  local script; script="$(mktemp)"
  cat > "$script" <<LUA
wrk.method = "$method"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$body]]
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("%-44s %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  non-2xx %d  socket errors %d\n",
    "$name", summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  # warm-up, then the measured run
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$script" "$url" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$script" "$url" | tail -1
  rm -f "$script"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores, $(date -u +%FT%TZ)"
run "gateway: notification templates list" "$GATEWAY/api/events/$EVENT_ID/notification-templates" "$ADMIN_TOKEN"
run "direct:  notification templates list" "http://127.0.0.1:8081/api/events/$EVENT_ID/notification-templates" "$IDENTITY_NOTIFICATION"
run "gateway: hotels list" "$GATEWAY/api/events/$EVENT_ID/hotels" "$ADMIN_TOKEN"
run "direct:  hotels list" "http://127.0.0.1:8082/api/events/$EVENT_ID/hotels" "$IDENTITY_LODGING"
run "gateway: export configs list" "$GATEWAY/api/export/configs" "$ADMIN_TOKEN"
run "direct:  export configs list" "http://127.0.0.1:8083/api/export/configs" "$IDENTITY_REPORTING"
PREVIEW='{"reportType":"registrations","fields":["registrationId","firstName","email"],"sortBy":"registrationId","limit":50}'
run "gateway: report builder preview (POST)" "$GATEWAY/api/events/$EVENT_ID/reports/preview" "$ADMIN_TOKEN" POST "$PREVIEW"
run "direct:  report builder preview (POST)" "http://127.0.0.1:8083/api/events/$EVENT_ID/reports/preview" "$IDENTITY_REPORTING" POST "$PREVIEW"
# A real write: every request creates a hotel in the demo event (remove .atlas/data to start clean afterwards).
HOTEL='{"name":"Load Test Inn","roomTypes":[{"name":"Standard","capacity":2,"priceCents":450000,"currency":"INR"}]}'
run "gateway: create hotel (POST, write)" "$GATEWAY/api/events/$EVENT_ID/hotels" "$ADMIN_TOKEN" POST "$HOTEL"
run "direct:  create hotel (POST, write)" "http://127.0.0.1:8082/api/events/$EVENT_ID/hotels" "$IDENTITY_LODGING" POST "$HOTEL"
run "gateway: legacy pass-through (/api/health)" "$GATEWAY/api/health" "$ADMIN_TOKEN"
run "gateway: rejected token (401 path)" "$GATEWAY/api/events/$EVENT_ID/hotels" "not-a-token"
