# SPDX-License-Identifier: MIT
# tests/cli/lib.sh - TAP helpers for the CLI tests (sourced, POSIX sh).
#
# CADRE_BIN is the program under test (ctest sets it; scripts/test too). Tests run from the
# repository root so paths in messages are stable.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${CADRE_BIN:=$root/build/cadre}"
cd "$root" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cadre-cli.XXXXXX")
chmod 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=
unset CADRE_PLUGIN_PATH
export XDG_DATA_HOME="$tmp/xdg" # an empty user plugin folder
export XDG_CACHE_HOME="$tmp/cache" # and a cache of its own
n=0
failed=0

diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

ok() { # ok STATUS NAME
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
    fi
}

# run ARGS...: runs cadre; sets $out, $err, $rc
run() {
    "$CADRE_BIN" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}

is() { # is GOT WANT NAME
    if [ "$1" = "$2" ]; then ok 0 "$3"; else
        ok 1 "$3"
        diag "got: $1" "expected: $2"
    fi
}

contains() { # contains HAYSTACK NEEDLE NAME
    case "$1" in
    *"$2"*) ok 0 "$3" ;;
    *)
        ok 1 "$3"
        diag "expected to contain: $2" "got: $(printf '%s' "$1" | head -c 2000)"
        ;;
    esac
}

lacks() { # lacks HAYSTACK NEEDLE NAME
    case "$1" in
    *"$2"*)
        ok 1 "$3"
        diag "expected not to contain: $2"
        ;;
    *) ok 0 "$3" ;;
    esac
}

# json EXPR: evaluates a Perl expression over $j (the decoded $out) and prints the result.
json() {
    printf '%s' "$out" | perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>); print eval($ARGV[0]) // "undef"; die $@ if $@' "$1"
}

done_testing() {
    echo "1..$n"
    [ "$failed" -eq 0 ]
    exit $?
}
