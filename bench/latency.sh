#!/usr/bin/env bash
# Event → SMTP accept latency against a running suite (issue 14): a fresh conference configured through the gateway
# (e-mail on, a confirmation template with its QR code, a registration-created trigger), registration-created events
# published to atlas.registrations at a steady rate, each mail's receive time read from the embedded mail catcher's
# web API and matched to its event by recipient (bench/EventLatency.java).
#
#   ATLAS_NOTIFICATION_EMAIL_RATE=1000 bin/atlas up     # lift the per-instance e-mail pacing (default 14/s) for the run
#   bench/latency.sh [rate=100] [seconds=60]
#
# Environment: KAFKA (127.0.0.1:9092), GATEWAY (http://localhost:8080), MAIL_API (http://localhost:8025),
# DRAIN (stop waiting when no new mail arrived for this many seconds, 60), MAX_DRAIN (stop waiting this many seconds
# after the last publish in any case, 600; what has not arrived by then counts as missing). Needs ~/.m2 filled by the build and
# .atlas/demo-tokens.env (written by `up`). Results go in docs/PERFORMANCE.md with the load average printed here.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-100}"
SECONDS_="${2:-60}"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
latest() { ls "$M2"/$1 2>/dev/null | grep -v -- '-tests\?\.jar$\|-sources\.jar$\|-javadoc\.jar$' | sort -V | tail -1; }
CP="$(latest 'org/apache/kafka/kafka-clients/*/kafka-clients-*.jar'):$(latest 'org/slf4j/slf4j-api/*/slf4j-api-*.jar'):$(latest 'org/mongodb/bson/*/bson-*.jar')"
[ -f .atlas/demo-tokens.env ] || { echo "Start the suite first (.atlas/demo-tokens.env is missing)" >&2; exit 2; }
# shellcheck disable=SC1091
source .atlas/demo-tokens.env
echo "latency: $RATE events/s for $SECONDS_ s, $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" bench/EventLatency.java "${KAFKA:-127.0.0.1:9092}" "${GATEWAY:-http://localhost:8080}" \
	"${MAIL_API:-http://localhost:8025}" "$ADMIN_TOKEN" "$RATE" "$SECONDS_" "${DRAIN:-60}" "${MAX_DRAIN:-600}" 2>&1 | grep -v '^SLF4J'
echo "done $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
