#!/usr/bin/env bash
# Runs one of the cluster benchmark mains of issue 21 (ClusterOverhead, ClusterScaling, ClusterFaultRuns) from a built
# checkout with the JVM options of the ./metalearn launcher, which Hazelcast needs on Java 17:
#   mvn -B -q package -DskipTests && examples/scripts/cluster-bench.sh ClusterOverhead --iterations 6
# The commands for the issue's figures and their expected times are in /work/notes/bench-21.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
main="${1:?usage: cluster-bench.sh ClusterOverhead|ClusterScaling|ClusterFaultRuns [--key value ...]}"
shift
target="$root/examples/target"
jar="$(ls "$target"/metalearn4j-examples-*.jar | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -n 1)"
opts="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED"
opts+=" --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
opts+=" --add-opens java.management/sun.management=ALL-UNNAMED"
opts+=" --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
opts+=" -Dvertx.disableDnsResolver=true -Dhazelcast.phone.home.enabled=false"
opts+=" -XX:+UseParallelGC -Xmn32m -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=4g -Dorg.bytedeco.javacpp.maxphysicalbytes=0"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
cd "$root"
exec java $opts ${METALEARN_JAVA_OPTS:-} -cp "$jar:$(cat "$target/classpath.txt")" \
    "org.metalearn4j.examples.bench.$main" "$@"
