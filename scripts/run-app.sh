#!/usr/bin/env bash
# Set everything up (if needed) and run the app.
#
#   scripts/run-app.sh                                  # opens the GUI
#   scripts/run-app.sh calc resources/demo/case-a.json  # any arguments go to the `workbench` CLI
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$ROOT/scripts/system-deps.sh" qt
source "$ROOT/scripts/setup.sh"
unset PYTHONDONTWRITEBYTECODE

if (($# == 0)) && [[ "$(uname -s)" == Linux && -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]]; then
    echo "[run-app] no DISPLAY or WAYLAND_DISPLAY: the window needs a screen" \
        "(try: xvfb-run -a scripts/run-app.sh; CLI commands work without one)" >&2
    exit 1
fi
exec "$ROOT/.venv/bin/workbench" "$@"
