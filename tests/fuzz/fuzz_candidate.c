/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_candidate.c - libFuzzer harness for the candidate loader.
 *
 * Any input must be accepted or refused with a message, without a memory error (ASan/UBSan
 * watch). An accepted candidate must also survive the trip a candidate built by hand takes to a
 * worker process: serialised, parsed again, and serialised to the same text.
 */
#include <stdlib.h>
#include <string.h>

#include <cadre/cadre.h>

#include "candidate/candidate.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    cadre_candidate *c = NULL, *again = NULL;
    cadre_error err;
    char *json, *json2;

    memset(&err, 0, sizeof(err));
    if (cadre_candidate_parse(&c, (const char *)data, size, "fuzz", NULL, NULL, &err) != 0) {
        if (c != NULL || err.message[0] == '\0') abort(); /* refused, but not cleanly */
        return 0;
    }
    json = cadre__candidate_to_json(c);
    if (json == NULL) abort();
    if (cadre_candidate_parse(&again, json, strlen(json), "fuzz", NULL, NULL, &err) != 0)
        abort(); /* the loader refused what it had accepted: the round trip is broken */
    json2 = cadre__candidate_to_json(again);
    if (json2 == NULL || strcmp(json, json2) != 0) abort();
    free(json);
    free(json2);
    cadre_candidate_free(again);
    cadre_candidate_free(c);
    return 0;
}
