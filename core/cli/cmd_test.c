/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_test.c - `cadre test`: run rubric test files and print TAP.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

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

static int on_option(void *ud, int id, const char *arg)
{
    return cli_common_option(ud, id, arg) < 0 ? -1 : 0;
}

int cmd_test(int argc, char **argv)
{
    cadre_engine_options eo;
    cli_opts o;
    tap t = {0, 0};
    int first, rc;

    cli_opts_init(&o, cli_command_find("test"));
    if ((rc = cli_parse(o.cmd, argc, argv, &first, on_option, &o)) >= 0) return rc;
    if (first >= argc) return cli_usage_error(o.cmd, "no test file or folder given");
    cadre_engine_options_init(&eo);
    eo.always_vet = 1; /* a rubric under test is always tried at load */
    eo.lua_time_limit_ms = (uint32_t)o.time_ms;
    eo.lua_memory_limit = (size_t)o.memory_mb << 20;
    eo.native_time_limit_ms = (uint32_t)o.native_ms;
    eo.isolation = o.isolation;
    o.trust[o.ntrust] = NULL;
    eo.trusted_dirs = o.trust;
    for (int i = first; i < argc; i++) {
        if (run_path(argv[i], &eo, &t) != 0) {
            cli_error("%s holds no *_test.lua files", argv[i]);
            fprintf(cli_out, "1..%d\n", t.n);
            return EXIT_USAGE;
        }
    }
    fprintf(cli_out, "1..%d\n", t.n);
    if (t.failed) cli_error("%d of %d rubric tests failed", t.failed, t.n);
    return t.failed ? EXIT_FAILED : EXIT_OK;
}
