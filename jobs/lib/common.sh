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

runtime_classpath() {
  printf '%s:%s' "$JOB_JAR" "$(cat "$RUNTIME_CP_FILE")"
}

# The tools' classpath: their jar, the engine's plain jar, Spark and the DuckDB driver.
tools_classpath() {
  printf '%s:%s' "$TOOLS_JAR" "$(cat "$TOOLS_CP_FILE")"
}
