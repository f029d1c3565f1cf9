#!/usr/bin/env bash
# Event ingest rate per service against a running suite (bin/atlas up): publishes N registration-created events
# to atlas.registrations and reports how fast each service's consumer group commits past them.
#
#   bench/ingest.sh [count=5000] [bootstrap=127.0.0.1:9092]
#
# Needs the build's local repository (./mvnw verify or bin/atlas up has filled ~/.m2). Results go in
# docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-5000}"
BOOTSTRAP="${2:-127.0.0.1:9092}"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
KAFKA_VERSION="$(./mvnw -q -N help:evaluate -Dexpression=kafka.version -DforceStdout 2>/dev/null || true)"
CLIENTS="$(ls "$M2"/org/apache/kafka/kafka-clients/"${KAFKA_VERSION:-*}"/kafka-clients-*.jar | grep -v -- '-test' | sort -V | tail -1)"
SLF4J="$(ls "$M2"/org/slf4j/slf4j-api/*/slf4j-api-*.jar | sort -V | tail -1)"
EVENT_ID=665f1c2ab4d3e8a9c0f12345
if [ -f .atlas/demo-tokens.env ]; then
  # shellcheck disable=SC1091
  source .atlas/demo-tokens.env
fi
echo "ingest: $COUNT events, $(nproc) cores, $(date -u +%FT%TZ)"
java -cp "$CLIENTS:$SLF4J" bench/IngestRate.java "$BOOTSTRAP" "$COUNT" "$EVENT_ID"
