#!/usr/bin/env bash
# Which post-MVP WebAssembly features a module really uses, read from its bytes (wabt's wasm-objdump), not from
# what its producer claims in a target_features section.
#
#   bash guests/wasm-features.sh FILE.wasm...     prints "FILE: <features> (padded call_indirect: N of M)"
#   source guests/wasm-features.sh                defines features_used FILE and padded_call_indirects FILE
#
# Feature names are wasm-validate's (--disable-<name> / --enable-<name>). What counts as a use:
#   sign-extension           i32/i64.extend8_s, extend16_s, i64.extend32_s
#   saturating-float-to-int  any *.trunc_sat_*
#   bulk-memory              memory.copy/fill/init, data.drop, table.copy/init, elem.drop, a passive data or element
#                            segment (element segment flags 1)
#   reference-types          ref.null/is_null/func, table.get/set/size/grow/fill, typed select, externref, more than
#                            one table, call_indirect through a table other than 0 or with its table index written
#                            in more than one byte (padded LEB128), element segment flags 2..7
#   multi-value              a function type with more than one result, a block type given by type index
#   mutable-globals          an imported or exported mutable global
#   extended-const           i32/i64 add, sub or mul in a constant expression
#   simd                     any v128 type or instruction
# Only the MVP + these are recognised; a module using another proposal still validates or not as wabt decides.

# Prints the number of call_indirect instructions whose table index takes more than one byte, then the total.
padded_call_indirects() {
    local file="$1" off hex i b padded=0 total=0
    while read -r off; do
        total=$((total + 1))
        hex="$(xxd -s "0x$off" -l 11 -p "$file")"
        i=2                                      # skip the opcode 0x11
        while b=$((16#${hex:i:2})); i=$((i + 2)); [ "$b" -ge 128 ]; do :; done   # type index
        [ $((16#${hex:i:2})) -ge 128 ] && padded=$((padded + 1))                # first byte of the table index
    done < <(wasm-objdump -d "$file" 2>/dev/null | sed -n 's/^ *\([0-9a-f]*\): 11 .*| *call_indirect .*/\1/p')
    echo "$padded $total"
}

# Succeeds when the wasm-objdump -x text in $1 shows an exported global that is mutable.
exports_mutable_global() {
    local g
    for g in $(sed -n 's/^ - global\[\([0-9]*\)\] -> .*/\1/p' <<<"$1"); do
        grep -qE "^ - global\[$g\] [a-z0-9]+ mutable=1" <<<"$1" && return 0
    done
    return 1
}

# Prints the features used, space-separated, in the order listed above.
features_used() {
    local file="$1" dis hdr used=() exported
    dis="$(wasm-objdump -d "$file" 2>/dev/null | sed -n 's/^[^|]*| *//p')"
    hdr="$(wasm-objdump -x "$file" 2>/dev/null)"
    grep -qE '^(i32|i64)\.extend(8|16|32)_s' <<<"$dis" && used+=(sign-extension)
    grep -qE '^[if](32|64)\.trunc_sat_' <<<"$dis" && used+=(saturating-float-to-int)
    if grep -qE '^(memory\.(copy|fill|init)|data\.drop|table\.(copy|init)|elem\.drop)' <<<"$dis" \
        || grep -qE '^ - segment\[[0-9]+\] (passive|flags=1 )' <<<"$hdr"; then
        used+=(bulk-memory)
    fi
    if grep -qE '^(ref\.(null|is_null|func)|table\.(get|set|size|grow|fill)|select [a-z])' <<<"$dis" \
        || grep -qE '^call_indirect [1-9]' <<<"$dis" \
        || grep -q externref <<<"$hdr" \
        || grep -qE '^ - segment\[[0-9]+\] flags=[2-7] ' <<<"$hdr" \
        || grep -qE '^Table\[([2-9]|[1-9][0-9]+)\]' <<<"$hdr" \
        || [ "$(padded_call_indirects "$file" | cut -d' ' -f1)" -gt 0 ]; then
        used+=(reference-types)
    fi
    if grep -qE '^ - type\[[0-9]+\] .*-> \(' <<<"$hdr" || grep -qE '^(block|loop|if) type\[' <<<"$dis"; then
        used+=(multi-value)
    fi
    if grep -qE '^ - global\[[0-9]+\] .* mutable=1 <- ' <<<"$hdr" || exports_mutable_global "$hdr"; then
        used+=(mutable-globals)
    fi
    grep -qE ' - init \(.*(i32|i64)\.(add|sub|mul)' <<<"$hdr" && used+=(extended-const)
    grep -qE '^(v128|[if](8x16|16x8|32x4|64x2))' <<<"$dis" && used+=(simd)
    echo "${used[*]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    [ $# -gt 0 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
    for f in "$@"; do
        read -r padded total < <(padded_call_indirects "$f")
        echo "$(basename "$f"): $(features_used "$f") (padded call_indirect: $padded of $total)"
    done
fi
