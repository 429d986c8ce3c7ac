/*
 * tests/fuzz/fuzz_result.c - libFuzzer harness for turning a result sent by the isolation
 * worker (JSON) back into a result. The worker runs untrusted code, so any bytes it sends must
 * become either a well-formed result or an error result.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cadre/cadre.h>

#include "isolate.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void check(const cadre_result *r)
{
    if (r->status == CADRE_STATUS_ERROR) {
        if (r->error.message == NULL) abort();
        return;
    }
    if (!(r->score >= 0 && r->score <= 100) || r->band == NULL || r->criteria_count == 0 ||
        !(r->confidence >= 0 && r->confidence <= 1))
        abort();
    for (size_t i = 0; i < r->criteria_count; i++)
        if (!(r->criteria[i].score >= 0 && r->criteria[i].score <= 100) ||
            r->criteria[i].evidence == NULL)
            abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *text = malloc(size + 1);
    cadre__arena A;
    cadre_builder *b;
    cadre_result res = {0};
    cJSON *j;

    if (text == NULL) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    cadre__arena_init(&A, 4096);
    b = cadre__builder_new(&A);
    j = cJSON_Parse(text);
    cadre__result_from_json(b, j);
    cadre__builder_finish(b, &res);
    check(&res);
    cJSON_Delete(j);
    cadre__builder_free(b);
    cadre__arena_free(&A);
    free(text);
    return 0;
}
