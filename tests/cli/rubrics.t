#!/bin/sh
# SPDX-License-Identifier: MIT
# The built-in assessments' own rubric tests (plugins/*_test.lua), through `cadre test`, whose
# TAP output this script passes straight through to prove and ctest.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${CADRE_BIN:=$root/build/cadre}"
exec "$CADRE_BIN" test "$(dirname "$CADRE_BIN")/plugins"
