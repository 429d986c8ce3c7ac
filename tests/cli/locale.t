#!/bin/sh
# SPDX-License-Identifier: MIT
# The cadre program gives the same reports whatever locale the user runs it in: decimal commas
# (German, French) change nothing in JSON or text, scores or wording.
. "$(dirname "$0")/lib.sh"
sample=docs/examples/candidates/vp_operations.json

in_locale() { # in_locale LOCALE ARGS...: runs cadre with LC_ALL set; sets $out and $rc
    l=$1
    shift
    out=$(env LC_ALL="$l" "$CADRE_BIN" "$@" 2>"$tmp/err")
    rc=$?
}

in_locale C --version >/dev/null
in_locale C assess --format json "$sample"
ref_json=$out
in_locale C.UTF-8 assess --color never "$sample"
ref_text=$out
printf '%s\n' "$(tr -d '\n' <"$sample")" >"$tmp/one.jsonl"
in_locale C batch "$tmp/one.jsonl"
ref_batch=$out
for l in de_DE.UTF-8 fr_FR.UTF-8; do
    out=$(env LC_ALL="$l" locale -k decimal_point 2>/dev/null)
    is "$out" 'decimal_point=","' "$l is installed and writes decimal commas"
    in_locale "$l" assess --format json "$sample"
    is "$out" "$ref_json" "JSON under $l is byte-identical"
    in_locale "$l" assess --color never "$sample"
    is "$out" "$ref_text" "text under $l is byte-identical"
    in_locale "$l" batch "$tmp/one.jsonl"
    is "$out" "$ref_batch" "batch under $l is byte-identical"
done
ok "$(printf '%s\n' "$ref_text" | grep -q '[0-9]\.[0-9]/100'; echo $?)" "the text report writes a decimal point"
done_testing
