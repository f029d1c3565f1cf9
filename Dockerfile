# syntax=docker/dockerfile:1
# One image recipe for every service of the suite; SERVICE names the Maven module (= application name) and PORT
# its HTTP port. The build context is the repository root:
#   docker build --build-arg SERVICE=notification-service --build-arg PORT=8081 \
#     -t ghcr.io/onsite-atlas/notification-service:dev .

# Stage 0: only the Maven build files, with their paths. Collecting them with find instead of one COPY per
# module keeps this file valid when the lead adds a module; the dependency layer in stage 1 is keyed on the
# content copied from here, so it is reused for as long as no pom.xml changes.
ARG SERVICE
ARG PORT
FROM maven:3.9-eclipse-temurin-17 AS poms
WORKDIR /src
COPY . .
RUN mkdir /poms \
	&& find . -name pom.xml -not -path '*/target/*' -exec cp --parents {} /poms/ \; \
	&& cp -r mvnw .mvn /poms/

# Stage 1: resolve dependencies (cached layer), build the fat jar, split it into Boot's layers.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /workspace
COPY --from=poms /poms/ ./
RUN ./mvnw -B -ntp -pl ${SERVICE} -am dependency:go-offline
COPY . .
# The formatter is checked by CI; an image build only needs the artefact.
RUN ./mvnw -B -ntp -pl ${SERVICE} -am -DskipTests -Dspring-javaformat.validate.skip=true package \
	&& cp ${SERVICE}/target/${SERVICE}-*.jar application.jar \
	&& java -Djarmode=tools -jar application.jar extract --layers --destination /extracted

# Stage 2: JRE only, one layer per rate of change: released libraries, loader, snapshot libraries, and last
# the application with the project's own modules: the only layer most builds change.
FROM eclipse-temurin:17-jre
ARG PORT
# HEALTHCHECK needs an HTTP client. Temurin 17 images ship curl today, but Adoptium dropped it from the 22+
# images and aims for minimal ones, so install it when missing rather than depend on it. A bash /dev/tcp probe
# would need no package but cannot follow HTTP properly (status line only, no chunked bodies, no timeouts).
RUN if ! command -v curl >/dev/null; then \
		apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; \
	fi \
	&& groupadd --system --gid 10001 atlas \
	&& useradd --system --uid 10001 --gid atlas --home-dir /tmp --no-create-home --shell /usr/sbin/nologin atlas
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# Numeric, so Kubernetes can verify runAsNonRoot. The files stay root-owned: the app cannot rewrite itself.
# Home is /tmp, the one writable path under a read-only root filesystem (fontconfig and Java prefs write there).
USER 10001:10001
# Heap follows the container's memory limit; an OutOfMemoryError ends the process so the orchestrator restarts it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
	MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true \
	SERVER_PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
	CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
# Exec form: java is PID 1 and gets SIGTERM directly, which starts Boot's graceful shutdown.
ENTRYPOINT ["java", "-jar", "/app/application.jar"]
