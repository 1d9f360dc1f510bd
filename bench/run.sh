#!/usr/bin/env bash
# The benchmark in one command (docs/benchmark.md):
#   ./bench/run.sh         build, start PostgreSQL (embedded, via serve), a local provider and the service,
#                          measure everything, write bench/results/results-<time>.{md,json}; < 10 min on 2 cores
#   ./bench/run.sh jmh     the JMH microbenchmarks (field encryption, token response parsing); extra arguments
#                          go to JMH, e.g. ./bench/run.sh jmh FieldCipher
# BENCH_* variables tune the run (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_CLIENTS, ...; see BenchSettings);
# BENCH_JAR measures another build of the service (e.g. an older one, for a before/after comparison).
set -euo pipefail
cd "$(dirname "$0")/.."

# The service runs with the JVM options of every production launch (deploy/jvm.options), so what is measured
# is what runs. BENCH_SERVICE_JAVA_OPTS replaces them (set it empty for none).
export BENCH_SERVICE_JAVA_OPTS="${BENCH_SERVICE_JAVA_OPTS-@$PWD/deploy/jvm.options}"

MODE="${1:-all}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "Building the service jar and the bench harness..."
./mvnw -B -q -pl bootstrap,bench -am package -DskipTests
CLASSPATH_BENCH="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p bench/results

if [ "$MODE" = "jmh" ]; then
  shift || true
  exec "$JAVA" -cp "$CLASSPATH_BENCH" org.openjdk.jmh.Main -rf json -rff bench/results/jmh-latest.json "$@"
fi
if [ "$MODE" != "all" ]; then
  echo "usage: $0 [jmh [JMH arguments]]" >&2
  exit 2
fi

# wrk measures access-token's capacity against /health/live: its event loop in C costs far less than the Java
# generator, which would otherwise compress every ratio. It is a Debian/Ubuntu package.
if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (apt-get install -y wrk)..."
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q wrk; else sudo apt-get install -y -q wrk; fi
fi

# The class-data archive that deploy/jvm.options names (cio-connect.jsa, here in the repository root), built for
# this very jar and launch, as the Dockerfile builds it in the image: the launch measured is the production one.
echo "Building the class-data archive (deploy/class-archive.sh)..."
deploy/class-archive.sh deploy/jvm.options -jar "${BENCH_JAR:-bootstrap/target/cio-connect.jar}"

WORK="$(mktemp -d -t cio-bench.XXXXXX)"
HARNESS_PID=""
cleanup() {
  STATUS=$?
  if [ "$STATUS" -ne 0 ] && [ -f "$WORK/service.log" ]; then
    echo "--- the run failed; last lines of the service log:" >&2
    tail -n 40 "$WORK/service.log" >&2
  fi
  # The harness stops the service (SIGTERM), which stops its PostgreSQL. This is the safety net for a harness
  # that was killed: only processes this run started, found by their pid.
  if [ -n "$HARNESS_PID" ] && kill -0 "$HARNESS_PID" 2>/dev/null; then
    kill "$HARNESS_PID" 2>/dev/null || true
    wait "$HARNESS_PID" 2>/dev/null || true
  fi
  if [ -f "$WORK/service.pid" ] && kill -0 "$(cat "$WORK/service.pid")" 2>/dev/null; then
    kill "$(cat "$WORK/service.pid")" 2>/dev/null || true
    sleep 5
  fi
  if [ -f "$WORK/data/postgres/postmaster.pid" ]; then
    PG_PID="$(head -n 1 "$WORK/data/postgres/postmaster.pid")"
    if kill -0 "$PG_PID" 2>/dev/null; then kill "$PG_PID" 2>/dev/null || true; sleep 2; fi
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

timeout 15m "$JAVA" -Xms512m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CLASSPATH_BENCH" \
  io.cioconnect.bench.BenchMain "${BENCH_JAR:-bootstrap/target/cio-connect.jar}" "$WORK" bench/results &
HARNESS_PID=$!
wait "$HARNESS_PID"
