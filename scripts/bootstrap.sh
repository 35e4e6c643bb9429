# Sourced by scripts/start and scripts/test: make .venv and install the project into it.
# Installs again only when pyproject.toml has changed since the last install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
extras="${1:-}"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
  echo "Creating $venv" >&2
  "$python" -m venv "$venv"
fi
stamp="$venv/.installed${extras:+-$extras}"
if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
  echo "Installing the project and its dependencies into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -e "$root${extras:+[$extras]}"
  touch "$stamp"
fi
# The pages' front-end packages (editor, API docs, graph views), served by the app itself: no CDN.
static="$root/api/static"
if [ ! -d "$static/node_modules" ] || [ "$static/package-lock.json" -nt "$static/node_modules/.package-lock.json" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "Installing the pages' front-end packages into $static/node_modules" >&2
    (cd "$static" && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "npm not found: the query page falls back to a plain text box. Install Node.js and npm for the editor." >&2
  fi
fi
# The browser tests drive Debian's Chromium (Playwright never downloads a browser of its own here).
if [ "$extras" = "test" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the browser tests" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium not found: install Debian's chromium package (as root: apt-get install chromium)." >&2
  fi
fi
export PATH="$venv/bin:$PATH"
