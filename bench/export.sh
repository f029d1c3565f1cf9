#!/usr/bin/env bash
# Export jobs end to end against a running suite (issue 14): API → worker → store → file → download, per format.
# N registration rows for a fresh conference are written straight into reporting-service's report_rows over the
# MongoDB wire of its store (ingest through Kafka runs at ~30 events/s on the embedded store, far too slow for 100k),
# in the shape reporting's registration-created projection writes; then through the gateway: POST
# /api/export/generate (11 fields, sorted by registration id), poll /api/export/status/{id} every 250 ms, GET
# /api/export/download/{id}, and the rows in the file are counted (bench/ExportEndToEnd.java).
#
#   ATLAS_INFRA_JAVA_OPTS=-Xmx2g ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE=100000000 bin/atlas up
#   (embedded-infra's default 512 MB heap thrashes once reporting's store holds tens of thousands of rows)
#   bench/export.sh [rows=100000] [formats=excel,csv]      (formats "none": only seed; with KEEP=true)
#
# Environment: MONGO (mongodb://127.0.0.1:27103, reporting's store), KAFKA (127.0.0.1:9092), GATEWAY
# (http://localhost:8080), KEEP=true leaves the seeded rows in place, EVENT=<conference id> of such a run tops its
# rows up to the count instead of seeding a new conference (seeding 100k rows into the embedded store takes minutes). Needs ~/.m2 filled by the build and
# .atlas/demo-tokens.env (written by `up`). Results go in docs/PERFORMANCE.md with the load average printed here.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
FORMATS="${2:-excel,csv}"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
latest() { ls "$M2"/$1 2>/dev/null | grep -v -- '-tests\?\.jar$\|-sources\.jar$\|-javadoc\.jar$' | sort -V | tail -1; }
CP="$(latest 'org/apache/kafka/kafka-clients/*/kafka-clients-*.jar'):$(latest 'org/slf4j/slf4j-api/*/slf4j-api-*.jar')"
CP="$CP:$(latest 'org/mongodb/bson/*/bson-*.jar'):$(latest 'org/mongodb/mongodb-driver-core/*/mongodb-driver-core-*.jar')"
CP="$CP:$(latest 'org/mongodb/mongodb-driver-sync/*/mongodb-driver-sync-*.jar')"
[ -f .atlas/demo-tokens.env ] || { echo "Start the suite first (.atlas/demo-tokens.env is missing)" >&2; exit 2; }
# shellcheck disable=SC1091
source .atlas/demo-tokens.env
echo "export: $ROWS rows, $FORMATS, $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" bench/ExportEndToEnd.java "${MONGO:-mongodb://127.0.0.1:27103}" "${KAFKA:-127.0.0.1:9092}" \
	"${GATEWAY:-http://localhost:8080}" "$ADMIN_TOKEN" "$ROWS" "$FORMATS" "${KEEP:-false}" "${EVENT:-}" 2>&1 | grep -v '^SLF4J'
echo "done $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
