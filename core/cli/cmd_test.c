/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_test.c - `cadre test`: run rubric test files and print TAP.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char test_usage[] =
    "usage: cadre test [options] FILE|DIR...\n"
    "\n"
    "Run rubric tests (files named NAME_test.lua; a folder means every such file in it) and\n"
    "print the results as TAP, so `prove --exec 'cadre test' x_test.lua` runs them too.\n"
    "Each test file names the rubric it tests (default: NAME.lua or NAME.so beside it) and lists\n"
    "candidates with the results expected; see docs/rubric-authoring.md.\n"
    "\n"
    "options:\n"
    "      --lua-time-limit MS   CPU budget per Lua call (default 1000)\n"
    "      --lua-memory-limit MB memory cap per Lua state (default 64)\n"
    "      --isolate WHAT, --trust DIR\n"
    "                            where the rubric under test runs, as for `cadre assess`\n"
    "                            (by default in a worker process unless its folder is trusted)\n"
    "  -v, --verbose             print the diagnostics of passing tests' files too\n"
    "  -h, --help                this help\n"
    "\n"
    "exit status: 0 all tests passed; 1 some failed or could not run; 2 usage error\n";

typedef struct tap {
    int n, failed;
} tap;

static void print_outcome(void *ud, const cadre_test_outcome *o)
{
    tap *t = ud;

    t->n++;
    t->failed += !o->ok;
    /* Names and diagnostics come from the test file and the rubric: escape them. */
    fprintf(cli_out, "%s %d - %s", o->ok ? "ok" : "not ok", t->n, cli_safe(o->file));
    fprintf(cli_out, ": %s\n", cli_safe(o->name));
    for (const char *p = o->diagnostics; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = strndup(p, len);

        fprintf(cli_out, "#   %s\n", cli_safe(line ? line : ""));
        free(line);
        p = nl ? nl + 1 : NULL;
    }
    fflush(cli_out);
}

static int is_test_file(const char *name)
{
    size_t n = strlen(name);

    return name[0] != '.' && n > 9 && strcmp(name + n - 9, "_test.lua") == 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs one path: a test file, or every test file of a folder (sorted). Returns -1 if the path
 * holds no tests. */
static int run_path(const char *path, const cadre_engine_options *eo, tap *t)
{
    struct stat st;
    char *files[512];
    int n = 0;
    DIR *d;
    struct dirent *de;

    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        size_t failed;

        cadre_test_file(&failed, path, eo, print_outcome, t, NULL);
        return 0;
    }
    if ((d = opendir(path)) == NULL) return -1;
    while ((de = readdir(d)) != NULL && n < 512) {
        if (!is_test_file(de->d_name)) continue;
        files[n] = malloc(strlen(path) + strlen(de->d_name) + 2);
        if (files[n]) sprintf(files[n++], "%s/%s", path, de->d_name);
    }
    closedir(d);
    qsort(files, (size_t)n, sizeof(*files), cmp);
    for (int i = 0; i < n; i++) {
        size_t failed;

        cadre_test_file(&failed, files[i], eo, print_outcome, t, NULL);
        free(files[i]);
    }
    return n ? 0 : -1;
}

int cmd_test(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    cadre_engine_options eo;
    cli_opts o;
    tap t = {0, 0};
    int c;

    memset(&o, 0, sizeof(o));
    optind = 1;
    while ((c = getopt_long(argc, argv, "+vh", longopts, NULL)) != -1) {
        int r = cli_common_option(&o, c, optarg);

        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (c == 'h') return fputs(test_usage, cli_out), EXIT_OK;
        return fputs(test_usage, stderr), EXIT_USAGE;
    }
    if (optind >= argc) {
        cli_error("no test file or folder given");
        fputs(test_usage, stderr);
        return EXIT_USAGE;
    }
    cadre_engine_options_init(&eo);
    eo.lua_time_limit_ms = (uint32_t)o.time_ms;
    eo.lua_memory_limit = (size_t)o.memory_mb << 20;
    eo.isolation = o.isolation;
    o.trust[o.ntrust] = NULL;
    eo.trusted_dirs = o.trust;
    for (int i = optind; i < argc; i++) {
        if (run_path(argv[i], &eo, &t) != 0) {
            cli_error("%s holds no *_test.lua files", argv[i]);
            fprintf(cli_out, "1..%d\n", t.n);
            return EXIT_USAGE;
        }
    }
    fprintf(cli_out, "1..%d\n", t.n);
    if (t.failed) fprintf(stderr, "%d of %d rubric tests failed\n", t.failed, t.n);
    return t.failed ? EXIT_FAILED : EXIT_OK;
}
