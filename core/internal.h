/* SPDX-License-Identifier: MIT */
/*
 * core/internal.h - declarations shared inside libcadre. Nothing here is installed.
 *
 * Internal non-static names use the cadre__ prefix so that they can never collide with the
 * public cadre_ API, and the library is built with -fvisibility=hidden so they are not exported.
 */
#ifndef CADRE_INTERNAL_H
#define CADRE_INTERNAL_H

#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "cadre/cadre.h"

#if defined(__GNUC__)
#define CADRE__FMT(f, a) __attribute__((format(printf, f, a)))
#else
#define CADRE__FMT(f, a)
#endif

#define CADRE__ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- errors (error.c) ---- */

/* Fills `err` (if not NULL) and returns `code`, so callers can `return cadre__fail(...)`. */
int cadre__fail(cadre_error *err, int code, const char *source, int line, int column,
                const char *fmt, ...) CADRE__FMT(6, 7);
int cadre__vfail(cadre_error *err, int code, const char *source, int line, int column,
                 const char *fmt, va_list ap);
/* Copies src into a fixed buffer, truncating on a UTF-8 boundary. */
void cadre__strlcpy(char *dst, const char *src, size_t size);

/* ---- the C locale for the engine's work (locale.c) ---- */

/* Switches the calling thread to the C locale; returns what to restore, for
 * cadre__locale_leave. Every public entry point that parses or formats numbers, or runs
 * plugins, brackets its work with the two. */
locale_t cadre__locale_enter(void);
void cadre__locale_leave(locale_t previous);

/* ---- where the library was installed (location.c) ---- */

/* The built-in plugin folder: beside the shared library that is running (libdir/cadre/plugins),
 * or the compiled-in folder when libcadre is linked into the program. Static storage. */
const char *cadre__builtin_dir_default(void);
/* The worker program, found the same way (libdir/cadre/cadre-worker). Static storage. */
const char *cadre__worker_program_default(void);

/* ---- arena (arena.c): bump allocation for objects freed all at once ---- */

typedef struct cadre__arena_chunk cadre__arena_chunk;
typedef struct cadre__arena {
    cadre__arena_chunk *head;
    size_t chunk_size;
} cadre__arena;

void cadre__arena_init(cadre__arena *a, size_t chunk_size);
void *cadre__arena_alloc(cadre__arena *a, size_t size); /* zeroed, max-aligned; NULL on OOM */
char *cadre__arena_strdup(cadre__arena *a, const char *s);
char *cadre__arena_strndup(cadre__arena *a, const char *s, size_t n);
char *cadre__arena_printf(cadre__arena *a, const char *fmt, ...) CADRE__FMT(2, 3);
char *cadre__arena_vprintf(cadre__arena *a, const char *fmt, va_list ap);
void cadre__arena_free(cadre__arena *a);

/* ---- growable array (vec.c) ---- */

typedef struct cadre__vec {
    void *items;
    size_t count;
    size_t cap;
    size_t elem;
} cadre__vec;

#define CADRE__VEC_INIT(type)                                                                      \
    {                                                                                              \
        NULL, 0, 0, sizeof(type)                                                                   \
    }
/* Appends a zeroed element and returns it, or NULL on OOM. */
void *cadre__vec_push(cadre__vec *v);
void *cadre__vec_at(const cadre__vec *v, size_t i);
void cadre__vec_free(cadre__vec *v);

/* ---- text (text.c) ---- */

/* Returns the byte offset of the first invalid UTF-8 sequence, or `len` if all is valid. */
size_t cadre__utf8_check(const char *s, size_t len);
/* Copies `len` bytes of untrusted text into dst[size] as valid UTF-8: each invalid byte
 * becomes U+FFFD, and the copy ends on a character boundary. Returns the bytes written (the
 * NUL excluded). Every string from outside that is kept or reported goes through here or
 * through cadre__utf8_check. */
size_t cadre__utf8_sanitize(char *dst, size_t size, const char *src, size_t len);
/* Line and column (1-based, columns in characters) of byte offset `off` in `s`. */
void cadre__text_position(const char *s, size_t off, int *line, int *column);
/* True for [a-z][a-z0-9_]* of at most `max` bytes. */
int cadre__is_identifier(const char *s, size_t max);
/* Edit distance (insert, delete, substitute, transpose) between a and b, capped at `cap`. */
int cadre__edit_distance(const char *a, const char *b, int cap);
/* The candidate closest to `word` among `n` strings (stride `stride` bytes apart, first member
 * a const char *), or NULL when none is close enough to be a plausible typo. */
const char *cadre__suggest(const char *word, const void *base, size_t n, size_t stride);
/* Same, for a NULL-terminated array of strings. */
const char *cadre__suggest_list(const char *word, const char *const *list);

/* ---- growable text buffer (buf.c) ---- */

typedef struct cadre__buf {
    char *data;
    size_t len, cap;
    int oom;
} cadre__buf;

/* Makes room for n more bytes (and the terminator) after len, for writing in place. */
int cadre__buf_reserve(cadre__buf *b, size_t n);
int cadre__buf_puts(cadre__buf *b, const char *s);
int cadre__buf_putn(cadre__buf *b, const char *s, size_t n);
int cadre__buf_printf(cadre__buf *b, const char *fmt, ...) CADRE__FMT(2, 3);

/* Checks text a plugin declares about itself (a title, a version...): valid UTF-8, at most
 * `max` bytes, and none of the characters cadre__escape_for_terminal would escape (newlines are
 * allowed when `multiline`). Returns NULL, or what is wrong with it. */
const char *cadre__text_problem(const char *s, size_t max, int multiline);

/* Copies `s` (`len` bytes) into `b` for a terminal or a log (util/text.c): invalid UTF-8
 * becomes U+FFFD, C0 and C1 controls and DEL become \xHH, and the characters that reorder or
 * hide text (bidirectional overrides and isolates, zero-width marks, line and paragraph
 * separators, BOM) become \u{HHHH}. Newlines are escaped too unless `keep_newlines`. */
int cadre__escape_for_terminal(cadre__buf *b, const char *s, size_t len, int keep_newlines);

/* ---- files (files.c) ---- */

/* Reads a whole regular file ("-" = stdin) of at most `max` bytes into a NUL-terminated malloc
 * buffer. On failure fills err with a message that names the file. */
int cadre__read_file(char **out, size_t *len, const char *path, size_t max, cadre_error *err);
/* Reads the file `rel` (a relative path of plain components) inside folder `dir` as
 * cadre__read_file does, refusing a symbolic link anywhere on the way (the folder itself
 * included), anything but a regular file, and a file others could have written. */
int cadre__read_beneath(char **out, size_t *len, const char *dir, const char *rel, size_t max,
                        cadre_error *err);
struct stat;
/* Why a file or folder others could have written must not be trusted (not the user's or
 * root's, writable by everyone or another group), in buf; NULL when it is fine. */
const char *cadre__stat_problem(const struct stat *st, char *buf, size_t size);
/* Lowercase hex SHA-256 of a buffer into out[65]. */
/* SHA-256 (sha256.c): in one go, or fed in pieces. */
typedef struct cadre__sha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char buf[64];
    size_t fill;
} cadre__sha256;
int cadre__sha256_hex(char out[65], const void *data, size_t len); /* always 0 */
void cadre__sha256_init(cadre__sha256 *s);
void cadre__sha256_update(cadre__sha256 *s, const void *data, size_t len);
void cadre__sha256_final_hex(cadre__sha256 *s, char out[65]);

#endif
