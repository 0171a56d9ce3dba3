#!/usr/bin/env bash
# Debian packages the tests and the demo need: Chromium for the workbench, and what code-server's
# native modules need to build offline (Kerberos and X11 headers; ripgrep instead of a download).
set -euo pipefail
packages=(chromium fonts-wqy-zenhei libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep python3 make g++ git)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Need root to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
