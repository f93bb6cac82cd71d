# shellcheck shell=bash
# Loads the connection settings of the local services from <repo>/services.env.
#
# Source it from any bash script, from any directory:
#   source "<repo>/scripts/lib/settings.sh"
# Every KEY=VALUE line becomes an exported variable unless a variable of that name is
# already set in the environment, so `MODULAR_PG_PORT=6000 scripts/services up` wins
# over the file. Also sets MODULAR_ROOT to the repository root.
# Safe under `set -euo pipefail`; defines no other variables or functions.

MODULAR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MODULAR_ROOT

__modular_load_settings() {
  local file="$MODULAR_ROOT/services.env" line key
  [[ -r $file ]] || { echo "settings.sh: cannot read $file" >&2; return 1; }
  while IFS= read -r line || [[ -n $line ]]; do
    line="${line%$'\r'}"                                # tolerate CRLF checkouts
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue       # comments and blank lines
    key="${line%%=*}"
    key="${key//[[:space:]]/}"
    [[ $line == *=* && $key =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    # Only fill in what the environment did not set: the environment overrides the file.
    [[ -n ${!key+set} ]] || export "$key=${line#*=}"
  done < "$file"
}
__modular_load_settings
unset -f __modular_load_settings
