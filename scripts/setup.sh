#!/usr/bin/env bash
# Create or refresh the project's virtual environment in .venv.
#
#   scripts/setup.sh            # run it
#   source scripts/setup.sh     # run it and keep its environment (PATH, VIRTUAL_ENV, ...)
#
# Idempotent: the install step is skipped when .venv/.workbench-setup.sha256 matches the sha256 of
# pyproject.toml + this script + the repo path + the interpreter. Progress goes to stderr, so the
# stdout of whatever runs afterwards (the `workbench` CLI) stays clean.
#
# Knobs: WORKBENCH_PYTHON=/path/to/python3.x picks the interpreter; WORKBENCH_FORCE_SETUP=1 reinstalls.

# Everything lives in functions so that `source` leaves the caller's shell options alone.

_wb_now() { date +%s.%N; }
_wb_since() { awk -v a="$1" -v b="$(_wb_now)" 'BEGIN { printf "%.1fs", b - a }'; }
_wb_log() { printf '[setup] %s\n' "$*" >&2; }

# Print the path of a CPython 3.11-3.13 that can make venvs, or nothing.
_wb_find_python() {
    local candidates=() c
    [[ -n "${WORKBENCH_PYTHON:-}" ]] && candidates+=("$WORKBENCH_PYTHON")
    candidates+=(python3 python3.13 python3.12 python3.11 /usr/bin/python3)
    for c in "${candidates[@]}"; do
        command -v "$c" >/dev/null 2>&1 || continue
        if "$c" -c 'import sys, venv, ensurepip; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 14)))' \
            >/dev/null 2>&1; then
            # Resolve pyenv shims and the like to the real interpreter.
            "$c" -c 'import sys; print(sys.executable)'
            return 0
        fi
    done
    return 1
}

_wb_setup() {
    local root t0 t py key stamp venv
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    venv="$root/.venv"
    stamp="$venv/.workbench-setup.sha256"
    t0="$(_wb_now)"

    # Byte-code: these machines export PYTHONDONTWRITEBYTECODE=1; without .pyc files every start recompiles.
    unset PYTHONDONTWRITEBYTECODE
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    # TLS: uv honours SSL_CERT_FILE (set on these machines, the proxy's CA is in it); elsewhere use the
    # platform's certificate store.
    if [[ -z "${SSL_CERT_FILE:-}" ]]; then export UV_SYSTEM_CERTS=1; fi

    py="$(_wb_find_python || true)"
    if [[ -z "$py" ]]; then
        if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
            _wb_log "no Python 3.11-3.13 with venv found; installing python3 python3-venv with apt-get"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
            py="$(_wb_find_python || true)"
        fi
        if [[ -z "$py" ]]; then
            _wb_log "ERROR: need CPython 3.11, 3.12 or 3.13 with the venv module (Debian: apt-get install python3-venv)"
            return 1
        fi
    fi

    key="$(cat "$root/pyproject.toml" "$root/scripts/setup.sh" | sha256sum | cut -d' ' -f1)"
    key="$key $root $("$py" -c 'import sys; print(sys.version.split()[0])')"

    # A venv is healthy if its python runs; a moved repo or a removed base interpreter breaks it.
    if [[ -x "$venv/bin/python" ]] && ! "$venv/bin/python" -c '' >/dev/null 2>&1; then
        _wb_log ".venv is broken; recreating it"
        rm -rf "$venv"
    fi

    if [[ -z "${WORKBENCH_FORCE_SETUP:-}" && -f "$stamp" && "$(cat "$stamp")" == "$key" ]]; then
        _wb_log "environment up to date ($(_wb_since "$t0"))"
    else
        if [[ -x "$venv/bin/python" ]] && [[ "$("$venv/bin/python" -c 'import sys; print(sys.version.split()[0])')" \
                != "$("$py" -c 'import sys; print(sys.version.split()[0])')" ]]; then
            _wb_log ".venv was made with another Python; recreating it with $py"
            rm -rf "$venv"
        fi
        if [[ ! -x "$venv/bin/python" ]]; then
            t="$(_wb_now)"
            "$py" -m venv "$venv" || { _wb_log "ERROR: '$py -m venv' failed"; return 1; }
            _wb_log "created .venv with $("$venv/bin/python" -V 2>&1) ($(_wb_since "$t"))"
        fi
        if [[ ! -x "$venv/bin/uv" ]]; then
            t="$(_wb_now)"
            "$venv/bin/python" -m pip install -q 'uv>=0.13,<0.14' >&2 || { _wb_log "ERROR: pip install uv failed"; return 1; }
            _wb_log "installed $("$venv/bin/uv" --version) into .venv ($(_wb_since "$t"))"
        fi
        t="$(_wb_now)"
        (cd "$root" && "$venv/bin/uv" pip install -q --python "$venv/bin/python" --compile-bytecode -e '.[test]') \
            || { _wb_log "ERROR: uv pip install failed"; return 1; }
        _wb_log "installed workbench + dependencies ($(_wb_since "$t"))"
        printf '%s' "$key" >"$stamp"
        _wb_log "setup done ($(_wb_since "$t0"))"
    fi

    export VIRTUAL_ENV="$venv"
    case ":$PATH:" in *":$venv/bin:"*) ;; *) export PATH="$venv/bin:$PATH" ;; esac
    return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    _wb_setup
else
    _wb_setup
fi
