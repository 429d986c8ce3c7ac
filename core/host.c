/* SPDX-License-Identifier: MIT */
/*
 * core/host.c - the function table native plugins build their results through (cadre_host in
 * <cadre/plugin.h>): printf-style wrappers over the builder, parameters and vocabularies.
 *
 * A plugin can pass anything: every function checks its pointers, and accepts only the
 * builder and parameters of the assess() call running on the calling thread, so a NULL, a
 * builder kept from an earlier call, or a call from a thread the plugin started is answered
 * with CADRE_EINVAL (or NULL), never followed.
 */
#include <stdarg.h>
#include <stdio.h>

#include "builder.h"
#include "candidate/plausible.h"
#include "candidate/vocab.h"

/* The assess() call running on this thread (native.c sets it around the call). */
static _Thread_local cadre_builder *active_builder;
static _Thread_local const cadre_params *active_params;

void cadre__host_enter(cadre_builder *b, const cadre_params *params)
{
    active_builder = b;
    active_params = params;
}

void cadre__host_leave(void)
{
    active_builder = NULL;
    active_params = NULL;
}

#define CHECK_BUILDER(b)                                                                           \
    do {                                                                                           \
        if ((b) == NULL || (b) != active_builder) return CADRE_EINVAL;                             \
    } while (0)

/* ---- the host table: printf-style wrappers over the builder ---- */

/* Formats the call's text into a buffer and points `name` at it. A format of exactly "%s", the
 * usual one for text a plugin wrote itself, hands its argument over as it is: printf's work
 * on every sentence of a report was a tenth of a batch (docs/performance.md). The builder
 * checks the text either way (length, UTF-8). */
#define FORMAT_INTO(name, fmt)                                                                     \
    char name##_buf_[CADRE__MAX_TEXT + 2];                                                         \
    const char *name = name##_buf_;                                                                \
    do {                                                                                           \
        va_list ap_;                                                                               \
        va_start(ap_, fmt);                                                                        \
        if (fmt == NULL)                                                                           \
            name##_buf_[0] = '\0';                                                                 \
        else if (fmt[0] == '%' && fmt[1] == 's' && fmt[2] == '\0') {                               \
            name = va_arg(ap_, const char *);                                                      \
            if (name == NULL) name = "(null)"; /* what printf writes */                            \
        } else                                                                                     \
            vsnprintf(name##_buf_, sizeof(name##_buf_), fmt, ap_);                                 \
        va_end(ap_);                                                                               \
    } while (0)

static int host_criterion(cadre_builder *b, const char *id, const char *label, double weight,
                          double score, const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(ev, fmt);
    return cadre__builder_criterion(b, id, label, weight, score, fmt ? ev : NULL);
}

static int host_finding(cadre_builder *b, cadre_finding_kind kind, const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(t, fmt);
    return cadre__builder_finding(b, kind, fmt ? t : NULL, NULL);
}

static int host_recommend(cadre_builder *b, const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(t, fmt);
    return cadre__builder_recommend(b, fmt ? t : NULL);
}

static int host_rank(cadre_builder *b, const char *id, const char *label, double score,
                     const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(t, fmt);
    return cadre__builder_rank(b, id, label, score, fmt ? t : NULL);
}

static int host_detail(cadre_builder *b, const char *key, const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(t, fmt);
    return cadre__builder_detail(b, key, fmt ? t : NULL);
}

static int host_summary(cadre_builder *b, const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(t, fmt);
    return cadre__builder_set_summary(b, fmt ? t : NULL);
}

static int host_fail(cadre_builder *b, const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(t, fmt);
    return cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0, fmt ? t : "plugin reported failure");
}

static int host_missing(cadre_builder *b, const char *criterion_id, const char *field)
{
    CHECK_BUILDER(b);
    return cadre__builder_missing(b, criterion_id, field);
}

static int host_set_score(cadre_builder *b, double score)
{
    CHECK_BUILDER(b);
    return cadre__builder_set_score(b, score);
}

static int host_set_band(cadre_builder *b, const char *band)
{
    CHECK_BUILDER(b);
    return cadre__builder_set_band(b, band);
}

static const char *host_param(const cadre_params *p, const char *key)
{
    if (p == NULL || p != active_params || key == NULL) return NULL;
    return cadre__params_get(p, key);
}

static double host_param_number(const cadre_params *p, const char *key, double fallback)
{
    if (p == NULL || p != active_params || key == NULL) return fallback;
    return cadre__params_number(p, key, fallback);
}

static const char *host_vocab_label(const char *vocabulary, const char *id)
{
    return vocabulary && id ? cadre__vocab_label(vocabulary, id) : NULL;
}

static const char *host_vocab_extra(const char *vocabulary, const char *id)
{
    return vocabulary && id ? cadre__vocab_extra(vocabulary, id) : NULL;
}

static int host_implausible(const cadre_candidate *c, size_t i, const char **field, char *buf,
                            size_t len)
{
    const char *f = NULL;
    int got = cadre__implausible(c, i, &f, buf, len);

    if (field) *field = got ? f : NULL;
    return got;
}

static int host_discount(cadre_builder *b, double factor, const char *fmt, ...)
{
    CHECK_BUILDER(b);
    FORMAT_INTO(why, fmt);
    return cadre__builder_discount(b, factor, fmt ? why : NULL);
}

static const cadre_host host = {
    sizeof(cadre_host), CADRE_PLUGIN_ABI_VERSION,
    CADRE_VERSION,      host_criterion,
    host_missing,       host_finding,
    host_recommend,     host_rank,
    host_detail,        host_set_score,
    host_set_band,      host_summary,
    host_fail,          host_param,
    host_param_number,  host_vocab_label,
    host_vocab_extra,   host_implausible,
    host_discount,
};

const cadre_host *cadre__host(void)
{
    return &host;
}
