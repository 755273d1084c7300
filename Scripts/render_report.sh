#!/usr/bin/env bash
# Renders the sample HTML reports to pictures, as a reader's browser shows and prints them (Docs/Reports.md):
#   Docs/img/report-qinghai.png        the top of Qinghai's 2020 report at 1400 px
#   Docs/img/report-qinghai-2018.png   QH-06 in 2018, before its deadline: each unit's path to 2020
#   Docs/img/report-review.png         Qinghai's evaluation with its rank ranges
#   Docs/img/report-zhejiang.png       Zhejiang's 2022 report
#   Docs/img/report-qinghai.pdf        Qinghai's report printed to A4 (not committed: make report-pictures writes it)
# Needs headless Chromium and CJK fonts: apt-get install chromium fonts-noto-cjk. Usage: Scripts/render_report.sh [CIE]
set -euo pipefail
cd "$(dirname "$0")/.."
cie=${1:-.build/debug/cie}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "render_report.sh: no Chromium: apt-get install chromium fonts-noto-cjk" >&2
  exit 1
fi
if ! fc-list | grep -i "Noto Sans CJK" >/dev/null; then
  echo "render_report.sh: no Chinese font: apt-get install fonts-noto-cjk" >&2
  exit 1
fi
out=Docs/img
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1796083200   # 2026-12-01 00:00 UTC: the pictures do not change with the day they are made
qh=Samples/qinghai/qinghai_2016_2020.csv
"$cie" report --policy qinghai --data "$qh" --output "$work/qinghai.html" --quiet
"$cie" check --policy qinghai --data "$qh" --year 2018 --target QH-06 --output "$work/qinghai-2018.html" --quiet || true
"$cie" review evaluation --policy qinghai --data "$qh" --output "$work/review.html" --quiet
"$cie" report --policy zhejiang --data Samples/zhejiang/zhejiang_2018_2022.csv --output "$work/zhejiang.html" --quiet

shot() { # html png height
  "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1400,"$3" --screenshot="$2" "file://$1" 2>/dev/null
  echo "wrote $2"
}
shot "$work/qinghai.html" "$out/report-qinghai.png" 2200
# QH-06 in 2018, two years before its deadline: each unit's path to 2020.
shot "$work/qinghai-2018.html" "$out/report-qinghai-2018.png" 3000
shot "$work/review.html" "$out/report-review.png" 1500
shot "$work/zhejiang.html" "$out/report-zhejiang.png" 2000
"$browser" --headless=new --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/report-qinghai.pdf" \
  "file://$work/qinghai.html" 2>/dev/null
echo "wrote $out/report-qinghai.pdf"
