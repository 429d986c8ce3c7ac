/* SPDX-License-Identifier: MIT */
/*
 * core/engine.c - the registry of plugins: the search path, trust, refusals, parameters.
 *
 * Only this file holds plugins (and through them library handles, Lua states and worker
 * processes). A plugin that fails to load is refused with a diagnostic and the engine carries
 * on with the rest. Where a plugin runs is decided here, before any of its code runs: plugins
 * from the built-in folder and from folders the embedder trusts are loaded in this process;
 * every other plugin is loaded, and runs, in a worker process of its own (worker/remote.c).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine_internal.h"
#include "vet_cache.h"

#define DEFAULT_TIME_MS       1000
#define DEFAULT_NATIVE_MS     10000
#define DEFAULT_MEMORY        ((size_t)64 << 20)
#define DEFAULT_WORKER_MEMORY ((size_t)512 << 20)

void cadre_engine_options_init(cadre_engine_options *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->struct_size = sizeof(*opts);
    opts->use_env_path = 1;
}

static char *dup_opt(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* The real path of a folder, in the engine's arena, or NULL when it does not resolve. */
static char *real_dir(cadre_engine *e, const char *dir)
{
    char buf[PATH_MAX];

    return realpath(dir, buf) ? cadre__arena_strdup(&e->arena, buf) : NULL;
}

int cadre_engine_new(cadre_engine **out, const cadre_engine_options *opts, cadre_error *err)
{
    cadre_engine_options o;
    cadre_engine *e;

    if (out == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_new: out is NULL");
    *out = NULL;
    cadre_engine_options_init(&o);
    if (opts != NULL) {
        if (opts->struct_size < offsetof(cadre_engine_options, userdata) + sizeof(void *))
            return cadre__fail(err, CADRE_EINVAL, "", 0, 0,
                               "cadre_engine_options.struct_size %u is too small; call "
                               "cadre_engine_options_init() first",
                               opts->struct_size);
        memcpy(&o, opts, opts->struct_size < sizeof(o) ? opts->struct_size : sizeof(o));
    }
    if ((unsigned)o.isolation > CADRE_ISOLATE_ALL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0,
                           "cadre_engine_options.isolation %d is not a cadre_isolation value",
                           o.isolation);
    e = calloc(1, sizeof(*e));
    if (e == NULL) return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    cadre__arena_init(&e->arena, 4096);
    e->dirs = (cadre__vec)CADRE__VEC_INIT(const char *);
    e->trusted = (cadre__vec)CADRE__VEC_INIT(char *);
    e->plugins = (cadre__vec)CADRE__VEC_INIT(cadre__entry);
    e->refused = (cadre__vec)CADRE__VEC_INIT(cadre_diag);
    e->builtin_dir = dup_opt(o.builtin_dir ? o.builtin_dir : cadre__builtin_dir_default());
    e->user_dir = dup_opt(o.user_dir);
    e->worker_program =
        dup_opt(o.worker_program ? o.worker_program : cadre__worker_program_default());
    e->vet_cache = o.vet_cache_dir ? (*o.vet_cache_dir ? strdup(o.vet_cache_dir) : NULL)
                                   : cadre__vet_cache_default();
    e->ctx.vet_cache = e->vet_cache;
    e->ctx.always_vet = o.always_vet;
    e->use_env_path = o.use_env_path;
    e->isolation = o.isolation;
    e->allow_override = o.allow_override;
    e->ctx.limits.time_ms = o.lua_time_limit_ms ? o.lua_time_limit_ms : DEFAULT_TIME_MS;
    e->ctx.limits.memory = o.lua_memory_limit ? o.lua_memory_limit : DEFAULT_MEMORY;
    e->ctx.native_time_ms = o.native_time_limit_ms ? o.native_time_limit_ms : DEFAULT_NATIVE_MS;
    e->ctx.worker_memory = o.worker_memory_limit ? o.worker_memory_limit
                                                 : DEFAULT_WORKER_MEMORY + e->ctx.limits.memory;
    e->ctx.output = &e->output;
    e->ctx.worker_program = e->worker_program;
    e->output.fn = o.on_output;
    e->output.userdata = o.userdata;
    e->on_diag = o.on_diag;
    e->userdata = o.userdata;
    if (e->builtin_dir == NULL || e->worker_program == NULL ||
        (o.user_dir && e->user_dir == NULL)) {
        cadre_engine_free(e);
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    }
    e->builtin_real = *e->builtin_dir ? real_dir(e, e->builtin_dir) : NULL;
    for (size_t i = 0; o.trusted_dirs && o.trusted_dirs[i]; i++) {
        int rc = cadre_engine_trust_dir(e, o.trusted_dirs[i], err);

        if (rc != 0) {
            cadre_engine_free(e);
            return rc;
        }
    }
    *out = e;
    return 0;
}

void cadre_engine_free(cadre_engine *e)
{
    locale_t previous;

    if (e == NULL) return;
    previous = cadre__locale_enter();          /* fini() and Lua's __close run here */
    if (e->drop_inflight) e->drop_inflight(e); /* before the plugins they use go */
    for (size_t i = 0; i < e->plugins.count; i++)
        cadre__plugin_free(cadre__engine_plugin_at(e, i));
    cadre__vec_free(&e->plugins);
    cadre__vec_free(&e->dirs);
    cadre__vec_free(&e->trusted);
    cadre__vec_free(&e->refused);
    cadre__arena_free(&e->arena);
    free(e->builtin_dir);
    free(e->worker_program);
    free(e->user_dir);
    free(e->vet_cache);
    free(e);
    cadre__locale_leave(previous);
}

int cadre_engine_trust_dir(cadre_engine *e, const char *dir, cadre_error *err)
{
    char **slot, *real;

    if (e == NULL || dir == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_trust_dir: NULL argument");
    if (e->loaded)
        return cadre__fail(err, CADRE_EINVAL, dir, 0, 0,
                           "folders must be trusted before cadre_engine_load()");
    real = real_dir(e, dir);
    if (real == NULL)
        return cadre__fail(err, CADRE_ENOTFOUND, dir, 0, 0, "cannot trust plugin folder %s: %s",
                           dir, strerror(errno));
    slot = cadre__vec_push(&e->trusted);
    if (slot == NULL) return cadre__fail(err, CADRE_ENOMEM, dir, 0, 0, "out of memory");
    *slot = real;
    return 0;
}

int cadre_engine_add_dir(cadre_engine *e, const char *dir, cadre_error *err)
{
    const char **slot;

    if (e == NULL || dir == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_add_dir: NULL argument");
    if (e->loaded)
        return cadre__fail(err, CADRE_EINVAL, dir, 0, 0,
                           "plugin folders must be added before cadre_engine_load()");
    slot = cadre__vec_push(&e->dirs);
    if (slot == NULL || (*slot = cadre__arena_strdup(&e->arena, dir)) == NULL)
        return cadre__fail(err, CADRE_ENOMEM, dir, 0, 0, "out of memory");
    return 0;
}

/* ---- refusals ---- */

static void refuse(cadre_engine *e, const char *path, const cadre_error *why)
{
    cadre_diag *d = cadre__vec_push(&e->refused);

    if (d == NULL) return;
    d->severity = CADRE_SEVERITY_ERROR;
    d->source = cadre__arena_strdup(&e->arena, path);
    d->field = "";
    d->line = why->line;
    d->column = why->column;
    d->message = cadre__arena_strdup(&e->arena, why->message);
    if (d->source == NULL || d->message == NULL) {
        e->refused.count--;
        return;
    }
    if (e->on_diag) e->on_diag(e->userdata, d);
}

size_t cadre_engine_refused_count(const cadre_engine *e)
{
    return e ? e->refused.count : 0;
}

const cadre_diag *cadre_engine_refused(const cadre_engine *e, size_t i)
{
    return e ? cadre__vec_at(&e->refused, i) : NULL;
}

/* ---- the registry ---- */

static cadre__entry *entry_at(const cadre_engine *e, size_t i)
{
    return cadre__vec_at(&e->plugins, i);
}

cadre__plugin *cadre__engine_plugin_at(const cadre_engine *e, size_t i)
{
    cadre__entry *en = entry_at(e, i);

    return en ? en->plugin : NULL;
}

static cadre__entry *find_entry(const cadre_engine *e, const char *name)
{
    for (size_t i = 0; i < e->plugins.count; i++)
        if (strcmp(entry_at(e, i)->plugin->meta.name, name) == 0) return entry_at(e, i);
    return NULL;
}

cadre__plugin *cadre__engine_find(const cadre_engine *e, const char *name)
{
    cadre__entry *en = find_entry(e, name);

    return en ? en->plugin : NULL;
}

/* Suggests a loaded plugin name close to `name`. */
static const char *suggest_plugin(const cadre_engine *e, const char *name)
{
    const char *names[256];
    size_t n = 0;

    for (size_t i = 0; i < e->plugins.count && n < 255; i++)
        names[n++] = cadre__engine_plugin_at(e, i)->meta.name;
    names[n] = NULL;
    return cadre__suggest_list(name, names);
}

/* Keeps the registry sorted by name so listings and default runs are stable. */
static int insert_sorted(cadre_engine *e, cadre__plugin *p, int builtin)
{
    cadre__entry *slot = cadre__vec_push(&e->plugins);
    size_t i;

    if (slot == NULL) return CADRE_ENOMEM;
    for (i = e->plugins.count - 1; i > 0; i--) {
        cadre__entry *prev = entry_at(e, i - 1);

        if (strcmp(prev->plugin->meta.name, p->meta.name) < 0) break;
        *entry_at(e, i) = *prev;
    }
    entry_at(e, i)->plugin = p;
    entry_at(e, i)->builtin = builtin;
    return 0;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);

    return n > k && strcmp(s + n - k, suffix) == 0;
}

int cadre__is_plugin_file(const char *name)
{
    if (name[0] == '.') return 0;
    if (has_suffix(name, ".so")) return 1;
    return has_suffix(name, ".lua") && !has_suffix(name, "_test.lua");
}

/* ---- trust and placement ---- */

/* The real path of the folder holding `path`, in buf. */
static int folder_of(const char *path, char *buf, size_t size)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');

    if (slash == NULL || (size_t)(slash - path) >= sizeof(dir)) return -1;
    if (slash == path)
        strcpy(dir, "/");
    else
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
    (void)size;
    return realpath(dir, buf) ? 0 : -1;
}

/* Where a plugin file comes from: the built-in folder, a trusted one, or anywhere else. */
static void classify(const cadre_engine *e, const char *path, int *builtin, int *trusted)
{
    char real[PATH_MAX];

    *builtin = *trusted = 0;
    if (folder_of(path, real, sizeof(real)) != 0) return;
    if (e->builtin_real && strcmp(real, e->builtin_real) == 0) *builtin = *trusted = 1;
    for (size_t i = 0; i < e->trusted.count && !*trusted; i++)
        *trusted = strcmp(real, *(char **)cadre__vec_at(&e->trusted, i)) == 0;
}

/* Whether a plugin runs in a worker process, by the engine's isolation mode. */
static int runs_isolated(const cadre_engine *e, int native, int trusted)
{
    switch (e->isolation) {
    case CADRE_ISOLATE_NONE:
        return 0;
    case CADRE_ISOLATE_ALL:
        return 1;
    case CADRE_ISOLATE_NATIVE:
        return native || !trusted;
    default:
        return !trusted;
    }
}

/* Reads, hashes and loads one plugin file where it belongs. */
static int load_plugin(cadre_engine *e, cadre__plugin **p, const char *path, int native,
                       int trusted, cadre_error *er)
{
    char sha[65], *text = NULL;
    size_t len;
    int rc, isolated = runs_isolated(e, native, trusted);

    if ((rc = cadre__check_path_safety(path, er)) != 0 ||
        (rc = cadre__read_file(&text, &len, path, CADRE__MAX_PLUGIN_BYTES, er)) != 0 ||
        (rc = cadre__sha256_hex(sha, text, len)) != 0) {
        free(text);
        return rc;
    }
    if (isolated)
        rc = cadre__remote_load(p, path, sha, native ? NULL : text, len, &e->ctx, er);
    else if (native)
        rc = cadre__native_load(p, path, sha, er);
    else
        rc = cadre__lua_load(p, path, sha, text, len, &e->ctx, er);
    free(text);
    if (rc == 0) {
        (*p)->meta.trusted = trusted;
        (*p)->meta.isolated = isolated;
    }
    return rc;
}

/* Registers a loaded plugin, unless another has its name: the one found first wins, and a
 * built-in's name is reserved unless the user allowed overriding it. */
static int register_plugin(cadre_engine *e, cadre__plugin *p, int builtin, cadre_error *er)
{
    cadre__entry *other = find_entry(e, p->meta.name);
    const char *path = p->meta.path;

    if (other != NULL && other->builtin && !builtin && e->allow_override) {
        cadre_diag d = {CADRE_SEVERITY_WARNING, path, "", 0, 0, ""};
        char msg[1200];

        snprintf(msg, sizeof(msg), "%s replaces the built-in plugin '%s' (%s), as allowed", path,
                 p->meta.name, other->plugin->meta.path);
        d.message = msg;
        if (e->on_diag) e->on_diag(e->userdata, &d);
        cadre__plugin_free(other->plugin);
        other->plugin = p;
        other->builtin = 0;
        return 0;
    }
    if (other != NULL && other->builtin && !builtin)
        return cadre__fail(er, CADRE_EEXISTS, path, 0, 0,
                           "%s: plugin name '%s' is reserved by the built-in plugin %s; rename "
                           "yours, or allow it to replace the built-in (--allow-override)",
                           path, p->meta.name, other->plugin->meta.path);
    if (other != NULL)
        return cadre__fail(er, CADRE_EEXISTS, path, 0, 0,
                           "%s: plugin name '%s' is already taken by %s, which comes earlier on "
                           "the search path; rename or remove one of them",
                           path, p->meta.name, other->plugin->meta.path);
    if (insert_sorted(e, p, builtin) != 0)
        return cadre__fail(er, CADRE_ENOMEM, path, 0, 0, "out of memory");
    return 0;
}

static int engine_load_file(cadre_engine *e, const char *path, cadre_error *err)
{
    cadre_error local;
    cadre_error *er = err ? err : &local;
    cadre__plugin *p = NULL;
    int rc, native, builtin, trusted;

    if (e == NULL || path == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_load_file: NULL argument");
    memset(er, 0, sizeof(*er));
    native = has_suffix(path, ".so");
    if (!native && !has_suffix(path, ".lua")) {
        rc = cadre__fail(er, CADRE_EPLUGIN, path, 0, 0,
                         "%s: not a plugin file (native plugins end in .so, Lua rubrics in .lua)",
                         path);
    } else if (cadre__text_problem(path, 4000, 0) != NULL) {
        /* The path is shown in listings, reports and terminals: it must be plain text. */
        rc = cadre__fail(er, CADRE_EPLUGIN, path, 0, 0, "%s: the file name %s; rename the file",
                         path, cadre__text_problem(path, 4000, 0));
    } else if (strchr(path, '/') == NULL) {
        /* dlopen would search the library path for a bare name: insist on a real path. */
        rc = cadre__fail(er, CADRE_EINVAL, path, 0, 0,
                         "%s: give a path with a directory, e.g. ./%s", path, path);
    } else {
        classify(e, path, &builtin, &trusted);
        rc = load_plugin(e, &p, path, native, trusted, er);
        if (rc == 0 && (rc = register_plugin(e, p, builtin, er)) != 0) cadre__plugin_free(p);
    }
    if (rc != 0) refuse(e, path, er);
    return rc;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Loads every plugin file in `dir`, in name order. `required` folders that are missing are
 * reported; optional ones (the default user folder) are skipped quietly. */
static int load_dir(cadre_engine *e, const char *dir, int required)
{
    cadre__vec names = CADRE__VEC_INIT(char *);
    cadre_error why;
    struct dirent *de;
    DIR *d;
    int rc = 0;

    if (cadre__check_dir_safety(dir, required, &why) != 0) {
        if (why.code != CADRE_ENOTFOUND || required) refuse(e, dir, &why);
        return 0;
    }
    d = opendir(dir);
    if (d == NULL) {
        int en = errno;

        if (en == ENOENT && !required) return 0;
        cadre__fail(&why, CADRE_EIO, dir, 0, 0, "plugin folder %s: %s", dir, strerror(en));
        refuse(e, dir, &why);
        return 0;
    }
    while ((de = readdir(d)) != NULL) {
        char **slot;

        if (!cadre__is_plugin_file(de->d_name)) continue;
        slot = cadre__vec_push(&names);
        if (slot == NULL || (*slot = strdup(de->d_name)) == NULL) {
            rc = CADRE_ENOMEM;
            break;
        }
    }
    closedir(d);
    if (names.count) qsort(names.items, names.count, sizeof(char *), cmp_names);
    for (size_t i = 0; i < names.count; i++) {
        char *name = *(char **)cadre__vec_at(&names, i);
        char path[4096];

        if (rc == 0) {
            snprintf(path, sizeof(path), "%s/%s", dir, name);
            cadre_engine_load_file(e, path, NULL);
        }
        free(name);
    }
    cadre__vec_free(&names);
    return rc;
}

static char *default_user_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    char buf[4096];

    if (xdg && *xdg == '/')
        snprintf(buf, sizeof(buf), "%s/cadre/plugins", xdg);
    else if (home && *home)
        snprintf(buf, sizeof(buf), "%s/.local/share/cadre/plugins", home);
    else
        return NULL;
    return strdup(buf);
}

static int engine_load(cadre_engine *e, cadre_error *err)
{
    const char *env = e && e->use_env_path ? getenv("CADRE_PLUGIN_PATH") : NULL;
    char *user;

    if (e == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_load: NULL engine");
    if (e->loaded) return 0;
    e->loaded = 1;
    /* The built-ins first, so that their names are taken before anything else can claim them. */
    if (*e->builtin_dir && load_dir(e, e->builtin_dir, 1) != 0) goto oom;
    /* Folders added later take precedence, like PATH entries prepended one at a time. */
    for (size_t i = e->dirs.count; i > 0; i--)
        if (load_dir(e, *(const char **)cadre__vec_at(&e->dirs, i - 1), 1) != 0) goto oom;
    if (env != NULL && *env) {
        char *copy = strdup(env), *save = NULL;

        if (copy == NULL) goto oom;
        /* Empty entries are ignored: unlike PATH, they never mean the current directory. */
        for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
            if (load_dir(e, tok, 1) != 0) {
                free(copy);
                goto oom;
            }
        free(copy);
    }
    user = e->user_dir ? strdup(e->user_dir) : default_user_dir();
    if (user && *user && load_dir(e, user, e->user_dir != NULL) != 0) {
        free(user);
        goto oom;
    }
    free(user);
    return 0;
oom:
    return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory while loading plugins");
}

size_t cadre_engine_plugin_count(const cadre_engine *e)
{
    return e ? e->plugins.count : 0;
}

const cadre_plugin_meta *cadre_engine_plugin(const cadre_engine *e, size_t i)
{
    cadre__plugin *p = e ? cadre__engine_plugin_at(e, i) : NULL;

    return p ? &p->meta : NULL;
}

static void put_field(cadre__sha256 *s, const char *v)
{
    cadre__sha256_update(s, v ? v : "",
                         v ? strlen(v) + 1 : 1); /* NUL-ended: fields cannot run together */
}

const char *cadre_engine_param(const cadre_engine *e, const char *plugin, const char *key)
{
    const cadre__plugin *p =
        e && plugin && key ? cadre__engine_find((cadre_engine *)e, plugin) : NULL;

    for (size_t i = 0; p && i < p->param_count; i++)
        if (strcmp(p->params[i].spec->key, key) == 0) return p->params[i].value;
    return NULL;
}

const char *cadre__engine_fingerprint(cadre_engine *e)
{
    if (!e->fp_valid) {
        cadre_engine_fingerprint(e->fp, e);
        e->fp_valid = 1;
    }
    return e->fp;
}

int cadre_engine_fingerprint(char out[65], const cadre_engine *e)
{
    cadre__sha256 s;

    if (out == NULL) return CADRE_EINVAL;
    out[0] = '\0';
    if (e == NULL) return CADRE_EINVAL;
    cadre__sha256_init(&s);
    put_field(&s, "cadre engine fingerprint 1");
    put_field(&s, CADRE_VERSION);
    for (size_t i = 0; i < e->plugins.count; i++) {
        const cadre__plugin *p = cadre__engine_plugin_at(e, i);

        put_field(&s, p->meta.name);
        put_field(&s, p->meta.version);
        put_field(&s, cadre_plugin_kind_name(p->meta.kind));
        put_field(&s, p->meta.sha256);
        for (size_t k = 0; k < p->param_count; k++) {
            put_field(&s, p->params[k].spec->key);
            put_field(&s, p->params[k].value ? p->params[k].value : "(unset)");
        }
    }
    cadre__sha256_final_hex(&s, out);
    return 0;
}

static int engine_set_param(cadre_engine *e, const char *plugin, const char *key, const char *value,
                            cadre_error *err)
{
    cadre__plugin *p;
    char msg[300];

    if (e == NULL || plugin == NULL || key == NULL || value == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_set_param: NULL argument");
    p = cadre__engine_find(e, plugin);
    if (p == NULL) {
        const char *s = suggest_plugin(e, plugin);

        return cadre__fail(err, CADRE_ENOTFOUND, plugin, 0, 0,
                           "no plugin '%s' is loaded%s%s%s; `cadre list` shows them", plugin,
                           s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
    }
    for (size_t i = 0; i < p->param_count; i++) {
        const char *copy;

        if (strcmp(p->params[i].spec->key, key) != 0) continue;
        copy = cadre__arena_strdup(&p->arena, value);
        if (copy == NULL) return cadre__fail(err, CADRE_ENOMEM, plugin, 0, 0, "out of memory");
        if (cadre__plugin_set_param(p, key, copy, msg, sizeof(msg)) != 0)
            return cadre__fail(err, CADRE_EINVAL, plugin, 0, 0, "%s", msg);
        return 0;
    }
    {
        const char *names[65], *s;
        char list[512] = "";
        size_t used = 0, n = 0;

        for (size_t i = 0; i < p->param_count && n < 64; i++) {
            names[n++] = p->params[i].spec->key;
            used += (size_t)snprintf(list + used, used < sizeof(list) ? sizeof(list) - used : 0,
                                     "%s%s", i ? ", " : "", p->params[i].spec->key);
        }
        names[n] = NULL;
        s = cadre__suggest_list(key, names);
        return cadre__fail(err, CADRE_ENOTFOUND, plugin, 0, 0,
                           "plugin '%s' has no parameter '%s'%s%s%s; it accepts %s", plugin, key,
                           s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "",
                           n ? list : "none");
    }
}

int cadre_engine_load_file(cadre_engine *e, const char *path, cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = engine_load_file(e, path, err);

    if (e) e->fp_valid = 0; /* what the fingerprint covers may have changed */

    cadre__locale_leave(previous);
    return rc;
}

int cadre_engine_load(cadre_engine *e, cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = engine_load(e, err);

    if (e) e->fp_valid = 0; /* what the fingerprint covers may have changed */

    cadre__locale_leave(previous);
    return rc;
}

int cadre_engine_set_param(cadre_engine *e, const char *plugin, const char *key, const char *value,
                           cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = engine_set_param(e, plugin, key, value, err);

    if (e) e->fp_valid = 0; /* what the fingerprint covers may have changed */

    cadre__locale_leave(previous);
    return rc;
}
