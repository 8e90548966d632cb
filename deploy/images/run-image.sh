#!/usr/bin/env bash
# Runs a service's image without a container engine, to prove it starts: unpacks the layers of its Jib tarball
# (docker-archive) into a folder and runs the image's command there in new mount and PID namespaces (unshare,
# chroot), as the image's user, on this machine's network. Needs root.
#   deploy/images/run-image.sh incident-commands/target/jib-image.tar -Dquarkus.http.port=18080 -Dkafka.bootstrap.servers=...
# Every argument after the tarball is a JVM option (-Dkey=value settings). Ctrl-C or SIGTERM stops it.
set -euo pipefail
image="$(realpath "$1")"; shift
work="$(mktemp -d)"
rootfs="$work/rootfs"
running=""
cleanup() {
  # the image's process is PID 1 of its namespace: when it ends, everything in the namespace ends
  if [ -n "$running" ]; then pkill -TERM -P "$running" || true; wait "$running" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
mkdir -p "$work/image" "$rootfs"
tar -xf "$image" -C "$work/image"
# manifest.json: [{"Config":...,"RepoTags":[...],"Layers":["<digest>.tar.gz", ...]}], the base's layers first
for layer in $(grep -o '"Layers":\[[^]]*\]' "$work/image/manifest.json" | grep -o '[0-9a-f]\{64\}\.tar\.gz'); do
  tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$rootfs"
done
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
# The JVM options as a Java argument file: one quoted option per line.
for option in "$@"; do
  option="${option//\\/\\\\}"
  printf '"%s"\n' "${option//\"/\\\"}"
done > "$rootfs/tmp/jvm-options"
chmod 644 "$rootfs/tmp/jvm-options"
echo "[run-image] $(grep -o '"RepoTags":\[[^]]*\]' "$work/image/manifest.json") from $rootfs"
# The mounts end with the mount namespace, when the image's process ends.
unshare --mount --pid --fork sh -c "
  mount --rbind /dev '$rootfs/dev' && mount -t proc proc '$rootfs/proc' &&
  exec chroot --userspec=185:185 '$rootfs' /usr/bin/env -i HOME=/tmp JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/bin:/bin sh -c 'cd /deployments && exec java @/tmp/jvm-options -jar quarkus-run.jar'" &
running=$!
wait "$running"
