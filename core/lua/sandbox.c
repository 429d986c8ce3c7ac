/* SPDX-License-Identifier: MIT */
/*
 * core/lua/sandbox.c - see sandbox.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <lauxlib.h>
#include <lualib.h>

#include "lua/library.h"
#include "lua/seal.h"
#include "lua/sandbox.h"
#include "lua/watchdog.h"

#define MAX_DATA_BYTES (4u << 20)

struct cadre__sandbox {
    lua_State *L;
    size_t used, limit;
    uint32_t time_ms;
    int in_call;                /* inside begin/end */
    int mem_exceeded;           /* the allocator refused a request */
    int fallback_hook;          /* the watchdog could not start: counting instructions instead */
    int holds_watchdog;         /* counted in the watchdog's users */
    uint64_t fallback_start_ns; /* thread CPU time at begin, when counting instructions */
    cadre__deadline deadline;
    /* Where the running rubric was when it failed (from the message handler or allocator). */
    char where_file[512];
    int where_line;
    char *path;
    char *data_dir;
    cadre__print_fn print;
    void *print_userdata;
    cadre__sha256 data_digest; /* of every data file read: names and contents */
};

cadre__sandbox *cadre__sandbox_of(lua_State *L)
{
    /* Every thread of the state shares the main thread's extra space contents at creation. */
    return *(cadre__sandbox **)lua_getextraspace(L);
}

lua_State *cadre__sandbox_state(cadre__sandbox *sb)
{
    return sb->L;
}

void cadre__sandbox_data_digest(const cadre__sandbox *sb, char out[65])
{
    cadre__sha256 copy = sb->data_digest;

    cadre__sha256_final_hex(&copy, out);
}

size_t cadre__sandbox_memory(const cadre__sandbox *sb)
{
    return sb->used;
}

/* ---- where did it fail? ---- */

/* Records the innermost Lua line on L's stack, starting at `level`. */
static void record_where(cadre__sandbox *sb, lua_State *L, int level)
{
    lua_Debug ar;

    for (; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) continue;
        cadre__strlcpy(sb->where_file, ar.source[0] == '@' ? ar.source + 1 : ar.short_src,
                       sizeof(sb->where_file));
        sb->where_line = ar.currentline;
        return;
    }
}

/* ---- memory ---- */

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    cadre__sandbox *sb = ud;
    size_t old = ptr != NULL ? osize : 0; /* with ptr == NULL, osize is a type tag */
    void *p;

    if (nsize == 0) {
        free(ptr);
        sb->used -= old;
        return NULL;
    }
    if (nsize > old && nsize - old > sb->limit - sb->used) {
        /* Refusing makes Lua raise a memory error, which skips the message handler, so note
         * the position now. Reading the stack here is safe: Lua saves the program counter
         * before any operation that can allocate, and lua_getinfo("Sl") allocates nothing. */
        if (!sb->mem_exceeded && sb->in_call && sb->deadline.current != NULL)
            record_where(sb, sb->deadline.current, 0);
        sb->mem_exceeded = 1;
        return NULL;
    }
    p = realloc(ptr, nsize);
    if (p != NULL) sb->used = sb->used - old + nsize;
    return p;
}

/* ---- the CPU budget ---- */

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    cadre__sandbox *sb = cadre__sandbox_of(L);

    (void)ar;
    atomic_store(&sb->deadline.fired,
                 1); /* already set by the watchdog; needed for the fallback hook */
    /* Remember where the budget ran out the first time: later firings happen wherever the
     * rubric goes after catching the error, which is not where the time went. */
    if (sb->where_line == 0) record_where(sb, L, 0);
    luaL_error(L, "CPU budget of %u ms exceeded (raise it with --lua-time-limit)", sb->time_ms);
}

/* Used only when the watchdog thread cannot be started: about 100 M instructions/second. */
static void count_hook(lua_State *L, lua_Debug *ar)
{
    /* From here on every instruction raises, as it does once the watchdog has fired: a rubric
     * that catches the error (in a loop, or in an xpcall handler that starts again) cannot
     * go on. */
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    budget_hook(L, ar);
}

static cadre__budget_mode budget_mode = CADRE__BUDGET_WATCHDOG;

static uint64_t thread_cpu_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

void cadre__sandbox_check_budget(lua_State *L)
{
    cadre__sandbox *sb = cadre__sandbox_of(L);

    if (!sb->in_call) return;
    /* Without the watchdog nothing sets `fired` while C code runs: read the clock here. */
    if (sb->fallback_hook && thread_cpu_ns() - sb->fallback_start_ns >= sb->time_ms * 1000000ull)
        atomic_store(&sb->deadline.fired, 1);
    if (atomic_load(&sb->deadline.fired)) budget_hook(L, NULL);
}

void cadre__sandbox_set_budget_mode(cadre__budget_mode mode)
{
    budget_mode = mode;
}

void cadre__sandbox_begin(cadre__sandbox *sb)
{
    sb->in_call = 1;
    sb->mem_exceeded = 0;
    sb->where_file[0] = '\0';
    sb->where_line = 0;
    sb->fallback_hook = 0;
    atomic_store(&sb->deadline.fired, 0);
    if (budget_mode == CADRE__BUDGET_NONE) {
        sb->deadline.current = sb->L;
        return;
    }
    if (budget_mode == CADRE__BUDGET_COUNT_HOOK ||
        cadre__deadline_arm(&sb->deadline, sb->L, sb->time_ms, budget_hook) != 0) {
        sb->fallback_hook = 1;
        sb->fallback_start_ns = thread_cpu_ns();
        sb->deadline.current = sb->L;
        lua_sethook(sb->L, count_hook, LUA_MASKCOUNT,
                    sb->time_ms > 20000 ? 2000000000 : (int)(sb->time_ms * 100000u));
    }
}

void cadre__sandbox_end(cadre__sandbox *sb)
{
    cadre__deadline_disarm(&sb->deadline);
    lua_sethook(sb->L, NULL, 0, 0);
    sb->deadline.current = NULL;
    sb->in_call = 0;
}

/* ---- calls ---- */

static int msgh(lua_State *L)
{
    cadre__sandbox *sb = cadre__sandbox_of(L);

    if (sb->where_line == 0) record_where(sb, L, 1);
    if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER) {
        /* Do not call __tostring here: a hostile metamethod would run in the handler. */
        lua_pushfstring(L, "error with a %s value instead of a message", luaL_typename(L, 1));
    }
    return 1;
}

/* Drops the leading "file:LINE: " Lua puts on messages: file and line are reported apart. */
static const char *strip_position(const char *msg)
{
    for (const char *p = strchr(msg, ':'); p != NULL; p = strchr(p + 1, ':')) {
        const char *q = p + 1;

        if (*q < '0' || *q > '9') continue;
        while (*q >= '0' && *q <= '9')
            q++;
        if (q[0] == ':' && q[1] == ' ') return q + 2;
    }
    return msg;
}

/* The line number in "file:LINE: message", or 0. */
static int position_line(const char *msg)
{
    const char *rest = strip_position(msg);
    const char *q;

    if (rest == msg) return 0;
    q = rest - 2; /* at the ':' after the digits */
    while (q > msg && q[-1] >= '0' && q[-1] <= '9')
        q--;
    return atoi(q);
}

int cadre__sandbox_pcall(cadre__sandbox *sb, int nargs, int nresults, cadre_error *err)
{
    lua_State *L = sb->L;
    int base = lua_gettop(L) - nargs, status, code = CADRE_ELIMIT;
    const char *file;

    lua_pushcfunction(L, msgh);
    lua_insert(L, base);
    status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    if (status == LUA_OK && !atomic_load(&sb->deadline.fired)) return 0;

    file = sb->where_file[0] ? sb->where_file : sb->path;
    if (atomic_load(&sb->deadline.fired)) {
        /* Even if the rubric caught the budget error and returned, the call is over. */
        cadre__fail(err, code, file, sb->where_line, 0,
                    "CPU budget of %u ms exceeded (raise it with --lua-time-limit)", sb->time_ms);
    } else if (status == LUA_ERRMEM || sb->mem_exceeded) {
        cadre__fail(err, code, file, sb->where_line, 0,
                    "memory cap of %zu MiB exceeded (raise it with --lua-memory-limit)",
                    sb->limit >> 20);
    } else {
        const char *msg = lua_tostring(L, -1);

        code = CADRE_EPLUGIN;
        cadre__fail(err, code, file, sb->where_line, 0, "%s",
                    msg ? strip_position(msg) : "error while handling an error");
    }
    lua_settop(L, base - 1); /* the error object, or results of a call that had to stop */
    sb->mem_exceeded = 0;
    sb->where_file[0] = '\0';
    sb->where_line = 0;
    return code;
}

int cadre__sandbox_load(cadre__sandbox *sb, const char *text, size_t len, cadre_error *err)
{
    char chunkname[520];
    int status;

    snprintf(chunkname, sizeof(chunkname), "@%s", sb->path);
    /* Mode "t": text only. Precompiled bytecode can break the VM's safety assumptions. */
    status = luaL_loadbufferx(sb->L, text, len, chunkname, "t");
    if (status != LUA_OK) {
        const char *msg = lua_tostring(sb->L, -1);
        /* Syntax errors read "path:LINE: message"; the path may be shortened, the line not. */
        int line = msg ? position_line(msg) : 0;

        cadre__fail(err, status == LUA_ERRMEM ? CADRE_ELIMIT : CADRE_EPARSE, sb->path, line, 0,
                    "%s", msg ? strip_position(msg) : "cannot compile");
        lua_pop(sb->L, 1);
        return err ? err->code : CADRE_EPARSE;
    }
    return 0;
}

/* ---- the safe library set ---- */

static int sb_print(lua_State *L)
{
    cadre__sandbox *sb = cadre__sandbox_of(L);
    int n = lua_gettop(L);
    const char *line;
    luaL_Buffer b;
    size_t len;

    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    line = lua_tolstring(L, -1, &len);
    if (sb->print) {
        sb->print(sb->print_userdata, line, len);
    } else {
        cadre__buf out = {0};

        cadre__buf_printf(&out, "[%s] ", sb->path);
        cadre__escape_for_terminal(&out, line, len, 0);
        cadre__buf_puts(&out, "\n");
        if (!out.oom) fputs(out.data, stderr);
        free(out.data);
    }
    return 0;
}

/* load() for strings of text only; the environment defaults to the rubric's globals. */
static int sb_load(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "=(load)");
    const char *mode = luaL_optstring(L, 3, "t");
    int has_env = !lua_isnone(L, 4);

    if (strchr(mode, 'b') != NULL)
        return luaL_error(L, "load(): binary chunks are not allowed in the cadre sandbox");
    if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2; /* nil, message: as load() does */
    }
    if (has_env) {
        lua_pushvalue(L, 4);
        if (lua_setupvalue(L, -2, 1) == NULL) lua_pop(L, 1);
    }
    return 1;
}

static int sb_collectgarbage(lua_State *L)
{
    const char *opt = luaL_optstring(L, 1, "collect");

    if (strcmp(opt, "count") == 0) {
        int k = lua_gc(L, LUA_GCCOUNT, 0), b = lua_gc(L, LUA_GCCOUNTB, 0);

        lua_pushnumber(L, (lua_Number)k + ((lua_Number)b / 1024));
        return 1;
    }
    return luaL_error(L,
                      "collectgarbage(\"%s\") is not available in the cadre sandbox; only "
                      "\"count\" is",
                      opt);
}

/* coroutine.resume that tells the watchdog which Lua thread runs. The original is upvalue 1. */
static int sb_resume(lua_State *L)
{
    cadre__sandbox *sb = cadre__sandbox_of(L);
    lua_State *co = lua_tothread(L, 1);
    int status, n;

    luaL_argexpected(L, co != NULL, 1, "coroutine");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (sb->in_call) cadre__deadline_switch(&sb->deadline, co);
    status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (sb->in_call) cadre__deadline_switch(&sb->deadline, L);
    if (status != LUA_OK) return lua_error(L);
    n = lua_gettop(L);
    return n;
}

/* The function coroutine.wrap returns: resume through sb_resume, raise on error. */
static int sb_wrapped(lua_State *L)
{
    int n = lua_gettop(L);

    lua_pushvalue(L, lua_upvalueindex(1)); /* sandbox resume */
    lua_pushvalue(L, lua_upvalueindex(2)); /* the coroutine */
    lua_rotate(L, 1, 2);
    lua_call(L, n + 1, LUA_MULTRET);
    if (!lua_toboolean(L, 1)) return lua_error(L); /* error object is at index 2 */
    return lua_gettop(L) - 1;
}

static int sb_wrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1); /* coroutine.create(f) */
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, -2);
    lua_pushcclosure(L, sb_wrapped, 2);
    return 1;
}

/* coroutine.close runs the coroutine's pending __close handlers on the coroutine's own Lua
 * thread: the budget must watch that thread meanwhile, as for resume. The original close is
 * upvalue 1. */
static int sb_close(lua_State *L)
{
    cadre__sandbox *sb = cadre__sandbox_of(L);
    lua_State *co = lua_tothread(L, 1);
    int status;

    luaL_argexpected(L, co != NULL, 1, "coroutine");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (sb->in_call) cadre__deadline_switch(&sb->deadline, co);
    status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (sb->in_call) cadre__deadline_switch(&sb->deadline, L);
    if (status != LUA_OK) return lua_error(L);
    return lua_gettop(L);
}

/* xpcall(f, handler, ...): Lua calls a message handler at the point of the error, where hooks
 * are off when the error was the budget's own, so a handler that loops could never be stopped.
 * Here the handler runs after the stack has unwound, as an ordinary call the budget reaches.
 * (It sees the error value, as usual; not the stack at the point of the error, which a rubric
 * could not inspect anyway without the debug library.) */
static int finish_xpcall(lua_State *L, int status, lua_KContext first)
{
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushvalue(L, 2); /* the handler */
        lua_insert(L, -2);
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
            lua_pop(L, 1);
            lua_pushliteral(L, "error in error handling");
        }
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)first; /* true and the function's results */
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L), status;

    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1); /* the first result, if all goes well */
    lua_pushvalue(L, 1);   /* the function */
    lua_rotate(L, 3, 2);   /* both below the arguments: f, handler, true, f, args... */
    status = lua_pcallk(L, n - 2, LUA_MULTRET, 0, 2, finish_xpcall);
    return finish_xpcall(L, status, 2);
}

static void patch_coroutines(lua_State *L)
{
    lua_getglobal(L, "coroutine");
    lua_getfield(L, -1, "resume");
    lua_pushcclosure(L, sb_resume, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "resume");
    /* stack: coroutine, sb_resume */
    lua_getfield(L, -2, "create");
    lua_insert(L, -2);
    lua_pushcclosure(L, sb_wrap, 2);
    lua_setfield(L, -2, "wrap");
    lua_getfield(L, -1, "close");
    lua_pushcclosure(L, sb_close, 1);
    lua_setfield(L, -2, "close");
    lua_pop(L, 1);
    lua_pushcfunction(L, sb_xpcall);
    lua_setglobal(L, "xpcall");
}

/* Names whose absence deserves an explanation rather than "undefined global". */
static const char *const forbidden[] = {"io",     "os",       "package",    "debug", "require",
                                        "dofile", "loadfile", "loadstring", NULL};

static int strict_index(lua_State *L)
{
    const char *k = lua_tostring(L, 2);

    for (int i = 0; k && forbidden[i]; i++)
        if (strcmp(k, forbidden[i]) == 0)
            return luaL_error(L,
                              "'%s' is not available in the cadre sandbox: rubrics cannot "
                              "read files, run commands or load modules",
                              k);
    return luaL_error(L, "undefined global '%s' (a typo, or a missing 'local'?)",
                      k ? k : luaL_typename(L, 2));
}

/* Reading an undefined global is an error (writing one after loading is, too: seal.c). */
static void set_strict(lua_State *L)
{
    lua_pushglobaltable(L);
    lua_newtable(L);
    lua_pushcfunction(L, strict_index);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "the global table is locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

static int open_libs(lua_State *L)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_COLIBNAME, luaopen_coroutine},
    };

    for (size_t i = 0; i < CADRE__ARRAY_LEN(libs); i++) {
        luaL_requiref(L, libs[i].name, libs[i].func, 1);
        lua_pop(L, 1);
    }
    /* Remove what reaches outside the state or below the language. */
    lua_pushnil(L), lua_setglobal(L, "dofile");
    lua_pushnil(L), lua_setglobal(L, "loadfile");
    lua_pushcfunction(L, sb_load), lua_setglobal(L, "load");
    lua_pushcfunction(L, sb_print), lua_setglobal(L, "print");
    lua_pushcfunction(L, sb_collectgarbage), lua_setglobal(L, "collectgarbage");
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_pushnil(L), lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    /* Versions of long-running functions the budget can stop. */
    cadre__library_install(L, cadre__sandbox_check_budget);
    lua_getglobal(L, LUA_STRLIBNAME);
    cadre__pattern_install(L, -1, cadre__sandbox_check_budget);
    lua_pop(L, 1);
    /* Hide the string metatable so a rubric cannot swap string methods under the engine. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "the string metatable is locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    /* The same rubric and candidate must give the same report: fix the random seed. */
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "cadre.randomseed"); /* reseeded before each call */
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
    patch_coroutines(L);
    cadre__seal_install(L); /* next, rawget, rawset, rawlen that see frozen tables (seal.h) */
    set_strict(L);
    return 0;
}

int cadre__sandbox_new(cadre__sandbox **out, const cadre__sandbox_config *cfg, cadre_error *err)
{
    cadre__sandbox *sb = calloc(1, sizeof(*sb));
    int status;

    *out = NULL;
    if (sb == NULL) return cadre__fail(err, CADRE_ENOMEM, cfg->path, 0, 0, "out of memory");
    sb->limit = cfg->limits.memory;
    sb->time_ms = cfg->limits.time_ms;
    sb->print = cfg->print;
    sb->print_userdata = cfg->print_userdata;
    sb->path = strdup(cfg->path);
    sb->data_dir = cfg->data_dir ? strdup(cfg->data_dir) : NULL;
    cadre__sha256_init(&sb->data_digest);
    sb->L = lua_newstate(sb_alloc, sb);
    /* Generational collection: a rubric's state is a large, long-lived part (its data, the
     * vocabularies, all frozen) and per-person garbage that dies young, which is the case it
     * is made for. Measured on 200 generated people: 2% fewer instructions and 15% less
     * memory than the incremental default (docs/performance.md). */
    if (sb->L) lua_gc(sb->L, LUA_GCGEN, 0, 0);
    if (sb->L == NULL || sb->path == NULL || (cfg->data_dir && sb->data_dir == NULL)) {
        cadre__sandbox_free(sb);
        return cadre__fail(err, CADRE_ENOMEM, cfg->path, 0, 0,
                           "cannot create a Lua state within the %zu-byte memory cap",
                           cfg->limits.memory);
    }
    *(cadre__sandbox **)lua_getextraspace(sb->L) = sb;
    cadre__watchdog_acquire();
    sb->holds_watchdog = 1;
    lua_pushcfunction(sb->L, open_libs);
    status = lua_pcall(sb->L, 0, 0, 0);
    if (status != LUA_OK) {
        cadre__sandbox_free(sb);
        return cadre__fail(err, CADRE_ENOMEM, cfg->path, 0, 0,
                           "cannot open the Lua libraries within the memory cap");
    }
    *out = sb;
    return 0;
}

void cadre__sandbox_free(cadre__sandbox *sb)
{
    if (sb == NULL) return;
    if (sb->L != NULL) lua_close(sb->L);
    if (sb->holds_watchdog) cadre__watchdog_release();
    free(sb->path);
    free(sb->data_dir);
    free(sb);
}

/* ---- data files for rubrics ---- */

static int data_name_ok(const char *name)
{
    if (*name == '\0' || *name == '/' || *name == '.') return 0;
    for (const char *p = name; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
              *p == '.' || *p == '/'))
            return 0;
        if (p[0] == '.' && p[1] == '.') return 0;
        if (p[0] == '/' && p[1] == '.') return 0;
    }
    return 1;
}

static void push_json(lua_State *L, const cJSON *v)
{
    luaL_checkstack(L, 4, "data file nested too deeply");
    if (cJSON_IsBool(v)) {
        lua_pushboolean(L, cJSON_IsTrue(v));
    } else if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;

        if (d == floor(d) && fabs(d) < 9007199254740992.0)
            lua_pushinteger(L, (lua_Integer)d);
        else
            lua_pushnumber(L, d);
    } else if (cJSON_IsString(v)) {
        lua_pushstring(L, v->valuestring);
    } else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
        lua_Integer i = 1;

        lua_createtable(L, 0, 0);
        for (const cJSON *c = v->child; c != NULL; c = c->next) {
            push_json(L, c);
            if (cJSON_IsArray(v))
                lua_rawseti(L, -2, i++);
            else
                lua_setfield(L, -2, c->string);
        }
    } else {
        lua_pushnil(L); /* JSON null: absent, as in Lua */
    }
}

/* Tab-separated values with a header row: an array of {column = value} rows. */
static void push_tsv(lua_State *L, char *text)
{
    char *cols[64];
    int ncols = 0;
    lua_Integer row = 0;
    char *line = text, *next;

    lua_newtable(L);
    for (; line != NULL && *line; line = next) {
        int c = 0;
        char *field = line;

        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        if (*line == '\0' || *line == '#') continue;
        if (ncols == 0) {
            while (field && ncols < 64) {
                char *tab = strchr(field, '\t');

                if (tab) *tab = '\0';
                cols[ncols++] = field;
                field = tab ? tab + 1 : NULL;
            }
            continue;
        }
        lua_newtable(L);
        while (field && c < ncols) {
            char *tab = strchr(field, '\t'), *end;
            double d;

            if (tab) *tab = '\0';
            d = strtod(field, &end);
            if (end != field && *end == '\0')
                lua_pushnumber(L, d);
            else
                lua_pushstring(L, field);
            lua_setfield(L, -2, cols[c++]);
            field = tab ? tab + 1 : NULL;
        }
        lua_rawseti(L, -2, ++row);
    }
}

/* Conversions run as protected C functions so that a memory error while building the table
 * cannot skip freeing the parsed input. */
static int push_json_protected(lua_State *L)
{
    push_json(L, lua_touserdata(L, 1));
    return 1;
}

static int push_tsv_protected(lua_State *L)
{
    push_tsv(L, lua_touserdata(L, 1));
    return 1;
}

int cadre__sandbox_push_data(lua_State *L, const char *name)
{
    cadre__sandbox *sb = cadre__sandbox_of(L);
    char path[1024];
    cadre_error err;
    char *buf;
    size_t len, n = strlen(name);
    const char *end = NULL;
    cJSON *root = NULL;
    int status;

    if (sb->data_dir == NULL) return luaL_error(L, "cadre.data: this rubric has no data folder");
    if (!data_name_ok(name))
        return luaL_error(L,
                          "cadre.data: \"%s\" is not a relative path inside the data folder "
                          "(letters, digits, '_', '-', '.', '/'; no '..')",
                          name);
    snprintf(path, sizeof(path), "%s/%s", sb->data_dir, name);
    if (cadre__read_beneath(&buf, &len, sb->data_dir, name, MAX_DATA_BYTES, &err) != 0)
        return luaL_error(L, "cadre.data: %s", err.message);
    cadre__sha256_update(&sb->data_digest, name, n + 1);
    cadre__sha256_update(&sb->data_digest, buf, len);
    if (n > 4 && strcmp(name + n - 4, ".tsv") == 0) {
        lua_pushcfunction(L, push_tsv_protected);
        lua_pushlightuserdata(L, buf);
    } else {
        root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
        if (root == NULL) {
            int line, col;

            cadre__text_position(buf,
                                 end && end >= buf && end <= buf + len ? (size_t)(end - buf) : len,
                                 &line, &col);
            free(buf);
            return luaL_error(L, "cadre.data: %s:%d:%d: malformed JSON", path, line, col);
        }
        lua_pushcfunction(L, push_json_protected);
        lua_pushlightuserdata(L, root);
    }
    status = lua_pcall(L, 1, 1, 0);
    free(buf);
    cJSON_Delete(root);
    if (status != LUA_OK) return lua_error(L);
    return 1;
}
