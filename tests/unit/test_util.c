/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_util.c - the engine's own implementations of things it used to borrow or do
 * slowly: SHA-256 (FIPS 180-4 vectors), the UTF-8 check's ASCII fast path, and the words of
 * cadre.say, whose numbers must match printf's "%.1f" to the byte.
 */
#include <math.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lualib.h>

#include "../tap.h"
#include "internal.h"
#include "lua/say.h"
#include "plugin_internal.h"
#include "worker/wire.h"

static void sha256_vectors(void)
{
    char hex[65];
    cadre__sha256 s;
    char *million = malloc(1000000);
    static const char msg448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

    cadre__sha256_hex(hex, "", 0);
    is_str(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
           "SHA-256 of the empty message");
    cadre__sha256_hex(hex, "abc", 3);
    is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
           "SHA-256 of \"abc\" (FIPS 180-4 example)");
    cadre__sha256_hex(hex, msg448, sizeof(msg448) - 1);
    is_str(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
           "SHA-256 of the 448-bit example (padding into a second block)");
    memset(million, 'a', 1000000);
    cadre__sha256_hex(hex, million, 1000000);
    is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
           "SHA-256 of a million 'a'");
    /* Fed in uneven pieces, the digest is the same. */
    cadre__sha256_init(&s);
    for (size_t off = 0, step = 1; off < 1000000; off += step, step = step * 7 % 131 + 1)
        cadre__sha256_update(&s, million + off, off + step > 1000000 ? 1000000 - off : step);
    cadre__sha256_final_hex(&s, hex);
    is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
           "the same, fed in pieces of 1 to 131 bytes");
    for (size_t n = 54; n <= 66; n++) {
        char one[65];

        cadre__sha256_hex(one, million, n);
        cadre__sha256_init(&s);
        cadre__sha256_update(&s, million, n / 2);
        cadre__sha256_update(&s, million + n / 2, n - n / 2);
        cadre__sha256_final_hex(&s, hex);
        if (strcmp(one, hex) != 0) {
            ok(0, "pieces equal one go at %zu bytes", n);
            free(million);
            return;
        }
    }
    ok(1, "pieces equal one go for 54-66 bytes (where padding needs a second block)");
    free(million);
}

static void utf8_fast_path(void)
{
    char buf[40];
    int good = 1;

    /* An invalid byte at every position around the 8-byte steps is still found there. */
    for (size_t pos = 0; pos < 24; pos++) {
        memset(buf, 'x', sizeof(buf));
        buf[pos] = (char)0xff;
        if (cadre__utf8_check(buf, sizeof(buf)) != pos) good = 0;
    }
    ok(good, "an invalid byte is found at any offset, across the ASCII fast path");
    memcpy(buf, "abcdefgh\xc3\xa9ijklmnop", 18);
    ok(cadre__utf8_check(buf, 18) == 18, "a two-byte character between ASCII runs is valid");
    memcpy(buf, "abcdefg\xc3", 8);
    ok(cadre__utf8_check(buf, 8) == 7, "a character cut at the end is found");
}

/* Runs cadre.say-family code in a plain state; returns the result or "ERROR: message". */
static const char *lua(lua_State *L, const char *code)
{
    static char out[512];

    lua_settop(L, 0);
    if (luaL_dostring(L, code) != LUA_OK)
        snprintf(out, sizeof(out), "ERROR: %s", lua_tostring(L, -1));
    else
        snprintf(out, sizeof(out), "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "(nil)");
    return out;
}

static void say_words(void)
{
    lua_State *L = luaL_newstate();
    int same = 1;

    luaL_openlibs(L);
    lua_newtable(L);
    cadre__say_register(L);
    lua_setglobal(L, "c");

    is_str(lua(L, "return c.years(1)"), "1 year", "years: one");
    is_str(lua(L, "return c.years(12)"), "12 years", "years: whole");
    is_str(lua(L, "return c.years(2.5)"), "2.5 years", "years: a half");
    is_str(lua(L, "return c.money(850000)"), "$850K", "money: thousands");
    is_str(lua(L, "return c.money(12000000)"), "$12M", "money: millions, .0 trimmed");
    is_str(lua(L, "return c.money(1250000000)"), "$1.2B",
           "money: billions (1.25 -> 1.2, as printf)");
    is_str(lua(L, "return c.money(999)"), "$999", "money: under a thousand");
    is_str(lua(L, "return c.list({'a', 'b', 'c'})"), "a, b and c", "list: three");
    is_str(lua(L, "return c.list({'a', 'b'}, 'or')"), "a or b", "list: two, or");
    is_str(lua(L, "return c.list({})"), "", "list: none");
    is_str(lua(L, "return c.list({1, 2.5})"), "1 and 2.5", "list: numbers as tostring");
    is_str(lua(L, "return c.say('%s has %d of %n (%y; %$) %l / %o 100%%', 'Ann', 72.5, 4.25, 3, "
                  "2500000, {'x', 'y'}, {'p', 'q', 'r'})"),
           "Ann has 73 of 4.2 (3 years; $2.5M) x and y / p, q or r 100%",
           "say: every directive (%%d rounds half up; %%n rounds as printf)");
    is_str(lua(L, "return c.say('plain')"), "plain", "say: no directive");
    ok(strstr(lua(L, "return c.say('%q', 1)"), "unknown directive %q") != NULL,
       "say: an unknown directive is an error naming it");
    ok(strstr(lua(L, "return c.say('%s and %s', 'a')"), "argument 3 is missing") != NULL,
       "say: too few values");
    ok(strstr(lua(L, "return c.say('%s', 'a', 'b')"), "1 value left over") != NULL,
       "say: too many values");
    ok(strstr(lua(L, "return c.say('%d', 'x')"), "must be a number, got string") != NULL,
       "say: %%d of a string");
    ok(strstr(lua(L, "return c.say('%s', nil)"), "is nil") != NULL, "say: %%s of nil");
    ok(strstr(lua(L, "return c.say('%l', 3)"), "must be a list") != NULL, "say: %%l of a number");
    ok(strstr(lua(L, "return c.say('50%')"), "lone %") != NULL, "say: a lone %% at the end");

    /* %n against printf for many values, ties and near-ties included. */
    srand(7);
    for (int i = 0; i < 20000 && same; i++) {
        double x = i < 2000   ? (double)(i - 1000) / 20.0 /* ties like 0.25, 0.75, -0.05 */
                   : i < 4000 ? (double)(i - 3000) / 100.0
                              : ((double)rand() / RAND_MAX - 0.5) * pow(10, rand() % 12);
        char code[96], want[64];
        size_t n;

        snprintf(code, sizeof(code), "return c.num(%.17g)", x);
        n = (size_t)snprintf(want, sizeof(want), "%.1f", x);
        if (n >= 2 && strcmp(want + n - 2, ".0") == 0) want[n - 2] = '\0';
        if (strcmp(lua(L, code), want) != 0) {
            same = 0;
            diag("c.num(%.17g) = %s, printf gives %s", x, lua(L, code), want);
        }
    }
    ok(same, "num writes what \"%%.1f\" then trimming \".0\" writes, for 20000 values");
    lua_close(L);
}

/* A worker's refusal frame must carry a message; one that does not is malformed, and the
 * error says so (the input tests/fuzz/fuzz_result.c found: 'R', a code, a line, an empty
 * source and an empty message). */
static void empty_refusal(void)
{
    static const unsigned char frame[] = {
        'R', 0xff, 0xf9, 0x86, 0xce, 0x41, 0xff, 0xff, 0x1f, 0xff, 0xff, 0xff, 0xff, 0x01, 0,
        0,   0,    0,    0xff, 'c',  0xff, 0xff, 0xff, '<',  0xff, 0xff, 0xff, 0xff, 0xff, 0};
    cadre__plugin *p = cadre__plugin_alloc();
    cadre_error err;
    int rc;

    memset(&err, 0, sizeof(err));
    rc = cadre__wire_get_meta(p, (const char *)frame, sizeof(frame), "w/plugin.so", "0", &err);
    ok(rc != 0 && err.message[0] != '\0', "a worker's frame that fails always says why (%s)",
       err.message);
    cadre__plugin_free(p);
}

int main(void)
{
    empty_refusal();
    sha256_vectors();
    utf8_fast_path();
    say_words();
    return done_testing();
}
