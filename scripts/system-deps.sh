#!/usr/bin/env bash
# Install the Debian packages the app and its tests need, but only those `dpkg -s` reports missing.
#
#   scripts/system-deps.sh            # everything (Qt offscreen + Xvfb + poppler + fontconfig + LibreOffice Calc)
#   scripts/system-deps.sh qt         # only what a GUI start needs (run-app.sh)
#
# Installs only as root with apt-get; otherwise prints what is missing and carries on (exit 0).
# Progress goes to stderr.
set -euo pipefail

log() { printf '[system-deps] %s\n' "$*" >&2; }

QT_OFFSCREEN=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 fontconfig)
QT_XCB=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxcb-xkb1)
XVFB=(xvfb xauth)
PDF_TOOLS=(poppler-utils)
# Tests only: a real spreadsheet engine recalculates the exported workbooks' formulas (issue #16).
SPREADSHEET=(libreoffice-calc-nogui)

case "${1:-all}" in
    qt) wanted=("${QT_OFFSCREEN[@]}" "${QT_XCB[@]}") ;;
    all) wanted=("${QT_OFFSCREEN[@]}" "${QT_XCB[@]}" "${XVFB[@]}" "${PDF_TOOLS[@]}" "${SPREADSHEET[@]}") ;;
    *) log "usage: $0 [all|qt]"; exit 2 ;;
esac

if ! command -v dpkg >/dev/null 2>&1; then
    log "no dpkg here (not Debian/Ubuntu); make sure these are installed: ${wanted[*]}"
    exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
    # "install ok installed" is the only state in which the package's files are really there.
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    log "all ${#wanted[@]} Debian packages present"
    exit 0
fi

if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "MISSING (not root or no apt-get, not installing): ${missing[*]}"
    log "install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
    exit 0
fi

t0=$(date +%s.%N)
export DEBIAN_FRONTEND=noninteractive
# man-db rebuilds its index after every install (~5 s); nobody reads man pages here.
if [[ -e /var/lib/man-db/auto-update ]]; then
    echo 'man-db man-db/auto-update boolean false' | debconf-set-selections 2>/dev/null || true
    rm -f /var/lib/man-db/auto-update
fi
log "installing: ${missing[*]}"
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
log "installed ${#missing[@]} package(s) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }')"
