#!/usr/bin/env bash
# Installs what inspect needs on a Debian machine (run as root) and makes sure Swift is on PATH.
# Safe to run again: it installs only what is missing.
set -euo pipefail

# chromium and fonts-noto-cjk: the tests lay the HTML report out in a real browser at phone width (Chinese text in
# its real font).
packages=(libjpeg-dev libpng-dev libsqlite3-dev libssl-dev pkg-config postgresql-15 chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  else
    echo "setup: Swift 6.2 or newer is needed (swift.org/install); it is not on PATH" >&2
    exit 1
  fi
fi
