/* SPDX-License-Identifier: MIT */
/*
 * core/cli/setup.c - what the commands that load plugins share: their options, and the engine
 * made from them.
 */
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "record.h"

/* --isolate's words, in the order of cadre_isolation. */
static const char *const isolations[] = {"untrusted", "none", "native", "all"};

int cli_record_setup(record_opts *ro, const cli_opts *o, const char *const *names, char *mask_buf,
                     size_t size)
{
    struct stat st;

    memset(ro, 0, sizeof(*ro));
    if (o->mask && !o->record_dir)
        return cli_usage_error(o->cmd, "--mask applies to decision records: add --record DIR");
    if (o->record_dir == NULL) return EXIT_OK;
    if (stat(o->record_dir, &st) != 0) {
        if (errno != ENOENT || mkdir(o->record_dir, 0755) != 0) {
            cli_error("--record %s: %s", o->record_dir, strerror(errno));
            return EXIT_FAILED;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        return cli_usage_error(o->cmd, "--record %s: not a folder", o->record_dir);
    }
    if (access(o->record_dir, W_OK) != 0) {
        cli_error("--record %s: %s", o->record_dir, strerror(errno));
        return EXIT_FAILED;
    }
    ro->dir = o->record_dir;
    ro->names = names;
    ro->lua_time_ms = o->time_ms;
    ro->lua_memory_mb = o->memory_mb;
    ro->native_ms = o->native_ms;
    ro->isolation = o->isolation >= 0 && o->isolation < 4 ? isolations[o->isolation] : NULL;
    if (o->mask) {
        char *save = NULL;

        snprintf(mask_buf, size, "%s", o->mask);
        for (char *f = strtok_r(mask_buf, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
            if (ro->nmask == RECORD_MAX_MASK)
                return cli_usage_error(o->cmd, "--mask: at most %d fields", RECORD_MAX_MASK);
            if (strspn(f, "abcdefghijklmnopqrstuvwxyz_.") != strlen(f) || *f == '\0')
                return cli_usage_error(o->cmd,
                                       "--mask: '%s' is not a field path such as name "
                                       "or current_role.title",
                                       f);
            ro->mask[ro->nmask++] = f;
        }
    }
    return EXIT_OK;
}

void cli_opts_init(cli_opts *o, const cli_command *cmd)
{
    memset(o, 0, sizeof(*o));
    o->cmd = cmd;
    o->color = -1;
    o->format = "text";
    o->isolation = CADRE_ISOLATE_UNTRUSTED; /* docs/plugins.md, "Trust" */
}

static int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 10);
    if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0 || v == 0 || v > max) return -1;
    *out = v;
    return 0;
}

static int number(cli_opts *o, const char *option, const char *what, const char *arg,
                  unsigned long max, unsigned long *out)
{
    if (parse_ulong(arg, max, out) == 0) return 1;
    cli_usage_error(o->cmd, "--%s: expected %s 1..%lu, got '%s'", option, what, max, arg);
    return -1;
}

static int folder(cli_opts *o, const char **list, int *n, const char *option, const char *arg)
{
    if (*n == MAX_DIRS) {
        cli_usage_error(o->cmd, "too many %s folders (at most %d)", option, MAX_DIRS);
        return -1;
    }
    list[(*n)++] = arg;
    return 1;
}

int cli_common_option(cli_opts *o, int id, const char *arg)
{
    /* In cadre_isolation order: CADRE_ISOLATE_UNTRUSTED is 0, ... CADRE_ISOLATE_ALL 3. */

    switch (id) {
    case 'P':
        return folder(o, o->dirs, &o->ndirs, "-P", arg);
    case OPT_TRUST:
        return folder(o, o->trust, &o->ntrust, "--trust", arg);
    case OPT_NO_USER:
        o->no_user = 1;
        return 1;
    case OPT_NO_BUILTIN:
        o->no_builtin = 1;
        return 1;
    case 'f':
        if (cli_choice(o->cmd, 'f', arg) == NULL) return -1;
        o->format = arg;
        return 1;
    case OPT_COLOR:
        if (cli_choice(o->cmd, OPT_COLOR, arg) == NULL) return -1;
        o->color = strcmp(arg, "auto") == 0 ? -1 : strcmp(arg, "always") == 0;
        return 1;
    case OPT_ASCII:
        o->ascii = 1;
        return 1;
    case OPT_LUA_TIME:
        return number(o, "lua-time-limit", "milliseconds", arg, 600000, &o->time_ms);
    case OPT_LUA_MEMORY:
        return number(o, "lua-memory-limit", "MiB", arg, 65536, &o->memory_mb);
    case OPT_NATIVE_TIME:
        return number(o, "native-time-limit", "milliseconds", arg, 600000, &o->native_ms);
    case OPT_ISOLATE:
        if (cli_choice(o->cmd, OPT_ISOLATE, arg) == NULL) return -1;
        for (int i = 0; i < 4; i++)
            if (strcmp(arg, isolations[i]) == 0) o->isolation = i;
        return 1;
    case OPT_ALLOW_OVERRIDE:
        o->allow_override = 1;
        return 1;
    case 'a':
        o->assessments = arg;
        return 1;
    case 's':
        if (o->nsets == MAX_SETS) {
            cli_usage_error(o->cmd, "too many --set options (at most %d)", MAX_SETS);
            return -1;
        }
        o->sets[o->nsets++] = arg;
        return 1;
    case 'v':
        o->verbose = 1;
        return 1;
    case OPT_BRIEF:
        o->brief = 1;
        return 1;
    case OPT_NO_WHATIF:
        o->no_whatif = 1;
        return 1;
    case OPT_RECORD:
        o->record_dir = arg;
        return 1;
    case OPT_MASK:
        o->mask = arg;
        return 1;
    default:
        return 0;
    }
}

/* Built-in plugins: next to the program in a build tree (build/cadre, build/plugins); once
 * installed, the library finds them beside itself (core/util/location.c), so NULL. */
static const char *builtin_dir(void)
{
    static char dir[PATH_MAX + 64];
    char exe[PATH_MAX], probe[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    char *slash;
    struct stat st;

    if (n <= 0) return NULL;
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (slash == NULL) return NULL;
    *slash = '\0';
    snprintf(probe, sizeof(probe), "%s/CMakeCache.txt", exe);
    if (stat(probe, &st) != 0) return NULL;
    snprintf(dir, sizeof(dir), "%s/plugins", exe);
    return dir;
}

static int apply_sets(cadre_engine *e, const cli_opts *o)
{
    for (int i = 0; i < o->nsets; i++) {
        char buf[512];
        char *dot, *eq;
        cadre_error err;

        snprintf(buf, sizeof(buf), "%s", o->sets[i]);
        dot = strchr(buf, '.');
        eq = strchr(buf, '=');
        if (dot == NULL || eq == NULL || dot > eq) {
            return cli_usage_error(o->cmd, "--set %s: expected PLUGIN.KEY=VALUE", o->sets[i]);
        }
        *dot = *eq = '\0';
        if (cadre_engine_set_param(e, buf, dot + 1, eq + 1, &err) != 0) {
            cli_error("--set %s: %s", o->sets[i], err.message);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

int cli_engine(cadre_engine **out, const cli_opts *o, int quiet_refusals)
{
    cadre_engine_options eo;
    cadre_engine *e;
    cadre_error err;
    int rc;

    *out = NULL;
    cadre_engine_options_init(&eo);
    eo.builtin_dir = o->no_builtin ? "" : builtin_dir();
    eo.user_dir = o->no_user ? "" : NULL;
    eo.lua_time_limit_ms = (uint32_t)o->time_ms;
    eo.lua_memory_limit = (size_t)o->memory_mb << 20;
    eo.native_time_limit_ms = (uint32_t)o->native_ms;
    eo.isolation = o->isolation;
    eo.allow_override = o->allow_override;
    eo.always_vet = o->always_vet;
    eo.on_diag = quiet_refusals ? NULL : cli_print_diag;
    if (cadre_engine_new(&e, &eo, &err) != 0) {
        cli_error("%s", err.message);
        return EXIT_INTERNAL;
    }
    for (int i = 0; i < o->ntrust; i++)
        if (cadre_engine_trust_dir(e, o->trust[i], &err) != 0) {
            cli_error("--trust %s: %s", o->trust[i], err.message);
            cadre_engine_free(e);
            return EXIT_USAGE;
        }
    /* -P folders in command-line order; the first given wins a name clash. */
    for (int i = o->ndirs - 1; i >= 0; i--)
        cadre_engine_add_dir(e, o->dirs[i], NULL);
    if (cadre_engine_load(e, &err) != 0) {
        cli_error("%s", err.message);
        cadre_engine_free(e);
        return EXIT_INTERNAL;
    }
    rc = apply_sets(e, o);
    if (rc != EXIT_OK) {
        cadre_engine_free(e);
        return rc;
    }
    *out = e;
    return EXIT_OK;
}

unsigned cli_render_flags(const cli_opts *o)
{
    unsigned flags = 0;
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    const char *codeset = nl_langinfo(CODESET);

    /* Colour only on a terminal (or when asked), and never when NO_COLOR is set to anything
     * (https://no-color.org): a user who set it does not want colour from any program. */
    if (!(no_color && *no_color) && (o->color == 1 || (o->color == -1 && isatty(fileno(cli_out)) &&
                                                       !(term && strcmp(term, "dumb") == 0))))
        flags |= CADRE_RENDER_COLOR;
    if (!o->ascii && codeset && strcmp(codeset, "UTF-8") == 0) flags |= CADRE_RENDER_UNICODE;
    if (o->verbose) flags |= CADRE_RENDER_VERBOSE;
    if (o->brief) flags |= CADRE_RENDER_BRIEF;
    return flags;
}

/* Splits -a "a,b" into a NULL-terminated array (in `buf`), or NULL for "all". */
const char **cli_split_names(const char *list, char *buf, size_t size, const char **names,
                             size_t max)
{
    size_t n = 0;

    if (list == NULL) return NULL;
    snprintf(buf, size, "%s", list);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok && n + 1 < max;
         tok = strtok_r(NULL, ",", &save))
        names[n++] = tok;
    names[n] = NULL;
    return names;
}

/* Exit status when plugins were refused: only if we ran "everything", since then something
 * the user expected to run did not. */
int cli_refused_status(const cadre_engine *e, const cli_opts *o)
{
    return o->assessments == NULL && cadre_engine_refused_count(e) > 0 ? EXIT_FAILED : EXIT_OK;
}

int cli_no_plugins(const cadre_engine *e)
{
    if (cadre_engine_plugin_count(e) > 0) return 0;
    cli_error("no assessments are loaded; `cadre list` shows the search path and any refusals");
    return 1;
}

int cli_worst(int a, int b)
{
    /* Usage and internal errors dominate, then invalid input, then failed assessments. */
    static const int rank[] = {0, 1, 5, 3, 4, 6};

    return rank[b] > rank[a] ? b : a;
}
