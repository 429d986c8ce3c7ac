/* SPDX-License-Identifier: MIT */
/*
 * core/lua/pattern.c - Lua patterns for the sandbox; see library.h.
 *
 * Rubrics rely on Lua's pattern semantics down to the corner cases (which position an empty
 * match is reported at, when a malformed pattern is noticed), so this matcher follows the
 * behaviour of the reference implementation exactly: errors are raised only when matching
 * reaches the faulty item, recursion is limited to the same depth, and gsub and gmatch skip
 * an empty match right after the previous one. tests/unit/test_pattern.c and the fuzz_pattern
 * harness run both on the same inputs and compare every result and error message.
 *
 * The only addition is tick(): every matching step counts, and every TICK_MASK + 1 steps the
 * sandbox is asked whether the budget is spent. That costs an increment and a test per step.
 */
#define _GNU_SOURCE /* memmem: linear time, where a naive search is quadratic */
#include <ctype.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/library.h"

#define MAX_CAPTURES 32  /* LUA_MAXCAPTURES: more raise "too many captures" */
#define MAX_DEPTH    200 /* nested matcher calls before "pattern too complex" (as MAXCCALLS) */
#define CAP_OPEN     (-1)
#define CAP_POSITION (-2)
#define TICK_MASK    0xfffu
#define SPECIALS     "^$*+?.([%-"

typedef struct matcher {
    lua_State *L;
    const char *src, *src_end; /* the subject */
    const char *pat_end;       /* the pattern ends here (patterns may hold zero bytes) */
    int depth;                 /* nested calls left */
    int ncap;
    unsigned steps;
    const cadre__budget_fn *check; /* the sandbox's budget check (an upvalue), or NULL */
    struct {
        const char *at;
        ptrdiff_t len; /* a length, CAP_OPEN or CAP_POSITION */
    } cap[MAX_CAPTURES];
} matcher;

static const char *match(matcher *m, const char *s, const char *p);

static void tick(matcher *m)
{
    if ((++m->steps & TICK_MASK) == 0 && m->check != NULL && *m->check != NULL) (*m->check)(m->L);
}

/* `budget_up` is the upvalue index of the budget check in the running C function. */
static void matcher_init(matcher *m, lua_State *L, int budget_up, const char *s, size_t ls,
                         const char *p, size_t lp)
{
    m->L = L;
    m->check = lua_touserdata(L, lua_upvalueindex(budget_up));
    m->src = s;
    m->src_end = s + ls;
    m->pat_end = p + lp;
    m->steps = 0;
}

/* Before each attempt at a new subject position. */
static void matcher_reset(matcher *m)
{
    m->ncap = 0;
    m->depth = MAX_DEPTH;
}

/* ---- single items ---- */

/* Does byte c belong to class letter cl (%a, %D, ...)? Any other letter stands for itself.
 * Both cases are spelt out rather than folded with tolower(): this runs for every byte a
 * class is tried on, and the call was a third of the matcher's time. */
static int in_class(int c, int cl)
{
    switch (cl) {
    case 'a':
        return isalpha(c) != 0;
    case 'A':
        return !isalpha(c);
    case 'c':
        return iscntrl(c) != 0;
    case 'C':
        return !iscntrl(c);
    case 'd':
        return isdigit(c) != 0;
    case 'D':
        return !isdigit(c);
    case 'g':
        return isgraph(c) != 0;
    case 'G':
        return !isgraph(c);
    case 'l':
        return islower(c) != 0;
    case 'L':
        return !islower(c);
    case 'p':
        return ispunct(c) != 0;
    case 'P':
        return !ispunct(c);
    case 's':
        return isspace(c) != 0;
    case 'S':
        return !isspace(c);
    case 'u':
        return isupper(c) != 0;
    case 'U':
        return !isupper(c);
    case 'w':
        return isalnum(c) != 0;
    case 'W':
        return !isalnum(c);
    case 'x':
        return isxdigit(c) != 0;
    case 'X':
        return !isxdigit(c);
    case 'z':
        return c == 0; /* deprecated in the manual, still accepted by Lua 5.4 */
    case 'Z':
        return c != 0;
    default:
        return cl == c;
    }
}

/* Does byte c belong to the set [...] from `open` (the '[') to `close` (the ']')? */
static int in_set(int c, const char *open, const char *close)
{
    const char *p = open + 1;
    int yes = 1;

    if (*p == '^') {
        yes = 0;
        p++;
    }
    for (; p < close; p++) {
        if (*p == '%') {
            p++;
            if (in_class(c, (unsigned char)*p)) return yes;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return yes;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return yes;
        }
    }
    return !yes;
}

/* Where the single item at p ends: after "x", "%x" or "[...]". */
static const char *item_end(matcher *m, const char *p)
{
    char c = *p++;

    if (c == '%') {
        if (p >= m->pat_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c != '[') return p;
    if (p < m->pat_end && *p == '^') p++;
    /* The first byte of a set is a member even if it is ']', hence test-after. */
    do {
        if (p >= m->pat_end) luaL_error(m->L, "malformed pattern (missing ']')");
        c = *p++;
        if (c == '%' && p < m->pat_end) p++;
    } while (p == m->pat_end || *p != ']');
    return p + 1;
}

/* Does the subject byte at s match the single item p..ep? */
static int item_matches(const matcher *m, const char *s, const char *p, const char *ep)
{
    int c;

    if (s >= m->src_end) return 0;
    c = (unsigned char)*s;
    switch (*p) {
    case '.':
        return 1;
    case '%':
        return in_class(c, (unsigned char)p[1]);
    case '[':
        return in_set(c, p, ep - 1);
    default:
        return (unsigned char)*p == c;
    }
}

/* ---- repetitions ---- */

/* item* (and item+ after its first match): as many as possible, then give back one by one. */
static const char *longest(matcher *m, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;

    while (item_matches(m, s + n, p, ep)) {
        tick(m);
        n++;
    }
    for (; n >= 0; n--) {
        const char *r = match(m, s + n, ep + 1);

        if (r != NULL) return r;
    }
    return NULL;
}

/* item-: as few as possible, taking one more only when the rest fails. */
static const char *shortest(matcher *m, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = match(m, s, ep + 1);

        if (r != NULL) return r;
        if (!item_matches(m, s, p, ep)) return NULL;
        s++;
    }
}

/* ---- captures and the % items that are not classes ---- */

static const char *open_capture(matcher *m, const char *s, const char *p, ptrdiff_t kind)
{
    const char *r;

    if (m->ncap >= MAX_CAPTURES) luaL_error(m->L, "too many captures");
    m->cap[m->ncap].at = s;
    m->cap[m->ncap].len = kind;
    m->ncap++;
    r = match(m, s, p);
    if (r == NULL) m->ncap--;
    return r;
}

static const char *close_capture(matcher *m, const char *s, const char *p)
{
    int i = m->ncap - 1;
    const char *r;

    while (i >= 0 && m->cap[i].len != CAP_OPEN)
        i--;
    if (i < 0) luaL_error(m->L, "invalid pattern capture");
    m->cap[i].len = s - m->cap[i].at;
    r = match(m, s, p);
    if (r == NULL) m->cap[i].len = CAP_OPEN;
    return r;
}

/* %bxy at p (pointing at x): a balanced run from x to its matching y. */
static const char *balanced(matcher *m, const char *s, const char *p)
{
    int depth = 1;

    if (p + 1 >= m->pat_end) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->src_end || *s != p[0]) return NULL;
    while (++s < m->src_end) {
        tick(m);
        if (*s == p[1]) {
            if (--depth == 0) return s + 1;
        } else if (*s == p[0]) {
            depth++;
        }
    }
    return NULL;
}

/* %f[set] at p (pointing at '['): the previous byte is outside the set and this one inside. */
static const char *frontier_end(matcher *m, const char *s, const char *p)
{
    const char *ep;
    int before, here;

    if (p >= m->pat_end || *p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
    ep = item_end(m, p);
    before = s == m->src ? 0 : (unsigned char)s[-1];
    here = s < m->src_end ? (unsigned char)*s : 0;
    return !in_set(before, p, ep - 1) && in_set(here, p, ep - 1) ? ep : NULL;
}

/* %1..%9: the same bytes as an earlier, closed capture. */
static const char *backref(matcher *m, const char *s, int digit)
{
    int i = digit - '1';
    size_t len;

    if (i < 0 || i >= m->ncap || m->cap[i].len == CAP_OPEN)
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    len = (size_t)m->cap[i].len; /* a position capture becomes huge and never matches */
    if ((size_t)(m->src_end - s) >= len && memcmp(m->cap[i].at, s, len) == 0) return s + len;
    return NULL;
}

/* ---- the matcher ---- */

/* Matches the pattern from p against the subject from s; returns where the match ends, or
 * NULL. Items that need no backtracking continue the loop; the others recurse. */
static const char *match(matcher *m, const char *s, const char *p)
{
    const char *ep;
    char rep;

    if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
    while (p < m->pat_end) {
        tick(m);
        switch (*p) {
        case '(':
            if (p + 1 < m->pat_end && p[1] == ')')
                s = open_capture(m, s, p + 2, CAP_POSITION);
            else
                s = open_capture(m, s, p + 1, CAP_OPEN);
            goto done;
        case ')':
            s = close_capture(m, s, p + 1);
            goto done;
        case '$':
            if (p + 1 != m->pat_end) break; /* not at the end: an ordinary byte */
            if (s != m->src_end) s = NULL;
            goto done;
        case '%':
            if (p + 1 == m->pat_end) break; /* item_end() raises the error */
            if (p[1] == 'b') {
                if ((s = balanced(m, s, p + 2)) == NULL) goto done;
                p += 4;
                continue;
            }
            if (p[1] == 'f') {
                if ((ep = frontier_end(m, s, p + 2)) == NULL) {
                    s = NULL;
                    goto done;
                }
                p = ep;
                continue;
            }
            if (isdigit((unsigned char)p[1])) {
                if ((s = backref(m, s, (unsigned char)p[1])) == NULL) goto done;
                p += 2;
                continue;
            }
            break;
        }
        /* A single item, perhaps followed by a repetition. */
        ep = item_end(m, p);
        rep = ep < m->pat_end ? *ep : '\0';
        if (!item_matches(m, s, p, ep)) {
            if (rep != '*' && rep != '?' && rep != '-') {
                s = NULL;
                goto done;
            }
            p = ep + 1; /* zero repetitions are allowed */
            continue;
        }
        switch (rep) {
        case '?': {
            const char *r = match(m, s + 1, ep + 1);

            if (r != NULL) {
                s = r;
                goto done;
            }
            p = ep + 1;
            continue;
        }
        case '+':
            s = longest(m, s + 1, p, ep);
            goto done;
        case '*':
            s = longest(m, s, p, ep);
            goto done;
        case '-':
            s = shortest(m, s, p, ep);
            goto done;
        default:
            s++, p = ep;
            continue;
        }
    }
done:
    m->depth++;
    return s;
}

/* ---- pushing results ---- */

/* Pushes capture i (or the whole match s..e when the pattern has none and i is 0). */
static void push_capture(matcher *m, int i, const char *s, const char *e)
{
    if (i >= m->ncap) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
    } else if (m->cap[i].len == CAP_OPEN) {
        luaL_error(m->L, "unfinished capture");
    } else if (m->cap[i].len == CAP_POSITION) {
        lua_pushinteger(m->L, (m->cap[i].at - m->src) + 1);
    } else {
        lua_pushlstring(m->L, m->cap[i].at, (size_t)m->cap[i].len);
    }
}

/* Pushes every capture, or the whole match if there are none and s is not NULL. */
static int push_captures(matcher *m, const char *s, const char *e)
{
    int n = m->ncap == 0 && s != NULL ? 1 : m->ncap;

    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        push_capture(m, i, s, e);
    return n;
}

/* ---- the library functions ---- */

/* A 1-based, possibly negative position turned into a 0-based offset (may exceed len). */
static size_t start_offset(lua_Integer pos, size_t len)
{
    if (pos > 0) return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len) return 0;
    return (size_t)((lua_Integer)len + pos);
}

static int has_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr(SPECIALS, p[i]) != NULL) return 1;
    return 0;
}

static const char *find_plain(const char *s, size_t ls, const char *p, size_t lp)
{
    if (lp == 0) return s;
    if (lp > ls) return NULL;
    return memmem(s, ls, p, lp);
}

/* string.find (find = 1) and string.match (find = 0). */
static int find_or_match(lua_State *L, int find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    const char *s1 = s + init;
    int anchored;
    matcher m;

    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
        const char *at = find_plain(s1, ls - init, p, lp);

        if (at == NULL) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (at - s) + 1);
        lua_pushinteger(L, (lua_Integer)((at - s) + (ptrdiff_t)lp));
        return 2;
    }
    anchored = lp > 0 && *p == '^';
    if (anchored) p++, lp--;
    matcher_init(&m, L, 1, s, ls, p, lp);
    do {
        const char *e;

        matcher_reset(&m);
        e = match(&m, s1, p);
        if (e != NULL && find) {
            lua_pushinteger(L, (s1 - s) + 1);
            lua_pushinteger(L, e - s);
            return push_captures(&m, NULL, NULL) + 2;
        }
        if (e != NULL) return push_captures(&m, s1, e);
    } while (s1++ < m.src_end && !anchored);
    luaL_pushfail(L);
    return 1;
}

static int str_find(lua_State *L)
{
    return find_or_match(L, 1);
}

static int str_match(lua_State *L)
{
    return find_or_match(L, 0);
}

/* The state of a gmatch iterator. The subject and pattern are the closure's upvalues, so the
 * pointers stay valid (Lua never moves a string) for as long as the iterator exists. */
typedef struct gmatch_state {
    const char *s, *p;
    size_t ls, lp;
    size_t next;    /* where the next attempt starts */
    ptrdiff_t last; /* where the previous match ended, or -1 */
} gmatch_state;

static int gmatch_next(lua_State *L)
{
    gmatch_state *g = lua_touserdata(L, lua_upvalueindex(3));
    matcher m;

    matcher_init(&m, L, 4, g->s, g->ls, g->p, g->lp);
    for (const char *at = g->s + g->next; at <= m.src_end; at++) {
        const char *e;

        matcher_reset(&m);
        e = match(&m, at, g->p);
        if (e != NULL && e - g->s != g->last) {
            g->next = (size_t)(e - g->s);
            g->last = e - g->s;
            return push_captures(&m, at, e);
        }
    }
    g->next = g->ls + 1;
    return 0;
}

/* string.gmatch: '^' is an ordinary byte here, as in Lua 5.4. */
static int str_gmatch(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    gmatch_state *g;

    lua_settop(L, 2);
    g = lua_newuserdatauv(L, sizeof(*g), 0);
    g->s = s, g->ls = ls;
    g->p = p, g->lp = lp;
    g->next = init > ls ? ls + 1 : init;
    g->last = -1;
    lua_pushvalue(L, lua_upvalueindex(1)); /* the budget check */
    lua_pushcclosure(L, gmatch_next, 4);
    return 1;
}

/* Appends the replacement string (argument 3) for the match s..e, expanding %0..%9 and %%. */
static void add_template(matcher *m, luaL_Buffer *b, const char *s, const char *e)
{
    size_t l;
    const char *t = lua_tolstring(m->L, 3, &l), *t_end = t + l, *pc;

    while ((pc = memchr(t, '%', (size_t)(t_end - t))) != NULL) {
        luaL_addlstring(b, t, (size_t)(pc - t));
        pc++; /* the byte after '%'; the string's terminating zero if none */
        if (*pc == '%') {
            luaL_addchar(b, '%');
        } else if (*pc == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (isdigit((unsigned char)*pc)) {
            push_capture(m, *pc - '1', s, e);
            luaL_tolstring(m->L, -1, NULL); /* a position capture is a number */
            lua_remove(m->L, -2);
            luaL_addvalue(b);
        } else {
            luaL_error(m->L, "invalid use of '%%' in replacement string");
        }
        t = pc + 1;
    }
    luaL_addlstring(b, t, (size_t)(t_end - t));
}

/* Appends the replacement for the match s..e, given by a string, table or function. */
static void add_replacement(matcher *m, luaL_Buffer *b, const char *s, const char *e, int type)
{
    lua_State *L = m->L;

    if (type == LUA_TFUNCTION) {
        int n;

        lua_pushvalue(L, 3);
        n = push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (type == LUA_TTABLE) {
        push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_template(m, b, s, e);
        return;
    }
    if (!lua_toboolean(L, -1)) { /* nil or false: keep the original text */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    } else {
        luaL_addvalue(b);
    }
}

static int str_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *at = s, *last = NULL;
    int type = lua_type(L, 3);
    lua_Integer limit = luaL_optinteger(L, 4, (lua_Integer)ls + 1), n = 0;
    int anchored = lp > 0 && *p == '^';
    luaL_Buffer b;
    matcher m;

    luaL_argexpected(L,
                     type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TFUNCTION ||
                         type == LUA_TTABLE,
                     3, "string/function/table");
    luaL_buffinit(L, &b);
    if (anchored) p++, lp--;
    matcher_init(&m, L, 1, s, ls, p, lp);
    while (n < limit) {
        const char *e;

        matcher_reset(&m);
        e = match(&m, at, p);
        if (e != NULL && e != last) {
            n++;
            add_replacement(&m, &b, at, e, type);
            at = last = e;
        } else if (at < m.src_end) {
            luaL_addchar(&b, *at++);
        } else {
            break;
        }
        if (anchored) break;
    }
    luaL_addlstring(&b, at, (size_t)(m.src_end - at));
    luaL_pushresult(&b);
    lua_pushinteger(L, n);
    return 2;
}

void cadre__pattern_install(lua_State *L, int idx, cadre__budget_fn check)
{
    static const luaL_Reg fns[] = {
        {"find", str_find}, {"match", str_match}, {"gmatch", str_gmatch}, {"gsub", str_gsub}};

    idx = lua_absindex(L, idx);
    for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
        cadre__budget_push(L, check);
        lua_pushcclosure(L, fns[i].func, 1);
        lua_setfield(L, idx, fns[i].name);
    }
}
