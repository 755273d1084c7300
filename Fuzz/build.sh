#!/usr/bin/env bash
# Builds the libFuzzer harnesses Fuzz/NAME.swift (Docs/Robustness.md) into .build/fuzz/bin:
#   fuzz-NAME    the harness under libFuzzer and AddressSanitizer
#   replay-NAME  the same harness with a main of its own (Fuzz/Support/Replay.swift, -D REPLAY) under AddressSanitizer
#                only: runs every file of the folders and files it is given, once (a regression run of a corpus)
#
#   Fuzz/build.sh              every harness
#   Fuzz/build.sh csv json     those
#
# How: SwiftPM builds the package's library targets (not its executables or tests) with coverage instrumentation
# and AddressSanitizer into their own scratch folder (.build/fuzz; `-enable-testing` so that a harness can set
# internals such as ParallelCSV.minimumBytes), then swiftc links each harness against those objects. SwiftPM
# cannot link the harnesses itself: the targets they need are not products of the package, and a target outside the
# root's Package.swift cannot name them.
#
# Environment: SWIFT (swift), FUZZ_CONFIG (release: -O with debug info; debug builds faster, runs slower),
# FUZZ_SCRATCH (.build/fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-$(dirname "$(command -v "$SWIFT")")/swiftc}
CONFIG=${FUZZ_CONFIG:-release}
SCRATCH=${FUZZ_SCRATCH:-.build/fuzz}
ALL="value csv json xlsx policy words commands draft"
HARNESSES=${*:-$ALL}

# The package's targets each harness links, in dependency order.
data="CIECore CIEData"
policy="$data Yams CYaml CIEPolicyFormat"
draft="$policy CIEDraft"
commands="$draft CIEReport CIEBuiltinPolicies ArgumentParserToolInfo ArgumentParser CIECommands"
targets_of() {
    case $1 in
        value | csv | json | xlsx) echo "$data" ;;
        policy) echo "$policy" ;;
        draft) echo "$draft" ;;
        words | commands) echo "$commands" ;;
        *) echo "Fuzz/build.sh: no harness $1 (there are: $ALL)" >&2; exit 2 ;;
    esac
}
support_of() {
    case $1 in
        csv | json | xlsx) echo "Fuzz/Support/Loading.swift" ;;
        *) echo "" ;;
    esac
}

# The widest target any of them needs (its dependencies come with it).
top=CIEData
for h in $HARNESSES; do
    case $(targets_of "$h") in
        *CIECommands*) top=CIECommands ;;
        *CIEDraft*) [ $top = CIECommands ] || top=CIEDraft ;;
        *CIEPolicyFormat*) [ $top = CIECommands ] || [ $top = CIEDraft ] || top=CIEPolicyFormat ;;
    esac
done

echo "Fuzz/build.sh: building $top and its dependencies ($CONFIG, coverage + AddressSanitizer) in $SCRATCH"
# -sanitize=fuzzer is only for the harnesses' link: with it, SwiftPM's link of the build tool the package's plugin
# runs (cie-embed-policies) fails; the coverage it implies is asked for by name.
"$SWIFT" build -c "$CONFIG" --scratch-path "$SCRATCH" --target "$top" -Xswiftc -enable-testing \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table

BIN=$("$SWIFT" build -c "$CONFIG" --scratch-path "$SCRATCH" --show-bin-path)
OUT=$SCRATCH/bin
mkdir -p "$OUT"
optimize=-O
[ "$CONFIG" = debug ] && optimize=-Onone

# The C modules the Swift modules import: the system libraries' module maps, and the ones SwiftPM wrote.
modulemaps=()
for m in Sources/CZlib/module.modulemap Sources/CLibEdit/module.modulemap "$BIN"/*.build/module.modulemap; do
    [ -f "$m" ] && modulemaps+=(-Xcc "-fmodule-map-file=$m")
done
includes=()
for d in "$SCRATCH"/checkouts/Yams/Sources/CYaml/include; do
    [ -d "$d" ] && includes+=(-Xcc "-I$d")
done

for h in $HARNESSES; do
    objects=()
    for t in $(targets_of "$h"); do
        while IFS= read -r -d '' o; do objects+=("$o"); done < <(find "$BIN/$t.build" -name '*.o' -print0 | sort -z)
    done
    # shellcheck disable=SC2046
    common=(-parse-as-library -g "$optimize" -module-name "Fuzz_$h" -I "$BIN/Modules" "${modulemaps[@]}" "${includes[@]}"
            "Fuzz/$h.swift" $(support_of "$h") Fuzz/Support/Replay.swift "${objects[@]}")
    echo "Fuzz/build.sh: $OUT/fuzz-$h, $OUT/replay-$h"
    # lld, the toolchain's linker: gold warns once per AddressSanitizer helper symbol (about 2,000 lines) and once
    # stopped with an internal error on these objects.
    "$SWIFTC" -use-ld=lld -sanitize=fuzzer,address "${common[@]}" -o "$OUT/fuzz-$h"
    "$SWIFTC" -use-ld=lld -sanitize=address -D REPLAY "${common[@]}" -o "$OUT/replay-$h"
done
