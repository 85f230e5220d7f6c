#!/usr/bin/env bash
# Installs everything slagen and its tests need on a fresh Debian machine. Idempotent:
# a second run only checks. Debian packages:
#   libharfbuzz-subset0  WeasyPrint's fast, reproducible font subsetter
#   fonts-dejavu-core    the fonts the templates use
#   poppler-utils        pdftotext/pdftoppm, used by the tests and the page-image review script
#   libreoffice-writer-nogui  opens the DOCX output in the tests (headless)
#   qpdf                 checks the structure of signed PDFs in the tests (qpdf --check)
set -euo pipefail
cd "$(dirname "$0")/.."
APT_PKGS=(libharfbuzz-subset0 fonts-dejavu-core poppler-utils libreoffice-writer-nogui qpdf)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
stamp=.setup-stamp
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ] || ! python3 -c "import slagen, weasyprint, docx, pypdf" 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
  command -v pyenv >/dev/null && pyenv rehash || true
  touch "$stamp"
fi
