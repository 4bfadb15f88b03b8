#!/usr/bin/env bash
# setup.sh: installs everything CNI Campus needs on a Debian 12 machine.
# Idempotent: checks first and only installs what is missing. Sourced/called by ./campus.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
IMGUI_VERSION=1.86

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

APT_PACKAGES=(
  cmake ninja-build g++ clang clang-format libclang-rt-14-dev
  emscripten binaryen nlohmann-json3-dev doctest-dev
  chromium fonts-inter python3-fonttools brotli xz-utils dpkg-dev
)

need_apt=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done

if ((${#need_apt[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: this system has no apt-get. Install these (Debian 12 names) and run again:" >&2
    printf '  %s\n' "${need_apt[@]}" >&2
    echo "  and Dear ImGui ${IMGUI_VERSION} sources unpacked into $CACHE/imgui" >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  say "installing Debian packages: ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
else
  say "Debian packages present"
fi

# Dear ImGui sources (Debian's source package; never committed).
if [ ! -f "$CACHE/imgui/imgui.cpp" ]; then
  say "fetching Dear ImGui ${IMGUI_VERSION} sources from Debian's source package"
  SRC_LIST=/etc/apt/sources.list.d/cni-campus-src.sources
  if ! apt-get indextargets 2>/dev/null | grep -q 'Identifier: Sources'; then
    SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
    $SUDO tee "$SRC_LIST" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    $SUDO apt-get update -qq
  fi
  mkdir -p "$CACHE/dl"
  (cd "$CACHE/dl" && apt-get source --download-only -qq imgui >/dev/null)
  orig=$(ls "$CACHE"/dl/imgui_${IMGUI_VERSION}*.orig.tar.xz | head -1)
  rm -rf "$CACHE/imgui.tmp" && mkdir -p "$CACHE/imgui.tmp"
  tar -xJf "$orig" -C "$CACHE/imgui.tmp" --strip-components=1
  rm -rf "$CACHE/imgui" && mv "$CACHE/imgui.tmp" "$CACHE/imgui"
else
  say "Dear ImGui sources present"
fi

# npm dev dependencies (playwright-core, google-closure-compiler; no browser download).
if [ ! -d "$ROOT/node_modules/playwright-core" ] || [ ! -d "$ROOT/node_modules/google-closure-compiler" ]; then
  say "installing npm dev dependencies"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
else
  say "npm dev dependencies present"
fi
say "done"
