/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_candidate.c - libFuzzer harness for the candidate loader.
 *
 * Any input must be accepted or refused with a message, without a memory error (ASan/UBSan
 * watch). An accepted candidate must survive being written as JSON and parsed again (the same
 * text both times), and the trip to a worker process: packed, unpacked and packed again to the
 * same bytes (core/worker/pack.c). The input itself, read as a packed frame, must be refused or
 * taken without a memory error too.
 */
#include <stdlib.h>
#include <string.h>

#include <cadre/cadre.h>

#include "candidate/candidate.h"
#include "worker/pack.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Packs c, unpacks it, packs the copy: the two frames must be the same bytes. */
static void pack_trip(const cadre_candidate *c)
{
    cadre__buf one = {0}, two = {0};
    cadre__arena A;
    cadre__wire w;
    cadre_candidate copy;

    cadre__arena_init(&A, 4096);
    cadre__pack_candidate(&one, c);
    if (one.oom) abort();
    cadre__wire_open(&w, one.data, one.len);
    if (cadre__unpack_candidate(&copy, &A, &w, c->source) != 0) abort();
    cadre__pack_candidate(&two, &copy);
    if (two.oom || two.len != one.len || memcmp(one.data, two.data, one.len) != 0) abort();
    free(one.data);
    free(two.data);
    cadre__arena_free(&A);
}

/* Any bytes as a packed frame: refused or taken, never a memory error. */
static void unpack_any(const unsigned char *data, size_t size)
{
    cadre__arena A;
    cadre__wire w;
    cadre_candidate c;

    cadre__arena_init(&A, 4096);
    cadre__wire_open(&w, (const char *)data, size);
    (void)cadre__unpack_candidate(&c, &A, &w, "fuzz");
    cadre__arena_free(&A);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    cadre_candidate *c = NULL, *again = NULL;
    cadre_error err;
    char *json, *json2;

    unpack_any(data, size);
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
    pack_trip(c);
    free(json);
    free(json2);
    cadre_candidate_free(again);
    cadre_candidate_free(c);
    return 0;
}
