/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_threads.c - what cadre.h promises to a threaded host ("Threads and
 * processes"): engines used from several threads at once, one engine per thread; an engine
 * handed from one thread to another; candidates and reports shared read-only between threads;
 * worker processes forked while other threads run. Every thread must get byte-for-byte the
 * reports one thread alone gets. Run under ThreadSanitizer by `scripts/test --tsan`.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cadre/cadre.h>

#include "../tap.h"

#define SAMPLES  CADRE_TEST_SOURCE "/docs/examples/candidates"
#define EXAMPLES CADRE_TEST_PLUGINS "/../examples/plugins"
#define THREADS  4
#define ROUNDS   2
#define MAX      16

static cadre_candidate *candidates[MAX];
static cadre_report *reference[MAX];
static char *reference_json[MAX];
static size_t ncandidates;

/* The built-ins in this process, and the two example plugins (one Lua, one native) each in a
 * worker process of its own: their folder is not trusted. */
static cadre_engine *new_engine(void)
{
    cadre_engine_options o = CADRE_ENGINE_OPTIONS_INIT;
    cadre_engine *e = NULL;
    cadre_error err;

    o.builtin_dir = CADRE_TEST_PLUGINS;
    o.worker_program = CADRE_TEST_WORKER;
    o.user_dir = "";
    o.use_env_path = 0;
    if (cadre_engine_new(&e, &o, &err) != 0 || cadre_engine_add_dir(e, EXAMPLES, &err) != 0 ||
        cadre_engine_load(e, &err) != 0) {
        fprintf(stderr, "# engine: %s\n", err.message);
        cadre_engine_free(e);
        return NULL;
    }
    return e;
}

static char *render(const cadre_report *r, cadre_format f)
{
    char *out = NULL;
    size_t len;

    return cadre_report_render(&out, &len, &r, 1, f, 0, NULL) == 0 ? out : NULL;
}

typedef struct job {
    cadre_engine *engine; /* given by the main thread, or NULL to make one */
    int mismatches, failures, shared_mismatches;
    char why[512]; /* the first mismatch: which assessment, and its error if it failed */
} job;

/* Names the first assessment of `r` that differs from the reference's, for the diagnostics. */
static void explain(job *j, const cadre_report *r, size_t i)
{
    if (j->why[0]) return;
    for (size_t k = 0; k < cadre_report_count(r); k++) {
        const cadre_result *a = cadre_report_result(r, k);
        const cadre_result *b = cadre_report_find(reference[i], a->plugin);

        if (b == NULL || a->status != b->status || a->score != b->score) {
            snprintf(j->why, sizeof(j->why), "candidate %zu, %s: %s", i, a->plugin,
                     a->status == CADRE_STATUS_ERROR ? a->error.message : "another score");
            return;
        }
    }
    snprintf(j->why, sizeof(j->why), "candidate %zu: the same scores, other text", i);
}

static void *worker(void *arg)
{
    job *j = arg;
    cadre_engine *e = j->engine ? j->engine : new_engine();

    if (e == NULL) {
        j->failures++;
        return NULL;
    }
    for (int round = 0; round < ROUNDS; round++)
        for (size_t i = 0; i < ncandidates; i++) {
            cadre_report *r = NULL;
            char *json;

            if (cadre_engine_assess(&r, e, candidates[i], NULL, NULL) != 0) {
                j->failures++;
                continue;
            }
            json = render(r, CADRE_FORMAT_JSON);
            if (json == NULL || strcmp(json, reference_json[i]) != 0) {
                j->mismatches++;
                explain(j, r, i);
                if (json && !strstr(j->why, " at byte ")) {
                    size_t at = 0, n = strlen(j->why);

                    while (json[at] && json[at] == reference_json[i][at])
                        at++;
                    snprintf(j->why + n, sizeof(j->why) - n, " at byte %zu: '%.100s' vs '%.100s'",
                             at, json + (at > 40 ? at - 40 : 0),
                             reference_json[i] + (at > 40 ? at - 40 : 0));
                    for (char *c = j->why + n; *c; c++)
                        if (*c == '\n' || *c == '\t') *c = ' ';
                }
            }
            cadre_free(json);
            cadre_report_free(r);
            /* A report made by another thread, read and rendered here at the same time. */
            json = render(reference[i], CADRE_FORMAT_JSON);
            if (json == NULL || strcmp(json, reference_json[i]) != 0) j->shared_mismatches++;
            cadre_free(json);
        }
    /* Process-wide answers computed once, asked for by every thread at once. */
    if (strstr(cadre_worker_confinement(), "rlimits") == NULL) j->failures++;
    if (cadre_vocab_count("skill") == 0) j->failures++;
    cadre_engine_free(e);
    return NULL;
}

int main(void)
{
    DIR *d = opendir(SAMPLES);
    struct dirent *de;
    cadre_engine *e0;
    pthread_t threads[THREADS];
    job jobs[THREADS];
    int mismatches = 0, failures = 0, shared = 0;

    while (d && (de = readdir(d)) != NULL && ncandidates < MAX) {
        char path[600];

        if (strstr(de->d_name, ".json") == NULL) continue;
        snprintf(path, sizeof(path), "%s/%s", SAMPLES, de->d_name);
        if (cadre_candidate_load_file(&candidates[ncandidates], path, NULL, NULL, NULL) == 0)
            ncandidates++;
    }
    if (d) closedir(d);
    ok(ncandidates >= 8, "read the %zu sample candidates", ncandidates);

    /* One thread alone: the reference. */
    e0 = new_engine();
    ok(e0 != NULL && cadre_engine_plugin_count(e0) == 6,
       "an engine loads the four built-ins and the two examples");
    for (size_t i = 0; e0 && i < ncandidates; i++)
        if (cadre_engine_assess(&reference[i], e0, candidates[i], NULL, NULL) == 0)
            reference_json[i] = render(reference[i], CADRE_FORMAT_JSON);
    {
        size_t made = 0;
        int isolated_ran = 0;

        for (size_t i = 0; i < ncandidates; i++) {
            made += reference_json[i] != NULL;
            if (reference[i] && cadre_report_find(reference[i], "management_depth") &&
                cadre_report_find(reference[i], "management_depth")->status == CADRE_STATUS_OK)
                isolated_ran++;
        }
        is_int(made, ncandidates, "one thread: a report for every candidate");
        is_int(isolated_ran, ncandidates, "the native example ran in its worker for each");
    }

    /* THREADS threads at once: three with engines of their own, started in the thread (their
     * worker processes are forked while the other threads run), one with the engine the main
     * thread made and used. */
    for (int t = 0; t < THREADS; t++) {
        memset(&jobs[t], 0, sizeof(jobs[t]));
        jobs[t].engine = t == 0 ? e0 : NULL;
        if (pthread_create(&threads[t], NULL, worker, &jobs[t]) != 0) jobs[t].failures++;
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        mismatches += jobs[t].mismatches;
        failures += jobs[t].failures;
        shared += jobs[t].shared_mismatches;
        if (jobs[t].why[0]) diag("thread %d: %s", t, jobs[t].why);
    }
    is_int(failures, 0, "%d threads: every engine loaded and every assessment ran", THREADS);
    is_int(mismatches, 0,
           "%d threads x %d rounds x %zu candidates: reports identical to one "
           "thread's",
           THREADS, ROUNDS, ncandidates);
    is_int(shared, 0, "reports shared between threads render identically in each");

    for (size_t i = 0; i < ncandidates; i++) {
        cadre_report_free(reference[i]);
        cadre_free(reference_json[i]);
        cadre_candidate_free(candidates[i]);
    }
    return done_testing();
}
