#!/usr/bin/env bash
# Builds the services' base image without a container engine or a remote registry: a Debian bookworm minbase
# (debootstrap), a Java runtime linked from this machine's JDK 21+ (jlink), packed as an OCI image (umoci) and saved
# as a docker-archive tarball (skopeo) that Jib takes as its base (tar://). Needs root and Debian's debootstrap,
# umoci and skopeo (installed here if missing). Writes deploy/images/target/base.tar; reuses it when present.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/.mvn/jdk.sh"  # a JDK 21 or newer as JAVA_HOME: the runtime is linked from it
out="$here/target"
if [ -f "$out/base.tar" ]; then
  echo "[images] base image exists: $out/base.tar (delete it to build again)"
  exit 0
fi
if ! command -v debootstrap > /dev/null || ! command -v umoci > /dev/null || ! command -v skopeo > /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap umoci skopeo
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "[images] debootstrap bookworm (minbase)..."
debootstrap --variant=minbase bookworm "$work/rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
  > "$work/debootstrap.log" || { tail -20 "$work/debootstrap.log"; exit 1; }
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
echo "[images] jlink a Java runtime from $JAVA_HOME..."
# Every module but the tools, the debugger, the desktop's accessibility bridge and the incubators.
modules=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' \
  | grep -Ev '^jdk\.(internal|jpackage|jlink|jshell|javadoc|jdeps|compiler|accessibility|editpad|jconsole|hotspot\.agent|jdi|jdwp\.agent|jsobject|unsupported\.desktop|xml\.dom|jstatd|incubator)' \
  | paste -sd,)
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$work/rootfs/opt/java"
echo "[images] OCI image (umoci), then docker-archive (skopeo)..."
umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci unpack --image "$work/oci:base" "$work/bundle" > /dev/null
rm -rf "$work/bundle/rootfs" && mv "$work/rootfs" "$work/bundle/rootfs"
umoci repack --image "$work/oci:base" "$work/bundle"
umoci config --image "$work/oci:base" --config.env "JAVA_HOME=/opt/java" \
  --config.env "PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" --config.user 185
mkdir -p "$out"
skopeo copy -q "oci:$work/oci:base" "docker-archive:$out/base.tar:incidents/java-base:latest"
echo "[images] base image: $out/base.tar ($(du -h "$out/base.tar" | cut -f1))"
