#!/usr/bin/env bash
# Vigil's benchmarks (bench/README.md): ingest CPU against ffmpeg baselines, trigger latency, pre-roll memory.
#   bench/run.sh [--quick] [--no-build] [--services DIR] [harness options: --cameras 1,8,32 --only ...]
#   bench/run.sh catalog [--no-build] [--iterations N --warmup N --cameras N --per-camera N]
#                  the catalog queries on 1 M recordings (range, timeline, dates) against the unbounded baseline
#   bench/run.sh load [--no-build] [--cameras N] [--minutes M]   (also ./vigil bench)
#                  the whole stack records N looped cameras (32) for M minutes (10): 0 pieces lost, CPU and memory per service
#   --quick        every part, shorter windows (a few minutes instead of about half an hour)
#   --no-build     measure what is packaged as it is
#   --services DIR measure the ingest/recorder packaged in another checkout (not built here)
# Results: bench/target/results/<UTC time>/results.md (also printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD

# pidstat (sysstat), GStreamer's RTSP server with its Python bindings and x264 (for the clip), the JDK
PACKAGES=(openjdk-17-jdk-headless sysstat python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-tools gstreamer1.0-rtsp
          gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly)

install_prerequisites() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" = "install ok installed" ] || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing ${missing[*]}..."
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "The benchmarks need these Debian packages: ${missing[*]}; install them as root." >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "${1:-}" = catalog ]; then
  shift
  PACKAGES=(openjdk-17-jdk-headless postgresql-15)
  install_prerequisites
  if [ "${1:-}" = --no-build ]; then
    shift
  else
    echo "Building the harness and packaging the api-gateway..."
    ./mvnw -B -q -pl bench,api-gateway -am package -DskipTests
  fi
  out=$REPO/bench/target/results/catalog-$(date -u +%Y%m%d-%H%M%S)
  mkdir -p "$out"
  exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.vigil.bench.CatalogBench \
    --repo "$REPO" --out "$out" "$@"
fi

if [ "${1:-}" = load ]; then
  shift
  PACKAGES=(openjdk-17-jdk-headless postgresql-15 python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-tools gstreamer1.0-rtsp
            gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly)
  install_prerequisites
  build=true
  args=()
  for arg in "$@"; do
    if [ "$arg" = --no-build ]; then build=false; else args+=("$arg"); fi
  done
  if $build; then
    echo "Building the harness and packaging the four services..."
    ./mvnw -B -q -pl bench,ingest-service,recorder-service,indexer-service,api-gateway -am package -DskipTests
  fi
  out=$REPO/bench/target/results/load-$(date -u +%Y%m%d-%H%M%S)
  mkdir -p "$out"
  exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.vigil.bench.LoadBench \
    --repo "$REPO" --out "$out" "${args[@]}"
fi

build=true
services=$REPO
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false ;;
    --services) services=$(cd "$2" && pwd); build_services=false; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done

install_prerequisites
if $build; then
  echo "Building the harness..."
  ./mvnw -B -q -pl bench -am package -DskipTests
  if [ "$services" = "$REPO" ] && [ "${build_services:-true}" = true ]; then
    echo "Packaging ingest-service and recorder-service..."
    # a service that does not build is reported as missing by the harness; the baselines still run
    ./mvnw -B -q -pl ingest-service,recorder-service -am package -DskipTests \
      || echo "WARNING: the services did not build; measuring whatever is packaged" >&2
  fi
fi

out=$REPO/bench/target/results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out"
exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.vigil.bench.Bench \
  --repo "$REPO" --services "$services" --out "$out" "${args[@]}"
