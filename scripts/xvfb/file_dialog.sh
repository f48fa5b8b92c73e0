#!/usr/bin/env bash
# The file dialog on a desktop without the xdg desktop portal, with the real window: under Xvfb, with no D-Bus
# session (no $DBUS_SESSION_BUS_ADDRESS, no bus socket in $XDG_RUNTIME_DIR), File > Import documents (Ctrl+I)
# must open the window's own dialog, and a path typed there must import. Driven by xdotool from the keyboard
# (the dialog's path field has the keyboard when it opens; "Start the import" has it when the import window
# opens); the documents are checked on disk. Needs Xvfb and xdotool (.ci/run installs them).
#
#   scripts/xvfb/file_dialog.sh [path/to/tarmeez] [screenshot-folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-target/debug/tarmeez}")"
shots="${2:-}"
display=":${TARMEEZ_XVFB_DISPLAY:-97}"

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

cp -r projects/al-omar-oilfield "$tmp/project"
rm -rf "$tmp/project/.locks"
find "$tmp/project/annotations" -name '*.ron' ! -name sample.ron -delete
mkdir -p "$tmp/run" "$tmp/config"
corpus="$tmp/corpus.jsonl"
printf '{"id": "drone-raid", "text": "قصفت طائرات مسيرة مواقع في دير الزور"}\n' >"$corpus"

Xvfb "$display" -screen 0 1400x1000x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do DISPLAY="$display" xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$tmp/run" DISPLAY="$display" TARMEEZ_CONFIG_DIR="$tmp/config" \
  TARMEEZ_ANNOTATOR=huda "$bin" "$tmp/project" >"$tmp/app.log" 2>&1 &
pids+=($!)
export DISPLAY="$display"
# --onlyvisible: a window found before it is mapped refuses the focus (BadMatch from X_SetInputFocus).
window="$(timeout 60 xdotool search --sync --onlyvisible --name '^Tarmeez$' | head -1)"
xdotool windowfocus --sync "$window"
sleep 2

shot() { if [ -n "$shots" ] && command -v import >/dev/null; then import -window root "$shots/$1.png"; fi; }
xdotool key ctrl+i
sleep 1.5
shot fallback-dialog
xdotool key ctrl+a
xdotool type --delay 15 "$corpus"
xdotool key Return
sleep 1.5
shot import-window
xdotool key space

for _ in $(seq 150); do [ -f "$tmp/project/documents/drone-raid.ron" ] && break; sleep 0.2; done
shot imported
xdotool key ctrl+q
if [ -f "$tmp/project/documents/drone-raid.ron" ] && grep -q 'دير الزور' "$tmp/project/documents/drone-raid.txt"; then
  echo "xvfb file dialog: a path typed in the window's own dialog imported documents/drone-raid"
  echo "1 passed, 0 failed"
else
  echo "xvfb file dialog: FAILED: Ctrl+I, a typed path, Enter and Space imported nothing" >&2
  ls "$tmp/project/documents" >&2
  cat "$tmp/app.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
