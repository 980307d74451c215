#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, test and convert with pdf2struct.
# Idempotent: installs only missing packages. Needs root for apt-get; otherwise it says what
# to install and fails.
set -euo pipefail

# libcairo2-dev: inspect renders pages with cairo; fonts-dejavu-core: its tag labels;
# chromium: the test that opens inspect's index.html headless.
# qpdf: the fault tests encrypt PDFs with it; util-linux: their setpriv and unshare.
debian=(pkg-config libpoppler-glib-dev libglib2.0-dev libcairo2-dev libgoogle-perftools-dev fonts-dejavu-core poppler-utils pandoc chromium qpdf util-linux)
missing=()
for package in "${debian[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "pdf2struct needs these Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tests validate every JSON output against the published schema with python-jsonschema.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "installing python jsonschema" >&2
  python3 -m pip install --quiet jsonschema || {
    echo "cannot install the python package jsonschema (pip install jsonschema)" >&2; exit 1; }
fi
