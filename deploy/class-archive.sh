#!/bin/sh
# Builds cio-connect.jsa in the working directory: an application class-data sharing (AppCDS) archive of the
# classes a start of the service loads, which the JVM then maps from the file instead of loading and verifying
# them one by one (deploy/jvm.options names it: -XX:SharedArchiveFile=cio-connect.jsa). docs/operations.md.
#
#   deploy/class-archive.sh <jvm.options> <the launch's class path and main class, as the launch gives them>
#   deploy/class-archive.sh deploy/jvm.options -jar bootstrap/target/cio-connect.jar
#
# A training run starts `dev` (its own embedded PostgreSQL in a temporary directory, no secrets needed) with
# the same options and class path, waits until it is ready, and stops it; the JVM writes the archive as it
# exits. An archive holds for exactly that class path, jars and JDK: rebuild it after each build. A launch
# whose archive is missing runs without one; one whose archive does not match says so in one warning line.
set -eu
options="$1"
shift
port="${CLASS_ARCHIVE_PORT:-18979}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The archive named in the options cannot be the base of a new one (the JDK's own archive is). The embedded
# PostgreSQL's binaries go to the temporary directory too, so that nothing of the run stays behind (in an image).
grep -v 'SharedArchiveFile' "$options" > "$work/jvm.options"
echo "-Djava.io.tmpdir=$work" >> "$work/jvm.options"
rm -f cio-connect.jsa
DATA_DIR="$work/data" PORT="$port" PUBLIC_BASE_URL="http://localhost:$port" \
    java "@$work/jvm.options" -XX:ArchiveClassesAtExit=cio-connect.jsa "$@" dev > "$work/training.log" 2>&1 &
pid=$!
tries=0
until curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
        echo "class-archive: the training run did not get ready; its log:" >&2
        cat "$work/training.log" >&2
        kill "$pid" 2>/dev/null || true
        exit 1
    fi
    sleep 0.2
done
kill -TERM "$pid"
wait "$pid" || true
test -s cio-connect.jsa || { echo "class-archive: no archive was written; the training log:" >&2; cat "$work/training.log" >&2; exit 1; }
echo "class-archive: wrote $(pwd)/cio-connect.jsa"
