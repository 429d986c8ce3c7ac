/*
 * core/host.c - the function table native plugins build their results through (cadre_host in
 * <cadre/plugin.h>): printf-style wrappers over the builder, parameters and vocabularies.
 */
#include <stdarg.h>
#include <stdio.h>

#include "builder.h"
#include "candidate/vocab.h"

/* ---- the host table: printf-style wrappers over the builder ---- */

#define FORMAT_INTO(buf, fmt)                                                                      \
    char buf[CADRE__MAX_TEXT + 2];                                                                 \
    do {                                                                                           \
        va_list ap_;                                                                               \
        va_start(ap_, fmt);                                                                        \
        if (fmt == NULL)                                                                           \
            buf[0] = '\0';                                                                         \
        else                                                                                       \
            vsnprintf(buf, sizeof(buf), fmt, ap_);                                                 \
        va_end(ap_);                                                                               \
    } while (0)

static int host_criterion(cadre_builder *b, const char *id, const char *label, double weight,
                          double score, const char *fmt, ...)
{
    FORMAT_INTO(ev, fmt);
    return cadre__builder_criterion(b, id, label, weight, score, fmt ? ev : NULL);
}

static int host_finding(cadre_builder *b, cadre_finding_kind kind, const char *fmt, ...)
{
    FORMAT_INTO(t, fmt);
    return cadre__builder_finding(b, kind, fmt ? t : NULL, NULL);
}

static int host_recommend(cadre_builder *b, const char *fmt, ...)
{
    FORMAT_INTO(t, fmt);
    return cadre__builder_recommend(b, fmt ? t : NULL);
}

static int host_rank(cadre_builder *b, const char *id, const char *label, double score,
                     const char *fmt, ...)
{
    FORMAT_INTO(t, fmt);
    return cadre__builder_rank(b, id, label, score, fmt ? t : NULL);
}

static int host_detail(cadre_builder *b, const char *key, const char *fmt, ...)
{
    FORMAT_INTO(t, fmt);
    return cadre__builder_detail(b, key, fmt ? t : NULL);
}

static int host_summary(cadre_builder *b, const char *fmt, ...)
{
    FORMAT_INTO(t, fmt);
    return cadre__builder_set_summary(b, fmt ? t : NULL);
}

static int host_fail(cadre_builder *b, const char *fmt, ...)
{
    FORMAT_INTO(t, fmt);
    return cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0, fmt ? t : "plugin reported failure");
}

static const cadre_host host = {
    sizeof(cadre_host),
    CADRE_PLUGIN_ABI_VERSION,
    CADRE_VERSION,
    host_criterion,
    cadre__builder_missing,
    host_finding,
    host_recommend,
    host_rank,
    host_detail,
    cadre__builder_set_score,
    cadre__builder_set_band,
    host_summary,
    host_fail,
    cadre__params_get,
    cadre__params_number,
    cadre__vocab_label,
    cadre__vocab_extra,
};

const cadre_host *cadre__host(void)
{
    return &host;
}
