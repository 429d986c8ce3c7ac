/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_pattern.c - libFuzzer harness comparing the sandbox's pattern functions
 * (core/pattern.c) with Lua's own on any subject, pattern and start position.
 *
 * Input: one byte for the start position (-5..10), one for the subject's length (0..47), the
 * subject, then the pattern (at most 48 bytes). find, plain find, match, gmatch and gsub with
 * three kinds of replacement must give the same results and errors in both; any difference
 * aborts with both transcripts. Cases the sandbox's budget stops are skipped: Lua's matcher
 * takes the same steps and has no budget, so it would stall the fuzzer.
 */
#include "../unit/library_probe.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static pattern_probe probe;
    static int ready;
    const char *s, *p;
    size_t ls, lp;
    int init;
    char *report = NULL;
    cadre_error err;

    if (!ready) {
        if (probe_open(&probe, 100, &err) != 0) {
            fprintf(stderr, "fuzz_pattern: %s\n", err.message);
            abort();
        }
        ready = 1;
    }
    if (size < 2) return 0;
    init = (int)(data[0] % 16) - 5;
    ls = data[1] % 48;
    if (ls > size - 2) ls = size - 2;
    s = (const char *)data + 2;
    p = s + ls;
    lp = size - 2 - ls;
    if (lp > 48) lp = 48;
    if (probe_compare(&probe, s, ls, p, lp, init, &err, &report, 0) == 0) {
        fprintf(stderr, "fuzz_pattern: the two matchers differ\n%s\n", report ? report : "");
        abort();
    }
    free(report);
    return 0;
}
