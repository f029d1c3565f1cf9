#!/bin/bash
# kafka-init (docker-compose.yml): the SCRAM users, the topics and the ACLs of the compose broker, signed in as the
# admin. Idempotent: run again after a restart, it changes nothing (a password changed in the environment is set
# again). The ACLs are shared-events' KafkaAcls table (docs/events.md, "Topics"); DockerComposeTests checks every
# `allow` line below against it. Each principal writes only the topics it produces (and the dead-letter topics of
# what it consumes), reads what it consumes and uses only its own consumer group.
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${ATLAS_KAFKA_PARTITIONS:-6}"
bin=/opt/kafka/bin
admin=/tmp/admin.properties
# Dead letters are kept two weeks (service-support MessagingConfiguration.DEAD_LETTER_RETENTION).
dead_letter_retention_ms=1209600000

cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?}";
PROPERTIES

user() {
  echo "User $1"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}

topic() {
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$1" --partitions "$partitions" --replication-factor 1 \
    --config cleanup.policy=delete --config "retention.ms=$2"
}

allow() {
  local principal="$1"
  shift
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$principal" "$@"
}

user onsite-atlas "${KAFKA_ONSITE_ATLAS_PASSWORD:?}"
user notification-service "${KAFKA_NOTIFICATION_SERVICE_PASSWORD:?}"
user lodging-travel-service "${KAFKA_LODGING_TRAVEL_SERVICE_PASSWORD:?}"
user reporting-service "${KAFKA_REPORTING_SERVICE_PASSWORD:?}"

# Domain topics keep every event; each has a dead-letter topic (docs/events.md, "Retention and partitions").
for name in atlas.events atlas.registrations atlas.payments atlas.abstracts atlas.resources atlas.sponsors \
    atlas.hotel-bookings atlas.travel atlas.notifications atlas.exports; do
  topic "$name" -1
  topic "$name.DLT" "$dead_letter_retention_ms"
done

# ONSITE ATLAS (the Node producer library, legacy-import): its six topics; it may read the exports.
allow onsite-atlas --operation Write --operation Describe --topic atlas.events --topic atlas.registrations \
  --topic atlas.payments --topic atlas.abstracts --topic atlas.resources --topic atlas.sponsors \
  --topic atlas.exports.DLT
allow onsite-atlas --operation Read --operation Describe --topic atlas.exports
allow onsite-atlas --operation Read --group onsite-atlas

allow notification-service --operation Write --operation Describe --topic atlas.notifications \
  --topic atlas.events.DLT --topic atlas.registrations.DLT --topic atlas.payments.DLT --topic atlas.abstracts.DLT \
  --topic atlas.hotel-bookings.DLT --topic atlas.travel.DLT
allow notification-service --operation Read --operation Describe --topic atlas.events --topic atlas.registrations \
  --topic atlas.payments --topic atlas.abstracts --topic atlas.hotel-bookings --topic atlas.travel
allow notification-service --operation Read --group notification-service

allow lodging-travel-service --operation Write --operation Describe --topic atlas.hotel-bookings \
  --topic atlas.travel --topic atlas.events.DLT --topic atlas.registrations.DLT --topic atlas.payments.DLT
allow lodging-travel-service --operation Read --operation Describe --topic atlas.events --topic atlas.registrations \
  --topic atlas.payments
allow lodging-travel-service --operation Read --group lodging-travel-service

allow reporting-service --operation Write --operation Describe --topic atlas.exports --topic atlas.events.DLT \
  --topic atlas.registrations.DLT --topic atlas.payments.DLT --topic atlas.abstracts.DLT --topic atlas.resources.DLT \
  --topic atlas.sponsors.DLT --topic atlas.hotel-bookings.DLT --topic atlas.travel.DLT --topic atlas.notifications.DLT
allow reporting-service --operation Read --operation Describe --topic atlas.events --topic atlas.registrations \
  --topic atlas.payments --topic atlas.abstracts --topic atlas.resources --topic atlas.sponsors \
  --topic atlas.hotel-bookings --topic atlas.travel --topic atlas.notifications
allow reporting-service --operation Read --group reporting-service

echo "Kafka users, topics and ACLs are in place."
