#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), as a script CI runs locally on fixtures.
#
# Inputs (environment): AWSGEN_TASK_DEFINITIONS and AWSGEN_JOB_DEFINITIONS, files or glob
# patterns separated by spaces or newlines; AWSGEN_SARIF=true to also write SARIF;
# AWSGEN_STRICT=true to fail on warnings. AWSGEN_LINT names an installed lint to use instead of
# building it from this repository. Writes `sarif-file=PATH` to $GITHUB_OUTPUT when asked for
# SARIF. Exits 1 when the lint finds an error (or a warning under strict), 2 on bad input.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${GITHUB_OUTPUT:-/dev/null}
tmp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}

lint=${AWSGEN_LINT:-}
if [ -z "$lint" ]; then
    root="$tmp/awsgen-lint"
    lint="$root/bin/awsgen-lint"
    if [ ! -x "$lint" ]; then
        echo "::group::Installing awsgen-lint"
        cargo install --quiet --locked --path "$repo/lint" --root "$root"
        echo "::endgroup::"
    fi
fi

# Expands the patterns of one input into files (a pattern that matches nothing is an error:
# a typo in a workflow must not pass as "nothing to lint").
expand() {
    local patterns=$1 pattern
    local -a found
    shopt -s nullglob globstar
    for pattern in $patterns; do
        found=($pattern)
        if [ ${#found[@]} -eq 0 ]; then
            echo "::error::awsgen-lint: no file matches '$pattern'" >&2
            return 2
        fi
        printf '%s\n' "${found[@]}"
    done
}

strict=()
[ "${AWSGEN_STRICT:-false}" = true ] && strict=(--deny-warnings)
status=0
sarif_files=()
run() {
    local service=$1 operation=$2 patterns=$3
    [ -n "${patterns//[[:space:]]/}" ] || return 0
    local list
    local -a files
    list=$(expand "$patterns") || return 2
    mapfile -t files <<<"$list"
    "$lint" "$service" "$operation" --format github "${strict[@]}" "${files[@]}" || status=$?
    if [ "${AWSGEN_SARIF:-false}" = true ]; then
        local sarif="$tmp/awsgen-lint-$service.sarif"
        "$lint" "$service" "$operation" --format sarif "${strict[@]}" "${files[@]}" >"$sarif" || true
        sarif_files+=("$sarif")
    fi
}
tasks=${AWSGEN_TASK_DEFINITIONS:-}
jobs=${AWSGEN_JOB_DEFINITIONS:-}
if [ -z "${tasks//[[:space:]]/}${jobs//[[:space:]]/}" ]; then
    echo "::error::awsgen-lint: give task-definitions or job-definitions" >&2
    exit 2
fi
run ecs register-task-definition "$tasks" || status=$?
run batch register-job-definition "$jobs" || status=$?
if [ ${#sarif_files[@]} -gt 0 ]; then
    # One run per service, one file for code scanning.
    sarif="$tmp/awsgen-lint.sarif"
    python3 - "$sarif" "${sarif_files[@]}" <<'PY'
import json, sys
out, parts = sys.argv[1], sys.argv[2:]
docs = [json.load(open(p)) for p in parts]
merged = dict(docs[0])
merged["runs"] = [run for d in docs for run in d.get("runs", [])]
json.dump(merged, open(out, "w"), indent=2)
PY
    echo "sarif-file=$sarif" >>"$out"
fi
exit "$status"
