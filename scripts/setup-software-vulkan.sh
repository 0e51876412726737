#!/usr/bin/env bash
# Make a software Vulkan driver (SwiftShader, from Debian's chromium-common) visible to
# Dawn, the WebGPU implementation in the npm package `webgpu`, on a machine without a GPU.
#
#   eval "$(bash scripts/setup-software-vulkan.sh)"   # sets VK_ICD_FILENAMES in this shell
#
# Idempotent: the driver is extracted once into .cache/swiftshader (git-ignored) and reused.
# The only line on stdout is the export; progress goes to stderr. Needs apt (Debian/Ubuntu)
# and, the first time, root for `apt-get install libvulkan1` (the Vulkan loader).
# Exits non-zero, with the reason on stderr, if it cannot set the driver up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${JRNG_SWIFTSHADER_DIR:-$ROOT/.cache/swiftshader}"
ICD="$CACHE/vk_swiftshader_icd.json"
log() { printf 'setup-software-vulkan: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1
  fi
}

# 1. The Vulkan loader (libvulkan.so.1), which Dawn dlopens.
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1'; then
  log "installing libvulkan1 (the Vulkan loader)"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q libvulkan1 >&2; then
    as_root apt-get -o DPkg::Lock::Timeout=600 update -q >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q libvulkan1 >&2
  fi
fi

# 2. SwiftShader's Vulkan ICD, extracted from chromium-common without installing Chromium.
if [ ! -s "$CACHE/libvk_swiftshader.so" ] || [ ! -s "$ICD" ]; then
  log "extracting SwiftShader from chromium-common into $CACHE"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  if ! (cd "$work" && apt-get download chromium-common >&2 2>/dev/null); then
    as_root apt-get -o DPkg::Lock::Timeout=600 update -q >&2
    (cd "$work" && apt-get download chromium-common >&2)
  fi
  dpkg-deb -x "$work"/chromium-common_*.deb "$work/x"
  so="$(find "$work/x" -name libvk_swiftshader.so | head -n 1)"
  if [ -z "$so" ]; then
    log "chromium-common has no libvk_swiftshader.so"
    exit 1
  fi
  mkdir -p "$CACHE"
  cp "$so" "$CACHE/libvk_swiftshader.so"
  # Point the ICD manifest at the copied library by absolute path.
  cat >"$ICD" <<JSON
{
  "file_format_version": "1.0.0",
  "ICD": {
    "library_path": "$CACHE/libvk_swiftshader.so",
    "api_version": "1.0.5"
  }
}
JSON
  dpkg-deb -f "$work"/chromium-common_*.deb Version >"$CACHE/VERSION"
  log "SwiftShader from chromium-common $(cat "$CACHE/VERSION")"
fi

echo "export VK_ICD_FILENAMES=$ICD"
