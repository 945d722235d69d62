#!/usr/bin/env bash
# The cruscotto's browser tests drive Debian's Chromium (playwright-core cannot download browsers on
# machines that reach only npm and Debian); fonts-dejavu-core also draws the labels of the digest's
# chart image. Installs both when missing, if this user may (root); otherwise says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium or its fonts are missing: sudo apt-get install -y chromium fonts-dejavu-core" >&2
  exit 1
fi
echo "== installing Chromium and fonts (apt-get) =="
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
