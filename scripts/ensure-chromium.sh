#!/usr/bin/env bash
# The sidebar test drives Debian's Chromium through playwright-core (test tools cannot download browsers here).
# Installs it when missing; needs root, as on CI and the project's machines.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium is missing: install Debian's chromium package (apt-get install chromium) to run the sidebar test" >&2
  exit 1
fi
echo "Installing Debian's chromium for the sidebar test…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
