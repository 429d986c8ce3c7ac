#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs cadre to a temporary prefix, moves the tree elsewhere (an installation must not
# depend on where it was configured to go), and builds an outside program against it the four
# ways docs/embedding.md describes: pkg-config and CMake, shared and static. Each program
# assesses a candidate held in memory and must agree with the installed cadre program.
. "$(dirname "$0")/../cli/lib.sh"
build=${CADRE_BUILD:-$(dirname "$CADRE_BIN")}
build=$(cd "$build" && pwd)
if grep -Eq '^CADRE_(SANITIZE|TSAN|FUZZ):BOOL=ON' "$build/CMakeCache.txt"; then
    # An instrumented libcadre needs the same runtime in the outside program; the plain build
    # runs this test.
    echo "1..0 # SKIP an instrumented build ($build) is not installed for outside programs"
    exit 0
fi
cc=${CC:-cc}
src=$root/tests/install

cmake --install "$build" --prefix "$tmp/first" >"$tmp/install.log" 2>&1
ok $? "cmake --install to a temporary prefix" || cat "$tmp/install.log"
mv "$tmp/first" "$tmp/moved"
p=$tmp/moved
export PKG_CONFIG_PATH="$p/lib/pkgconfig"

# What was installed, and that nothing in it names the place it was first installed to.
for f in bin/cadre include/cadre/cadre.h include/cadre/plugin.h lib/libcadre.a \
    lib/pkgconfig/cadre.pc lib/pkgconfig/cadre-static.pc lib/cmake/cadre/cadreConfig.cmake \
    lib/cmake/cadre/cadreConfigVersion.cmake lib/cadre/plugins/coo_readiness.so \
    lib/cadre/plugins/data/onet/README.md lib/cadre/cadre-worker \
    share/cadre/schemas/candidate.schema.json share/man/man1/cadre.1 share/man/man1/cadre-assess.1 \
    share/bash-completion/completions/cadre share/zsh/site-functions/_cadre \
    share/cadre/schemas/report.schema.json share/doc/cadre/LICENSE share/doc/cadre/embedding.md; do
    [ -e "$p/$f" ]
    ok $? "installed $f"
done
[ -L "$p/lib/libcadre.so" ] && [ -e "$p/lib/libcadre.so.0.2" ]
ok $? "libcadre.so links to its soname"
hits=$(grep -rl -e "$tmp/first" -e "$build" "$p/lib/pkgconfig" "$p/lib/cmake" 2>/dev/null)
is "$hits" "" "no pkg-config or CMake file names the build tree or the first prefix"
out=$(readelf -d "$p/bin/cadre" | grep -E 'RPATH|RUNPATH')
contains "$out" '[$ORIGIN/../lib:' "the program finds its library relative to itself"
case "$out" in *'::'* | *':]'* | *'[:'*) ok 1 "its RUNPATH has no empty entry (which means the current folder)" ;;
*) ok 0 "its RUNPATH has no empty entry (which means the current folder)" ;; esac
out=$(readelf -d "$build/cadre" | grep -E 'RPATH|RUNPATH')
case "$out" in *'::'* | *':]'* | *'[:'*) ok 1 "nor has the build tree's" ;; *) ok 0 "nor has the build tree's" ;; esac

# The installed program, moved, finds its library and the four built-in assessments.
run_installed() { "$p/bin/cadre" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; out=$(cat "$tmp/out"); }
run_installed list --no-user-plugins
is "$rc" 0 "the moved cadre program runs"
is "$(printf '%s\n' "$out" | awk '{print $1}' | tr '\n' ' ')" \
    "coo_readiness industry_fit role_fit skills_gap " "and loads the four built-in assessments"

# An untrusted rubric runs in the installed worker program, found beside the moved library.
mkdir -p "$tmp/rubrics"
cp docs/examples/plugins/education_fit.lua "$tmp/rubrics/"
chmod 700 "$tmp/rubrics"
run_installed assess --no-user-plugins -P "$tmp/rubrics" -a education_fit --format json \
    docs/examples/candidates/vp_operations.json
is "$rc" 0 "the moved program runs an untrusted rubric"
is "$(json '$j->{reports}[0]{assessments}[0]{status}')" "ok" "in a worker started from the moved tree"
run_installed list --no-user-plugins -P "$tmp/rubrics"
contains "$out" "education_fit      lua     1.0.0    isolated" "which cadre list shows as isolated"

# What the installed program says of the candidate the outside program holds in memory.
"$cc" -o "$tmp/print-candidate" "$src/embed.c" $(pkg-config --cflags --libs cadre) \
    -Wl,-rpath,"$p/lib" && "$tmp/print-candidate" --candidate >"$tmp/candidate.json"
ok $? "the outside program builds with pkg-config (shared) and prints its candidate"
run_installed assess --no-user-plugins --format json "$tmp/candidate.json"
is "$rc" 0 "the installed program assesses that candidate"
want=$(json 'join("\n", (map { sprintf("%s %.1f %s", $_->{name}, $_->{score}, $_->{band}) }
    @{$j->{reports}[0]{assessments}}), "library $j->{engine}{version}")')
contains "$want" "coo_readiness " "the report has a COO readiness score"

check_program() { # check_program NAME BINARY [BUILTIN_DIR]
    name=$1
    shift
    got=$("$@" 2>"$tmp/err")
    ok $? "$name: runs" || diag "$(cat "$tmp/err")"
    is "$got" "$want" "$name: same scores and bands as the installed cadre program"
}

check_program "pkg-config, shared" "$tmp/print-candidate"
out=$(readelf -d "$tmp/print-candidate")
contains "$out" "libcadre.so.0.2" "pkg-config, shared: linked to libcadre.so.0.2"

"$cc" -o "$tmp/pc-static" "$src/embed.c" $(pkg-config --cflags --libs cadre-static)
ok $? "pkg-config, static: builds with cadre-static.pc"
out=$(readelf -d "$tmp/pc-static")
lacks "$out" "libcadre" "pkg-config, static: libcadre is linked in, not needed at run time"
plugindir=$(pkg-config --variable=plugindir cadre-static)
check_program "pkg-config, static" "$tmp/pc-static" "$plugindir"

# pkg-config --static on cadre.pc lists everything a static link needs.
out=$(pkg-config --static --libs cadre)
contains "$out" "-llua5.4" "pkg-config --static names Lua"
contains "$out" "-lcjson" "pkg-config --static names cJSON"

for kind in shared static; do
    flag=OFF
    [ "$kind" = static ] && flag=ON
    cmake -S "$src" -B "$tmp/cmake-$kind" -DCMAKE_PREFIX_PATH="$p" -DEMBED_STATIC=$flag \
        -DCMAKE_C_COMPILER="$cc" >"$tmp/cmake.log" 2>&1 &&
        cmake --build "$tmp/cmake-$kind" >>"$tmp/cmake.log" 2>&1
    ok $? "CMake, $kind: find_package(cadre 0.2) and build" || diag "$(tail -20 "$tmp/cmake.log")"
    if [ "$kind" = static ]; then
        dir=$(cat "$tmp/cmake-$kind/plugin_dir.txt")
        is "$(cd "$dir" 2>/dev/null && pwd -P)" "$(cd "$p/lib/cadre/plugins" && pwd -P)" \
            "CMake, static: cadre_PLUGIN_DIR is the installed plugin folder"
        check_program "CMake, $kind" "$tmp/cmake-$kind/embed" "$dir"
    else
        check_program "CMake, $kind" "$tmp/cmake-$kind/embed"
    fi
done

# A version the package is not compatible with is refused.
mkdir -p "$tmp/v"
printf 'cmake_minimum_required(VERSION 3.18)\nproject(v LANGUAGES C)\nfind_package(cadre 0.1 REQUIRED)\n' \
    >"$tmp/v/CMakeLists.txt"
cmake -S "$tmp/v" -B "$tmp/v/build" -DCMAKE_PREFIX_PATH="$p" >"$tmp/v.log" 2>&1
rc=$?
is "$rc" 1 "find_package(cadre 0.1) is refused by cadre 0.2 (before 1.0 a minor release may break)"
done_testing
