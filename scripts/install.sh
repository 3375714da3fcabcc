#!/usr/bin/env bash
# Installs inspect (called by `make install`; `make uninstall` calls it with --uninstall).
#
#   PREFIX=/usr/local DESTDIR= bash scripts/install.sh [--uninstall]
#
# Lays out, below $DESTDIR$PREFIX:
#   bin/inspect                                         the release binary
#   share/inspect/checklists/*.yaml, share/inspect/config/*.yaml
#                                                       templates and policies, found by the binary when the working
#                                                       directory has no ./checklists or ./config
#   share/bash-completion/completions/inspect, share/zsh/site-functions/_inspect,
#   share/fish/vendor_completions.d/inspect.fish        shell completions (argument-parser's generator)
#   share/man/man1/inspect*.1                           man pages (argument-parser's generate-manual plugin)
#   share/inspect/install-manifest.txt                  every file installed, for --uninstall
# INSPECT_BIN=PATH installs that binary instead of building the release one; INSPECT_MAN=skip leaves out the man
# pages (the plugin builds the tool again, which takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"
root="${DESTDIR:-}$prefix"
manifest="$root/share/inspect/install-manifest.txt"

if [ "${1:-}" = "--uninstall" ]; then
  [ -f "$manifest" ] || { echo "uninstall: nothing installed at $root (no $manifest)" >&2; exit 1; }
  while IFS= read -r file; do
    rm -f "$root/$file"
  done <"$manifest"
  rm -f "$manifest"
  # Remove the folders this install made, if empty now.
  for dir in share/inspect/checklists share/inspect/config share/inspect share/man/man1 share/man share/bash-completion/completions \
    share/bash-completion share/zsh/site-functions share/zsh share/fish/vendor_completions.d share/fish bin share; do
    rmdir "$root/$dir" 2>/dev/null || true
  done
  echo "uninstalled inspect from $root"
  exit 0
fi

if [ -n "${INSPECT_BIN:-}" ]; then
  bin="$INSPECT_BIN"
else
  source scripts/setup.sh
  swift build -c release --product inspect 2>&1 | tail -n 1
  bin="$(swift build -c release --show-bin-path)/inspect"
fi
[ -x "$bin" ] || { echo "install: no inspect binary at $bin" >&2; exit 1; }

installed=()
put() { # put MODE SOURCE RELATIVE-DESTINATION
  install -D -m "$1" "$2" "$root/$3"
  installed+=("$3")
}
put 755 "$bin" bin/inspect
for file in checklists/*.yaml; do put 644 "$file" "share/inspect/$file"; done
for file in config/*.yaml; do put 644 "$file" "share/inspect/$file"; done

completions=$(mktemp -d)
trap 'rm -rf "$completions"' EXIT
"$bin" --generate-completion-script bash >"$completions/inspect.bash"
"$bin" --generate-completion-script zsh >"$completions/_inspect"
"$bin" --generate-completion-script fish >"$completions/inspect.fish"
put 644 "$completions/inspect.bash" share/bash-completion/completions/inspect
put 644 "$completions/_inspect" share/zsh/site-functions/_inspect
put 644 "$completions/inspect.fish" share/fish/vendor_completions.d/inspect.fish

if [ "${INSPECT_MAN:-}" != "skip" ]; then
  man="$completions/man"
  mkdir -p "$man"
  if swift package plugin generate-manual --multi-page --output-directory "$man" >"$completions/man.log" 2>&1 \
    || swift package --allow-writing-to-directory "$man" generate-manual --multi-page --output-directory "$man" >>"$completions/man.log" 2>&1; then
    for page in "$man"/*.1; do put 644 "$page" "share/man/man1/$(basename "$page")"; done
  else
    tail -n 5 "$completions/man.log" >&2
    echo "install: the man pages could not be generated (argument-parser's generate-manual plugin); installed without them" >&2
  fi
fi

mkdir -p "$(dirname "$manifest")"
printf '%s\n' "${installed[@]}" >"$manifest"
echo "installed inspect $("$root/bin/inspect" --version | head -n 1 | cut -d' ' -f2) into $root (${#installed[@]} files; manifest $manifest)"
