#!/usr/bin/env bash
# The embedded store's guarded writes: findAndModify by {_id, $or: [...]} on a collection of N documents, with
# mongo-java-server's MemoryBackend and H2Backend and embedded-mongo's id-indexed versions of them, same run.
#
#   bench/mongo-index.sh [sizes=10000 50000] [seconds=5]
#
# Needs the build's local repository (./mvnw verify has filled ~/.m2). Results go in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -q -o -pl embedded-mongo test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE"
echo "mongo-index: $(nproc) cores, $(date -u +%FT%TZ)"
java -cp "embedded-mongo/target/test-classes:embedded-mongo/target/classes:$(cat "$CP_FILE")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  com.onsiteatlas.embeddedmongo.IdIndexedBackendBenchmark "$@"
