#!/usr/bin/env bash
# Prepares this machine to build and run container images with no registry and no Docker engine.
# Usage: source .ci/containers/setup.sh   (from the repository root; or run it; it is idempotent)
#   - installs podman/buildah/runc (+ compose tools, debootstrap, catatonit) from Debian packages
#   - writes a containers.conf that works in this sandbox (runc, ulimits within the hard limits)
#   - builds local stand-ins for mcr.microsoft.com/dotnet/{runtime,aspnet,sdk}:10.0 if missing
#   - installs the offline validators (npm) next to a work folder
# Environment: SL_CONTAINERS_WORK (default /tmp/statelens-containers) holds storage, rootfs and node_modules.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=${SL_CONTAINERS_WORK:-/tmp/statelens-containers}
mkdir -p "$work"
log() { echo "[containers] $*" >&2; }

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v catatonit >/dev/null \
   || ! command -v debootstrap >/dev/null || ! command -v podman-compose >/dev/null; then
  log "installing podman, buildah, runc, debootstrap, podman-compose, docker-compose"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends podman buildah runc catatonit uidmap \
    containernetworking-plugins iptables debootstrap docker-compose podman-compose curl >/dev/null
fi

# The sandbox lacks CAP_SYS_RESOURCE and runs cgroups in hybrid mode: crun and the default ulimits fail.
cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
printf '[storage]\ndriver="overlay"\ngraphroot="%s"\nrunroot="%s"\n' "$work/storage" "$work/run" > "$work/storage.conf"
export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"

mcr=mcr.microsoft.com/dotnet
if ! podman image exists "$mcr/sdk:10.0"; then
  log "building stand-in base images (about 1-2 minutes)"
  dn=$(dirname "$(readlink -f "$(command -v dotnet)")")
  ver=$(ls "$dn/shared/Microsoft.NETCore.App" | sort -V | tail -1)
  # The Debian mirror this machine already uses (no host is hard-coded here).
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1)
  [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
  rootfs="$work/rootfs"; rm -rf "$rootfs"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,zlib1g bookworm "$rootfs" "$mirror" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  # Trust what this machine trusts, so that `dotnet restore` inside a build stage reaches the package feed.
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/" 2>/dev/null || true
  chroot "$rootfs" sh -c 'update-ca-certificates >/dev/null; groupadd -g 1654 app; useradd -u 1654 -g 1654 -M app'
  mkdir -p "$rootfs/usr/share/dotnet"
  cp -a "$dn"/{dotnet,host,shared} "$rootfs/usr/share/dotnet/"
  ln -s /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  c=$(buildah from scratch); buildah copy -q "$c" "$rootfs" /
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env APP_UID=1654 \
    --env ASPNETCORE_HTTP_PORTS=8080 --env DOTNET_RUNNING_IN_CONTAINER=true --env DOTNET_VERSION="$ver" \
    --env ASPNET_VERSION="$ver" --cmd /bin/bash "$c"
  buildah commit -q --rm "$c" "$mcr/aspnet:10.0" >/dev/null
  buildah tag "$mcr/aspnet:10.0" "$mcr/runtime:10.0"
  c=$(buildah from --pull=never "$mcr/aspnet:10.0")
  for p in sdk sdk-manifests packs templates metadata; do
    [ ! -e "$dn/$p" ] || buildah copy -q "$c" "$dn/$p" "/usr/share/dotnet/$p"
  done
  buildah config --env DOTNET_NOLOGO=true --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --env NUGET_XMLDOC_MODE=skip "$c"
  buildah commit -q --rm "$c" "$mcr/sdk:10.0" >/dev/null
  rm -rf "$rootfs"
fi

if [ ! -d "$work/node_modules/kubernetes-models" ]; then
  log "installing offline validators (npm)"
  cp "$here/package.json" "$work/package.json"
  (cd "$work" && npm install -s --no-audit --no-fund >/dev/null)
fi
export NODE_PATH="$work/node_modules" SL_VALIDATORS="$work/node_modules/.bin"
log "ready: CONTAINERS_CONF=$CONTAINERS_CONF; validators in \$SL_VALIDATORS; node $here/validate.js compose|k8s FILE..."
