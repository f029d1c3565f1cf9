#!/usr/bin/env bash
# CPU that a running, idle suite (bin/atlas up, nothing to do) costs: each JVM's user+system time over a window,
# as a percentage of one core, read from /proc (so it counts CPU used, not wall time, and is little moved by other
# load on the machine). Let the suite settle for a minute after "up" before measuring.
#
#   bench/idle.sh [seconds=60]
#
# Results go in docs/PERFORMANCE.md ("Idle suite").
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW="${1:-60}"
HZ="$(getconf CLK_TCK)"
declare -A before
pids=()
for file in .atlas/pids/*.pid; do
	[[ -f $file ]] || continue
	name="$(basename "$file" .pid)"
	pid="$(cat "$file")"
	[[ -r /proc/$pid/stat ]] || { echo "$name is not running" >&2; exit 1; }
	pids+=("$name:$pid")
	# Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (the name field has no spaces here).
	before[$name]="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
done
((${#pids[@]} > 0)) || { echo "no suite is running (bin/atlas up)" >&2; exit 1; }
echo "idle: ${#pids[@]} JVMs, ${WINDOW} s window, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
sleep "$WINDOW"
total=0
for entry in "${pids[@]}"; do
	name="${entry%%:*}"
	pid="${entry#*:}"
	ticks=$(($(awk '{print $14 + $15}' "/proc/$pid/stat") - before[$name]))
	total=$((total + ticks))
	awk -v n="$name" -v t="$ticks" -v hz="$HZ" -v w="$WINDOW" 'BEGIN { printf "%-24s %6.2f %% of one core\n", n, t * 100 / hz / w }'
done
awk -v t="$total" -v hz="$HZ" -v w="$WINDOW" 'BEGIN { printf "%-24s %6.2f %% of one core\n", "total", t * 100 / hz / w }'
