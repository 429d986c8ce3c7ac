/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_result.c - libFuzzer harness for what crosses the process boundary from a
 * worker: a result frame replayed into a builder, and a metadata frame read into a plugin. The
 * worker runs untrusted code, so any bytes it sends must become either a well-formed result
 * (or plugin) or an error saying why.
 *
 * With CADRE_FUZZ_SEEDS=DIR and CADRE_FUZZ_PLUGINS=FOLDER set, the harness instead writes the
 * result frames of every sample candidate's assessments into DIR, as a starting corpus, and
 * exits (scripts/fuzz does this).
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cadre/cadre.h>

#include "worker/wire.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static void check(const cadre_result *r)
{
    if (r->status == CADRE_STATUS_ERROR) {
        if (r->error.message == NULL) abort();
        return;
    }
    if (!(r->score >= 0 && r->score <= 100) || r->band == NULL || r->criteria.count == 0 ||
        !(r->confidence >= 0 && r->confidence <= 1))
        abort();
    for (size_t i = 0; i < r->criteria.count; i++)
        if (!(CADRE_ITEM(cadre_criterion, r->criteria, i)->score >= 0 &&
              CADRE_ITEM(cadre_criterion, r->criteria, i)->score <= 100) ||
            CADRE_ITEM(cadre_criterion, r->criteria, i)->evidence == NULL)
            abort();
}

/* Writes the frames of real results: every sample candidate through every built-in. */
static void write_seeds(const char *dir, const char *plugins)
{
    cadre_engine_options o;
    cadre_engine *e;
    DIR *d = opendir("docs/examples/candidates");
    struct dirent *de;
    int n = 0;

    cadre_engine_options_init(&o);
    o.worker_program = CADRE_TEST_WORKER;
    o.builtin_dir = plugins;
    o.user_dir = "";
    o.use_env_path = 0;
    if (d == NULL || cadre_engine_new(&e, &o, NULL) != 0 || cadre_engine_load(e, NULL) != 0)
        exit(1);
    while ((de = readdir(d)) != NULL) {
        char path[600];
        cadre_candidate *c;
        cadre_report *r;

        if (strstr(de->d_name, ".json") == NULL) continue;
        snprintf(path, sizeof(path), "docs/examples/candidates/%s", de->d_name);
        if (cadre_candidate_load_file(&c, path, NULL, NULL, NULL) != 0) continue;
        if (cadre_engine_assess(&r, e, c, NULL, NULL) == 0) {
            for (size_t i = 0; i < cadre_report_count(r); i++) {
                cadre__buf b = {0};
                FILE *f;

                cadre__wire_put_result(&b, cadre_report_result(r, i), 0);
                snprintf(path, sizeof(path), "%s/seed-%d", dir, n++);
                if ((f = fopen(path, "wb")) != NULL) {
                    fwrite(b.data, 1, b.len, f);
                    fclose(f);
                }
                free(b.data);
            }
            cadre_report_free(r);
        }
        cadre_candidate_free(c);
    }
    closedir(d);
    cadre_engine_free(e);
    exit(0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = getenv("CADRE_FUZZ_SEEDS"), *plugins = getenv("CADRE_FUZZ_PLUGINS");

    (void)argc;
    (void)argv;
    if (dir && plugins) write_seeds(dir, plugins);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    cadre__arena A;
    cadre_builder *b;
    cadre_result res = {0};
    cadre__plugin *p;
    cadre_error err;
    int last;

    cadre__arena_init(&A, 4096);
    b = cadre__builder_new(&A);
    cadre__wire_replay_result(b, (const char *)data, size, &last);
    cadre__builder_finish(b, &res);
    check(&res);
    cadre__builder_free(b);
    cadre__arena_free(&A);
    /* The same bytes as a worker's first frame: metadata or a refusal. */
    p = cadre__plugin_alloc();
    if (p == NULL) return 0;
    if (cadre__wire_get_meta(p, (const char *)data, size, "fuzz/plugin.so", "0", &err) == 0) {
        if (p->meta.name == NULL || p->meta.version == NULL) abort();
    } else if (err.message[0] == '\0') {
        abort();
    }
    cadre__plugin_free(p);
    return 0;
}
