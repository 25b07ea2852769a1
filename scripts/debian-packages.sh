#!/usr/bin/env bash
# Debian packages cancu reads files with, installed when run as root on a Debian-like system (else a note):
#   tesseract-ocr tesseract-ocr-vie   OCR of scanned PDFs, in Vietnamese (tesseract-ocr brings English too)
#   libreoffice-writer-nogui          .doc (Word 97-2003) files, converted to .docx
# Usage: scripts/debian-packages.sh [extra packages...]  (scripts/test.sh adds chromium for the browser test)
set -uo pipefail
wanted=(tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui "$@")
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "note: not installed: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]}); scanned PDFs and .doc files need them" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}" >&2
if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}") >/dev/null 2>&1; then
  echo "note: could not install ${missing[*]}; scanned PDFs and .doc files will be refused, saying why, and their tests skipped" >&2
fi
exit 0
