/* SPDX-License-Identifier: MIT */
/*
 * core/util/text.c - UTF-8 validation and cleaning, escaping for terminals, positions in text,
 * identifiers and "did you mean".
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* Decodes the UTF-8 sequence at s (len > 0 bytes left): its length in bytes, with the code
 * point in *cp, or 0 when it is not valid UTF-8 (overlong, a surrogate, past U+10FFFF, cut
 * short, or a stray continuation byte). */
static size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
    unsigned c = s[0], min;
    size_t n;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0)
        n = 1, *cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        n = 2, *cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        n = 3, *cp = c & 0x07, min = 0x10000;
    else
        return 0;
    if (len <= n) return 0;
    for (size_t k = 1; k <= n; k++) {
        if ((s[k] & 0xC0) != 0x80) return 0;
        *cp = (*cp << 6) | (s[k] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    return n + 1;
}

size_t cadre__utf8_check(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;

    while (i < len) {
        unsigned cp;
        size_t n;

        /* Most text is ASCII: skip it eight bytes at a time. */
        while (i + 8 <= len) {
            uint64_t word;

            memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= len) break;
        n = s[i] < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
        if (n == 0) return i;
        i += n;
    }
    return len;
}

size_t cadre__utf8_sanitize(char *dst, size_t size, const char *src, size_t len)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0, o = 0;

    if (size == 0) return 0;
    while (i < len) {
        unsigned cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        const char *piece = n ? src + i : replacement;
        size_t plen = n ? n : 3;

        if (o + plen >= size) break; /* whole characters only */
        memcpy(dst + o, piece, plen);
        o += plen;
        i += n ? n : 1;
    }
    dst[o] = '\0';
    return o;
}

/* Characters that change how the text around them is shown without being visible: the
 * bidirectional embeddings, overrides and isolates ("Trojan Source"), zero-width marks, line
 * and paragraph separators, and the byte order mark. */
static int invisible_format(unsigned cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x061C;
}

/* True for the characters a terminal must not receive raw. */
static int needs_escape(unsigned cp, int keep_newlines)
{
    return (cp < 0x20 && !(cp == '\n' && keep_newlines)) || cp == 0x7F ||
           (cp >= 0x80 && cp <= 0x9F) || invisible_format(cp);
}

const char *cadre__text_problem(const char *str, size_t max, int multiline)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t len = strlen(str), i = 0;

    if (len > max) return "is too long";
    while (i < len) {
        unsigned cp;
        size_t n = utf8_decode(s + i, len - i, &cp);

        if (n == 0) return "is not valid UTF-8";
        if (needs_escape(cp, multiline)) return "contains a control or invisible character";
        i += n;
    }
    return NULL;
}

int cadre__escape_for_terminal(cadre__buf *b, const char *str, size_t len, int keep_newlines)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0; /* bytes [i - run, i) are plain and not yet copied */

    while (i < len) {
        unsigned cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        char esc[16];

        if (n != 0 && !needs_escape(cp, keep_newlines)) {
            i += n, run += n;
            continue;
        }
        cadre__buf_putn(b, str + i - run, run);
        run = 0;
        if (n == 0) {
            cadre__buf_putn(b, "\xEF\xBF\xBD", 3);
            i++;
            continue;
        }
        if (cp < 0x100)
            snprintf(esc, sizeof(esc), "\\x%02x", cp);
        else
            snprintf(esc, sizeof(esc), "\\u{%04x}", cp);
        cadre__buf_puts(b, esc);
        i += n;
    }
    return cadre__buf_putn(b, str + i - run, run);
}

void cadre__text_position(const char *s, size_t off, int *line, int *column)
{
    int l = 1, c = 1;

    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++; /* count characters, not continuation bytes */
        }
    }
    *line = l;
    *column = c;
}

int cadre__is_identifier(const char *s, size_t max)
{
    size_t n = 0;

    if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z')) return 0;
    for (; s[n] != '\0'; n++) {
        char ch = s[n];

        if (n >= max) return 0;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return 0;
    }
    return 1;
}

#define EDIT_MAX 64

int cadre__edit_distance(const char *a, const char *b, int cap)
{
    /* Optimal string alignment distance over three rolling rows; ids are short, so the
     * inputs are capped at EDIT_MAX bytes and anything longer is "far". */
    int rows[3][EDIT_MAX + 1];
    size_t la = strlen(a), lb = strlen(b);
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

    if (la > EDIT_MAX || lb > EDIT_MAX) return cap;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int best = cur[0] = (int)i;

        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = prev[j] + 1;

            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            if (prev[j - 1] + cost < v) v = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < best) best = v;
        }
        if (best >= cap) return cap; /* no cell can come back under the cap */
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] < cap ? prev[lb] : cap;
}

/* A suggestion must be closer than a third of the word (at least 1 edit, at most 3), so
 * "leadrship" finds "leadership" but "cfo" does not turn into "coo". */
static int plausible_distance(const char *word)
{
    size_t n = strlen(word);
    int d = (int)(n / 3);

    if (d < 1) d = 1;
    if (d > 3) d = 3;
    return d;
}

const char *cadre__suggest(const char *word, const void *base, size_t n, size_t stride)
{
    const char *best = NULL;
    int limit, best_d;

    if (word == NULL || *word == '\0') return NULL;
    limit = plausible_distance(word);
    best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        const char *cand = *(const char *const *)((const char *)base + i * stride);
        int d;

        if (cand == NULL) continue;
        d = cadre__edit_distance(word, cand, best_d);
        if (d < best_d) {
            best_d = d;
            best = cand;
        }
    }
    return best_d <= limit ? best : NULL;
}

const char *cadre__suggest_list(const char *word, const char *const *list)
{
    size_t n = 0;

    if (list == NULL) return NULL;
    while (list[n] != NULL)
        n++;
    return cadre__suggest(word, list, n, sizeof(list[0]));
}
