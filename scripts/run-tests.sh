#!/usr/bin/env bash
# Set everything up (if needed) and run the whole test suite: ruff check, mypy, then pytest.
#
#   scripts/run-tests.sh [PYTEST ARGS...]      e.g. scripts/run-tests.sh -k money -x
#
# With CI=true a missing PostgreSQL is an error; otherwise its tests are skipped.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/system-deps.sh all
source scripts/setup.sh
source scripts/ensure-postgres.sh
trap wb_stop_throwaway_postgres EXIT
if [[ -z "${WORKBENCH_TEST_PG_URL:-}" && "${CI:-}" == true ]]; then
    echo "[run-tests] CI=true and no PostgreSQL server could be had: failing" >&2
    exit 1
fi

export QT_QPA_PLATFORM=offscreen MPLBACKEND=Agg
unset PYTHONDONTWRITEBYTECODE

echo "== ruff check ."
ruff_rc=0
ruff check --output-format=concise . || ruff_rc=$?

echo "== mypy (strict on domain, store, services)"
mypy_rc=0
mypy || mypy_rc=$?

echo "== pytest"
pytest_rc=0
python -m pytest "$@" || pytest_rc=$?

if ((ruff_rc != 0)); then
    echo "[run-tests] ruff check failed (exit $ruff_rc)" >&2
fi
if ((mypy_rc != 0)); then
    echo "[run-tests] mypy failed (exit $mypy_rc)" >&2
fi
if ((pytest_rc != 0)); then exit "$pytest_rc"; fi
if ((ruff_rc != 0)); then exit "$ruff_rc"; fi
exit "$mypy_rc"
