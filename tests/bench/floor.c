/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/floor.c - the floor for `cadre batch` (scripts/bench): what the same work costs
 * with nothing around it. The input is read into memory first; then, for each line, the
 * candidate is parsed and every built-in assessment is called directly, in this process, into
 * a result that is finished and thrown away: no engine bookkeeping, no report, no rendering,
 * no output, one thread. `cadre batch -j 1` is then compared with this.
 * Usage: cadre_floor PLUGIN_DIR FILE [ROUNDS]; prints the best round's milliseconds.
 * Not a test: it asserts nothing and is not registered with ctest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cadre/cadre.h>

#include "builder.h"
#include "engine_internal.h"

static double now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    cadre_engine_options o;
    cadre_engine *e = NULL;
    cadre_error err;
    FILE *f;
    char *line = NULL, **lines = NULL;
    size_t cap = 0, n = 0, ncap = 0, *lens = NULL;
    ssize_t len;
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    double best = 1e300;

    if (argc < 3) {
        fprintf(stderr, "usage: cadre_floor PLUGIN_DIR FILE [ROUNDS]\n");
        return 2;
    }
    if ((f = fopen(argv[2], "r")) == NULL) {
        perror(argv[2]);
        return 1;
    }
    while ((len = getline(&line, &cap, f)) > 0) {
        if (n == ncap) {
            ncap = ncap ? 2 * ncap : 1024;
            lines = realloc(lines, ncap * sizeof(*lines));
            lens = realloc(lens, ncap * sizeof(*lens));
        }
        lines[n] = malloc((size_t)len);
        memcpy(lines[n], line, (size_t)len);
        lens[n++] = (size_t)len;
    }
    free(line);
    fclose(f);
    cadre_engine_options_init(&o);
    o.builtin_dir = argv[1];
    o.user_dir = "";
    o.use_env_path = 0;
    o.isolation = CADRE_ISOLATE_NONE;
    o.worker_program = CADRE_TEST_WORKER;
    if (cadre_engine_new(&e, &o, &err) != 0 || cadre_engine_load(e, &err) != 0) {
        fprintf(stderr, "cadre_floor: %s\n", err.message);
        return 1;
    }
    for (int r = 0; r < rounds; r++) {
        double t0 = now_ms();

        for (size_t i = 0; i < n; i++) {
            cadre_candidate *c = NULL;
            cadre__arena arena;

            if (cadre_candidate_parse(&c, lines[i], lens[i], "floor", NULL, NULL, &err) != 0)
                continue;
            cadre__arena_init(&arena, 16384);
            for (size_t k = 0; k < cadre_engine_plugin_count(e); k++) {
                cadre__plugin *p = cadre__engine_plugin_at(e, k);
                cadre_builder *b = cadre__builder_new(&arena);
                cadre_result res;

                p->ops->assess(p, c, &(cadre_params){p->params, p->param_count}, b);
                cadre__builder_finish(b, &res);
                cadre__builder_free(b);
            }
            cadre__arena_free(&arena);
            cadre_candidate_free(c);
        }
        if (now_ms() - t0 < best) best = now_ms() - t0;
    }
    printf("%.1f\n", best);
    cadre_engine_free(e);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    free(lens);
    return 0;
}
