#!/usr/bin/env bash
# How well `cie policy draft` drafts (Docs/Drafting.md, "How well it drafts"): each built-in document's text drafted,
# then measured against its finished package with --compare. Prints the Markdown table Docs/Drafting.md keeps, and
# the targets each draft missed or read otherwise. Usage: Scripts/draft_table.sh [CIE]   (make draft-table)
set -euo pipefail
cd "$(dirname "$0")/.."
cie=${1:-.build/debug/cie}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "| document | reference targets | found, right clause | proposals | precision | deadline | strength | threshold | scope | indicator |"
echo "|---|---|---|---|---|---|---|---|---|---|"
misses=""
totals=(0 0 0 0)
for id in qinghai zhejiang weihai inner-mongolia jilin; do
    region=()
    # The draft for comment names no place in its title or signature: the region is given, as a user would.
    [ "$id" = inner-mongolia ] && region=(--region 150000)
    line=$("$cie" policy draft "Samples/$id/text.txt" --id "$id" "${region[@]}" --compare "Samples/$id" --out "$out/$id" --lang en 2>/dev/null)
    summary=$(grep '^against the reference package' <<<"$line")
    # against the reference package: recall 16/16 (100%), precision 13/18 (72.2%); of the targets found, deadline 93.8%, ...
    read -r found total proposals precise < <(sed -E 's/.*recall ([0-9]+)\/([0-9]+).*precision ([0-9]+)\/([0-9]+).*/\1 \2 \4 \3/' <<<"$summary")
    pct() { sed -E "s/.*$1 ([0-9.]+%).*/\1/" <<<"$summary"; }
    echo "| $id | $total | $found ($(sed -E 's/.*recall [0-9]+\/[0-9]+ \(([0-9.]+%)\).*/\1/' <<<"$summary")) | $proposals | $precise ($(sed -E 's/.*precision [0-9]+\/[0-9]+ \(([0-9.]+%)\).*/\1/' <<<"$summary")) | $(pct deadline) | $(pct strength) | $(pct threshold) | $(pct scope) | $(pct indicator) |"
    totals=($((totals[0] + found)) $((totals[1] + total)) $((totals[2] + proposals)) $((totals[3] + precise)))
    misses+=$(sed -n '/^against the reference package/,$p' <<<"$line" | sed '1d' | sed "s/^ */- $id: /")$'\n'
done
echo "| **all five** | ${totals[1]} | ${totals[0]} ($(( 100 * totals[0] / totals[1] ))%) | ${totals[2]} | ${totals[3]} ($(( 100 * totals[3] / totals[2] ))%) | | | | | |"
echo
echo "Missed or read otherwise:"
echo
printf '%s' "$misses" | grep -v '^$' || true
