#!/usr/bin/env bash
# Our code side by side with its anchors in one run (issue 14), since absolute figures on a shared machine move
# from run to run:
#   gateway  nginx (Debian package) as a reverse proxy in front of lodging-travel-service's hotels list, against our
#            gateway on the same route and against the service port directly; wrk, 32 connections by default.
#   xlsx     reporting-service's XLSX writer (WriterPeerBenchmark, a plain main in its test classes) against
#            exceljs's streaming WorkbookWriter (bench/exceljs, from npm), same rows, columns, types and styles;
#            then our CSV writer on the same rows.
#
#   ATLAS_GATEWAY_RATELIMIT_REQUESTSPERMINUTE=100000000 ATLAS_JAVA_OPTS=-XX:TieredStopAtLevel=4 bin/atlas up
#   bench/peers.sh gateway [duration=20s] [connections=32] [threads=2]
#   bench/peers.sh xlsx [rows=1000000]          (needs ./mvnw -pl reporting-service test-compile; no suite)
#   bench/peers.sh all
#
# nginx and wrk are installed with apt-get when missing (sudo when not root). nginx runs from a temporary prefix
# on port 18082 with the configuration below (keep-alive to the upstream, access log off: a production-like proxy)
# and is stopped at the end. Results go in docs/PERFORMANCE.md with the command and the raw output.
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT="${1:-all}"

install_missing() { # command package...
	local cmd="$1"
	shift
	command -v "$cmd" >/dev/null && return 0
	local sudo=""
	[[ $(id -u) -eq 0 ]] || sudo="sudo"
	echo "installing $* (apt-get)" >&2
	$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

wrk_line() { # name url token
	local name="$1" url="$2" token="$3" script
	script="$(mktemp)"
	cat >"$script" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
done = function(summary, latency, requests)
  io.write(string.format("%-34s %8.0f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  non-2xx %d  socket errors %d\n",
    "$name", summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
	wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$script" "$url" >/dev/null
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$script" "$url" | tail -1
	rm -f "$script"
}

gateway() {
	DURATION="${1:-20s}"
	CONNECTIONS="${2:-32}"
	THREADS="${3:-2}"
	install_missing wrk wrk
	install_missing nginx nginx
	[ -f .atlas/demo-tokens.env ] || { echo "Start the suite first: bin/atlas up" >&2; exit 2; }
	# shellcheck disable=SC1091
	source .atlas/demo-tokens.env
	local identity prefix
	# A gateway identity token for lodging-travel-service (audience = the service, as the gateway signs it; the same
	# as embedded-infra's `identity-token admin lodging-travel-service`, without needing its jar).
	identity="$(python3 - "${ATLAS_INTERNAL_TOKEN_SECRET:-dev-internal-token-secret-change-me-0123456789}" <<'PY'
import base64, hashlib, hmac, json, sys, time, uuid
enc = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
now = int(time.time())
head = enc(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = enc(json.dumps({"iss": "onsite-atlas-gateway", "aud": "lodging-travel-service", "sub": "65f0a00000000000000000a1",
    "atlas_type": "staff", "role": "admin", "iat": now, "exp": now + 3600, "jti": str(uuid.uuid4())}).encode())
sig = enc(hmac.new(sys.argv[1].encode(), f"{head}.{body}".encode(), hashlib.sha256).digest())
print(f"{head}.{body}.{sig}")
PY
)"
	prefix="$(mktemp -d)"
	mkdir -p "$prefix/logs"
	cat >"$prefix/nginx.conf" <<NGINX
worker_processes auto;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream lodging { server 127.0.0.1:8082; keepalive 64; }
  server {
    listen 127.0.0.1:18082;
    location / {
      proxy_pass http://lodging;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
NGINX
	nginx -p "$prefix" -c "$prefix/nginx.conf"
	trap 'nginx -p "'"$prefix"'" -c "'"$prefix"'/nginx.conf" -s stop; rm -rf "'"$prefix"'"' EXIT
	local path="/api/events/$EVENT_ID/hotels"
	echo "gateway vs nginx: wrk -t$THREADS -c$CONNECTIONS -d$DURATION (5 s warm-up each), $(nproc) cores," \
		"$(nginx -v 2>&1), $(date -u +%FT%TZ)"
	wrk_line "direct: hotels list" "http://127.0.0.1:8082$path" "$identity"
	wrk_line "nginx:  hotels list" "http://127.0.0.1:18082$path" "$identity"
	wrk_line "gateway: hotels list" "http://127.0.0.1:8080$path" "$ADMIN_TOKEN"
	wrk_line "nginx:  hotels list (again)" "http://127.0.0.1:18082$path" "$identity"
	wrk_line "gateway: hotels list (again)" "http://127.0.0.1:8080$path" "$ADMIN_TOKEN"
}

xlsx() {
	local rows="${1:-1000000}"
	install_missing node nodejs npm
	install_missing npm npm
	[ -d bench/exceljs/node_modules/exceljs ] || (cd bench/exceljs && npm ci --no-audit --no-fund --silent)
	[ -d reporting-service/target/test-classes ] ||
		{ echo "Compile first: ./mvnw -o -q -pl reporting-service test-compile" >&2; exit 2; }
	local cp_file=reporting-service/target/peers.classpath
	[ -f "$cp_file" ] || ./mvnw -o -q -pl reporting-service dependency:build-classpath \
		-Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
	local cp="reporting-service/target/test-classes:reporting-service/target/classes:$(cat "$cp_file")"
	echo "xlsx/csv writers vs exceljs $(node -p "require('./bench/exceljs/node_modules/exceljs/package.json').version"):" \
		"$rows rows x 11 columns, $(nproc) cores, node $(node -v), $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
	node bench/exceljs/write.js "$rows"
	java -Xmx512m -cp "$cp" com.onsiteatlas.reporting.format.WriterPeerBenchmark "$rows" excel
	node bench/exceljs/write.js "$rows"
	java -Xmx512m -cp "$cp" com.onsiteatlas.reporting.format.WriterPeerBenchmark "$rows" excel
	java -Xmx512m -cp "$cp" com.onsiteatlas.reporting.format.WriterPeerBenchmark "$rows" csv
}

case "$WHAT" in
	gateway) shift; gateway "$@" ;;
	xlsx) shift; xlsx "$@" ;;
	all) gateway; xlsx ;;
	*) echo "usage: bench/peers.sh gateway|xlsx|all [args]" >&2; exit 2 ;;
esac
