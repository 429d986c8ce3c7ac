/* SPDX-License-Identifier: MIT */
/*
 * core/util/error.c - status codes, the caller-owned error struct, and small shared helpers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *cadre_strerror(int code)
{
    switch (code) {
    case CADRE_OK:
        return "success";
    case CADRE_ENOMEM:
        return "out of memory";
    case CADRE_EINVAL:
        return "invalid argument";
    case CADRE_EIO:
        return "file could not be read";
    case CADRE_EPARSE:
        return "malformed input";
    case CADRE_ESCHEMA:
        return "input breaks the schema";
    case CADRE_ENOTFOUND:
        return "not found";
    case CADRE_EPLUGIN:
        return "plugin failed";
    case CADRE_EABI:
        return "plugin ABI mismatch";
    case CADRE_ELIMIT:
        return "budget exceeded";
    case CADRE_EUNSAFE:
        return "unsafe file permissions";
    case CADRE_EEXISTS:
        return "already exists";
    default:
        return "unknown error";
    }
}

const char *cadre_version(void)
{
    return CADRE_VERSION;
}

int cadre_version_number(void)
{
    return CADRE_VERSION_NUMBER;
}

const char *cadre_plugin_kind_name(cadre_plugin_kind kind)
{
    return kind == CADRE_PLUGIN_NATIVE ? "native" : kind == CADRE_PLUGIN_LUA ? "lua" : "unknown";
}

void cadre_free(void *ptr)
{
    free(ptr);
}

void cadre__strlcpy(char *dst, const char *src, size_t size)
{
    /* Messages carry text from plugins and files: keep it valid UTF-8 and never end it
     * mid-character. */
    if (size == 0) return;
    if (src == NULL) src = "";
    cadre__utf8_sanitize(dst, size, src, strlen(src));
}

int cadre__vfail(cadre_error *err, int code, const char *source, int line, int column,
                 const char *fmt, va_list ap)
{
    if (err == NULL) return code;
    err->code = code;
    err->line = line;
    err->column = column;
    cadre__strlcpy(err->source, source, sizeof(err->source));
    {
        /* Format in full first, so the message is cut on a character boundary. */
        char full[sizeof(err->message) * 2];
        int n = vsnprintf(full, sizeof(full), fmt, ap);

        if (n < 0) n = 0;
        if ((size_t)n >= sizeof(full)) n = (int)sizeof(full) - 1;
        cadre__utf8_sanitize(err->message, sizeof(err->message), full, (size_t)n);
    }
    return code;
}

int cadre__fail(cadre_error *err, int code, const char *source, int line, int column,
                const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    cadre__vfail(err, code, source, line, column, fmt, ap);
    va_end(ap);
    return code;
}
