#!/usr/bin/env bash
# Lints the deployment artefacts with whatever linters this machine has: shellcheck on every
# *.sh, yamllint (relaxed) on the workflows, and `terraform fmt -check` when a terraform binary
# happens to exist. A missing linter is skipped with a note, unless --require-tools is given
# (then it is an error); terraform is always optional, since no registry serves it here.
set -euo pipefail

require_tools=false
for arg in "$@"; do
  case "$arg" in
    --require-tools) require_tools=true ;;
    *) echo "usage: $0 [--require-tools]" >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
status=0

missing() {
  if [ "$require_tools" = true ]; then
    echo "lint-deploy: $1 is not installed (apt-get install -y $1)" >&2
    status=1
  else
    echo "lint-deploy: $1 not found, skipped"
  fi
}

if command -v shellcheck >/dev/null 2>&1; then
  mapfile -t scripts < <(find . -name '*.sh' -type f \
    -not -path './node_modules/*' -not -path './.git/*' -not -path '*/.terraform/*' | sort)
  if [ "${#scripts[@]}" -gt 0 ]; then
    echo "lint-deploy: shellcheck ${#scripts[@]} script(s)"
    shellcheck "${scripts[@]}" || status=1
  fi
else
  missing shellcheck
fi

if command -v yamllint >/dev/null 2>&1; then
  echo "lint-deploy: yamllint .github/workflows"
  yamllint -d relaxed .github/workflows || status=1
else
  missing yamllint
fi

if command -v terraform >/dev/null 2>&1; then
  echo "lint-deploy: terraform fmt -check infra/terraform"
  TF_CLI_CONFIG_FILE=/dev/null terraform fmt -check -recursive infra/terraform || status=1
fi

if [ "$status" -eq 0 ]; then echo "lint-deploy: ok"; fi
exit "$status"
