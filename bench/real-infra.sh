#!/usr/bin/env bash
# The ingest and event → SMTP benchmarks against a real MongoDB (single-node replica set) and a real Kafka broker
# (KRaft) in Docker, so that docs/PERFORMANCE.md can show production-like figures next to the embedded ones
# (issue 14). Where no Docker engine answers, it says so and exits 0: the benchmark is skipped, not failed.
#
#   bench/real-infra.sh [events=20000] [rate=100] [seconds=60]
#
# Starts mongo:7.0 and apache/kafka-native:3.9.1 (the images ContainerBackedMessagingTests uses) on 127.0.0.1:27017
# and 127.0.0.1:9092, then `Launcher up` with MONGODB_URI and KAFKA_BOOTSTRAP_SERVERS pointing at them (the mail
# catcher, the registry and the ONSITE ATLAS stand-in stay embedded; the e-mail pacing is lifted for the latency
# run), then bench/ingest.sh and bench/latency.sh, and removes everything at the end. Needs the build's jars
# (./mvnw install -DskipTests) and a free 27017 and 9092. Results go in docs/PERFORMANCE.md next to the embedded
# figures of the same day.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
	echo "SKIPPED: no Docker engine answers here; docs/PERFORMANCE.md has the embedded figures only"
	exit 0
fi
EVENTS="${1:-20000}"
RATE="${2:-100}"
SECONDS_AT_RATE="${3:-60}"
MONGO_CONTAINER=atlas-bench-mongo
KAFKA_CONTAINER=atlas-bench-kafka
LAUNCHER=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp suite-launcher/target/suite-launcher-0.1.0-SNAPSHOT.jar
	com.onsiteatlas.launch.Launcher)
DATA="$(mktemp -d)"
cleanup() {
	ATLAS_DATA_DIR="$DATA" "${LAUNCHER[@]}" down >/dev/null 2>&1 || true
	docker rm -f "$MONGO_CONTAINER" "$KAFKA_CONTAINER" >/dev/null 2>&1 || true
	rm -rf "$DATA"
}
trap cleanup EXIT

docker run -d --name "$MONGO_CONTAINER" -p 127.0.0.1:27017:27017 mongo:7.0 --replSet rs0 --bind_ip_all >/dev/null
docker run -d --name "$KAFKA_CONTAINER" -p 127.0.0.1:9092:9092 apache/kafka-native:3.9.1 >/dev/null
for _ in $(seq 60); do
	docker exec "$MONGO_CONTAINER" mongosh --quiet --eval 'db.runCommand({ping: 1}).ok' >/dev/null 2>&1 && break
	sleep 1
done
docker exec "$MONGO_CONTAINER" mongosh --quiet \
	--eval 'rs.initiate({_id: "rs0", members: [{_id: 0, host: "127.0.0.1:27017"}]})' >/dev/null
for _ in $(seq 60); do
	[[ "$(docker exec "$MONGO_CONTAINER" mongosh --quiet --eval 'db.hello().isWritablePrimary' 2>/dev/null)" == "true" ]] && break
	sleep 1
done

echo "real-infra: mongo:7.0 (replica set) and apache/kafka-native:3.9.1 in Docker, $(nproc) cores," \
	"load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
ATLAS_DATA_DIR="$DATA" MONGODB_URI="mongodb://127.0.0.1:27017/?replicaSet=rs0" \
	KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 ATLAS_NOTIFICATION_EMAIL_RATE=1000 "${LAUNCHER[@]}" up >/dev/null
bench/ingest.sh "$EVENTS" 127.0.0.1:9092
KAFKA=127.0.0.1:9092 bench/latency.sh "$RATE" "$SECONDS_AT_RATE"
