#!/usr/bin/env bash
# Refresh the window's English translation after changing UI texts.
#
#   scripts/update-translations.sh
#
# 1. pyside6-lupdate collects every tr("…") text of workbench/ui into resources/translations/workbench_en.ts
#    (new texts appear as "unfinished"; texts no longer in the code are dropped);
# 2. translate the unfinished entries (pyside6-linguist, or any editor);
# 3. run this again: pyside6-lrelease compiles the .ts into the .qm the app loads.
# tests/ui/test_translations.py fails while an entry is unfinished or the .qm is stale.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TS=resources/translations/workbench_en.ts
mapfile -t SOURCES < <(find workbench/ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${SOURCES[@]}" -ts "$TS" -no-obsolete -locations none
.venv/bin/pyside6-lrelease "$TS" -qm "${TS%.ts}.qm"
if grep -q 'type="unfinished"' "$TS"; then
    echo "[translations] $(grep -c 'type="unfinished"' "$TS") text(s) still need an English translation in $TS" >&2
    exit 1
fi
