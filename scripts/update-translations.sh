#!/usr/bin/env bash
# Refresh the English translations after changing texts: the window's (Qt Linguist) and everything
# else's (gettext).
#
#   scripts/update-translations.sh
#
# The window (workbench/ui, tr("中文")):
# 1. pyside6-lupdate collects every tr("…") text of workbench/ui into resources/translations/workbench_en.ts
#    (new texts appear as "unfinished"; texts no longer in the code are dropped);
# 2. translate the unfinished entries (pyside6-linguist, or any editor);
# 3. run this again: pyside6-lrelease compiles the .ts into the .qm the app loads.
# tests/ui/test_translations.py fails while an entry is unfinished or the .qm is stale.
#
# Everything outside Qt (command line, services, reasons, labels, reports; N_("中文") / NC_(ctx, "中文")):
# 1. Babel extracts every marked text of workbench/ into a template and updates
#    resources/locale/en/LC_MESSAGES/workbench.po (new texts get an empty msgstr; texts no longer in the
#    code are dropped);
# 2. write the English of the empty entries (any .po editor: Poedit, Lokalize, or a text editor);
# 3. run this again: pybabel compiles the .po into the workbench.mo the app loads.
# tests/test_texts.py fails while an entry is empty, an entry is stale, or the .mo differs from the .po.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
status=0

TS=resources/translations/workbench_en.ts
mapfile -t SOURCES < <(find workbench/ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${SOURCES[@]}" -ts "$TS" -no-obsolete -locations none
.venv/bin/pyside6-lrelease "$TS" -qm "${TS%.ts}.qm"
# Qt's own Chinese (qtbase_zh_CN.qm comes with PySide6) lacks a few newer texts: our supplement.
.venv/bin/pyside6-lrelease -silent resources/translations/qtbase_supplement_zh_CN.ts \
    -qm resources/translations/qtbase_supplement_zh_CN.qm
if grep -q 'type="unfinished"' "$TS"; then
    echo "[translations] $(grep -c 'type="unfinished"' "$TS") text(s) still need an English translation in $TS" >&2
    status=1
fi

LOCALE=resources/locale
PO="$LOCALE/en/LC_MESSAGES/workbench.po"
POT="$(mktemp --suffix=.pot)"
trap 'rm -f "$POT"' EXIT
# The keywords are workbench.texts' markers; the options match tests/test_texts.py.
.venv/bin/pybabel -q extract --no-default-keywords -k N_ -k NC_:1c,2 -k ngettext:1,2 \
    --no-location --sort-output --no-wrap --project=workbench --charset=utf-8 -o "$POT" workbench
if [[ -f "$PO" ]]; then
    .venv/bin/pybabel -q update -D workbench -l en -i "$POT" -d "$LOCALE" \
        --no-fuzzy-matching --ignore-obsolete --no-wrap
else
    .venv/bin/pybabel -q init -D workbench -l en -i "$POT" -d "$LOCALE" --no-wrap
fi
.venv/bin/pybabel -q compile -D workbench -d "$LOCALE"
missing="$(.venv/bin/python - "$PO" <<'PY'
import sys
from babel.messages.pofile import read_po
with open(sys.argv[1], "rb") as f:
    catalog = read_po(f)
print(sum(1 for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))))
PY
)"
if [[ "$missing" != 0 ]]; then
    echo "[translations] $missing text(s) still need an English translation in $PO" >&2
    status=1
fi
exit "$status"
