# Shared by the launchers in jobs/: builds the project on first use (or when its sources
# changed), and knows the JVM flags Spark 4.1 needs on JDK 17.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# engine/pom.xml: the job jar (what spark-submit ships) and the classpath a local run adds to it
JOB_JAR="$ROOT/engine/target/opportunity-engine-job.jar"
RUNTIME_CP_FILE="$ROOT/engine/target/runtime-classpath.txt"
# tools/pom.xml: generators, bench and evaluation, with the engine and Spark on their classpath
TOOLS_JAR="$ROOT/tools/target/opportunity-tools.jar"
TOOLS_CP_FILE="$ROOT/tools/target/runtime-classpath.txt"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }

# The --add-opens list of Spark's launcher (org.apache.spark.launcher.JavaModuleOptions).
SPARK_JVM_FLAGS=(
  -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

need() {
  command -v "$1" >/dev/null 2>&1 || { log "needs $1 on PATH ($2)"; exit 1; }
}

# True when a jar or its classpath file is missing, or older than any source file or pom.
stale() {
  local f
  for f in "$JOB_JAR" "$RUNTIME_CP_FILE" "$TOOLS_JAR" "$TOOLS_CP_FILE"; do
    [ -f "$f" ] || return 0
  done
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/engine/pom.xml" "$ROOT/tools/pom.xml" \
    "$ROOT/engine/src/main" "$ROOT/tools/src/main" -newer "$JOB_JAR" -print -quit 2>/dev/null)" ]
}

# Builds both modules in one Maven run: the tools are small, and one marker keeps it simple.
ensure_built() {
  need java "Java 17"
  need mvn "Maven 3.8+"
  if stale; then
    log "building the job jar and the tools (first use or sources changed)..."
    # Spark is `provided` in the job jar; a local run needs it, so compile + provided scopes.
    # Each module writes its own target/runtime-classpath.txt.
    (cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip=true package \
      dependency:build-classpath -DincludeScope=compile \
      -Dmdep.outputFile=target/runtime-classpath.txt) >&2
    touch "$JOB_JAR"
  fi
}

# The options of a local run's JVM (embedded Spark with MASTER), as jobs/nightly starts the job
# and as the class archive is recorded: nightly_jvm_options MASTER sets NIGHTLY_JVM_OPTIONS.
NIGHTLY_JVM_OPTIONS=()

nightly_jvm_options() {
  NIGHTLY_JVM_OPTIONS=(
    "${SPARK_JVM_FLAGS[@]}"
    -Xmx"${NIGHTLY_DRIVER_MEMORY:-8g}"
    -Dlog4j2.configurationFile="$ROOT/jobs/conf/log4j2.properties"
    -Dspark.master="$1"
    -Dspark.ui.enabled=false
    -Dspark.sql.shuffle.partitions=16
    -Dspark.sql.session.timeZone=UTC
  )
}

# A class-data archive (AppCDS) of the classes a nightly run loads. Starting Spark loads some
# 24,000 classes and spins up 5,000 lambdas: on the bundled sample, loading them cost more than
# the rows. Mapped from the archive, they load in a fraction of that time. It is made once, by a
# run of the bundled sample, and again when the jars change; the JVM checks that it matches the
# classpath and starts without it when it does not (say, another JDK), so a run never depends on
# it. NIGHTLY_CLASS_ARCHIVE=off starts without it.
CLASS_ARCHIVE="$ROOT/engine/target/nightly-classes.jsa"
CLASS_ARCHIVE_FLAGS=()

use_class_archive() {
  [ "${NIGHTLY_CLASS_ARCHIVE:-on}" != off ] || return 0
  if [ ! -s "$CLASS_ARCHIVE" ] || [ "$JOB_JAR" -nt "$CLASS_ARCHIVE" ] \
    || [ "$RUNTIME_CP_FILE" -nt "$CLASS_ARCHIVE" ]; then
    make_class_archive || return 0
  fi
  # the archive's own messages (one when it does not match) would land on the job's stdout
  CLASS_ARCHIVE_FLAGS=(-XX:SharedArchiveFile="$CLASS_ARCHIVE" '-Xlog:cds*=off')
}

make_class_archive() {
  local sample="$ROOT/data/sample" tmp out
  [ -d "$sample" ] || return 1
  log "recording the classes a run loads, once (a run of data/sample, about a minute)..."
  tmp="$CLASS_ARCHIVE.$$.tmp"
  out="$(mktemp -d)"
  nightly_jvm_options 'local[*]'
  if java "${NIGHTLY_JVM_OPTIONS[@]}" -XX:ArchiveClassesAtExit="$tmp" '-Xlog:cds*=off' \
    -cp "$(runtime_classpath)" org.oppmatch.NightlyJob \
    --inputs "$sample" --output "$out" --run-date 2026-11-20 >/dev/null 2>&1 \
    && [ -s "$tmp" ]; then
    mv -f "$tmp" "$CLASS_ARCHIVE"
  else
    rm -f "$tmp"
    log "no class archive (the recording run failed); runs start without it"
  fi
  rm -rf "$out"
  [ -s "$CLASS_ARCHIVE" ]
}

# The JIT for a local run. C2, the optimising compiler, pays off over minutes of hot loops; a run
# of a small input ends before it does, and on the bundled sample its compilations took more CPU
# than the job (31 s of compiler threads in a 22 s run on 2 cores). Up to JIT_QUICK_MAX_BYTES of
# enterprise files, a run compiles with C1 alone. NIGHTLY_JIT: auto (default), quick (C1 alone),
# full (C1 then C2, the JVM's default).
JIT_QUICK_MAX_BYTES=$((16 * 1024 * 1024))
JIT_FLAGS=()

choose_jit() {
  local inputs="$1" mode="${NIGHTLY_JIT:-auto}" bytes
  if [ "$mode" = auto ]; then
    mode=full
    if [ -n "$inputs" ] && [ -d "$inputs" ]; then
      bytes="$(du -sbc "$inputs"/enterprises* 2>/dev/null | tail -n 1 | cut -f 1)"
      if [ -n "$bytes" ] && [ "$bytes" -gt 0 ] && [ "$bytes" -le "$JIT_QUICK_MAX_BYTES" ]; then
        mode=quick
      fi
    fi
  fi
  case "$mode" in
    quick) JIT_FLAGS=(-XX:TieredStopAtLevel=1) ;;
    full) JIT_FLAGS=() ;;
    *) log "NIGHTLY_JIT is auto, quick or full, not $mode"; exit 2 ;;
  esac
}

runtime_classpath() {
  printf '%s:%s' "$JOB_JAR" "$(cat "$RUNTIME_CP_FILE")"
}

# The tools' classpath: their jar, the engine's plain jar, Spark and the DuckDB driver.
tools_classpath() {
  printf '%s:%s' "$TOOLS_JAR" "$(cat "$TOOLS_CP_FILE")"
}
