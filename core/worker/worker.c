/* SPDX-License-Identifier: MIT */
/*
 * core/worker/worker.c - see worker.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "builder.h"
#include "worker/channel.h"
#include "worker/wire.h"
#include "worker/worker.h"

#define CHANNEL_FD 3 /* where confine.c puts the channel */

/* True once this process has used enough CPU time to be replaced (confine.h). */
static int worn_out(void)
{
    struct rusage ru;

    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec >= CADRE__WORKER_RECYCLE_CPU_S;
}

/* Applies a request's parameters: defaults first, then each value sent (checked again). The
 * values point into the request frame, which outlives the assessment. */
static int apply_params(cadre__plugin *p, cadre__wire *w, char *msg, size_t size)
{
    uint32_t n = cadre__wire_u32(w);

    for (size_t i = 0; i < p->param_count; i++)
        p->params[i].value = p->params[i].spec->default_value;
    for (uint32_t i = 0; i < n && !w->bad; i++) {
        const char *key = cadre__wire_str(w), *value = cadre__wire_str(w);

        if (w->bad || key == NULL || value == NULL) break;
        if (cadre__plugin_set_param(p, key, value, msg, size) != 0) return -1;
    }
    if (w->bad) snprintf(msg, size, "the engine sent a malformed request");
    return w->bad ? -1 : 0;
}

/* Runs one request; returns the result frame in `out`. */
static void serve(cadre__plugin *p, const char *frame, size_t len, cadre__buf *out, int last)
{
    cadre__wire w;
    cadre__arena A;
    cadre_builder *b;
    cadre_candidate *c = NULL;
    cadre_result res = {0};
    cadre_error err;
    char msg[600] = "";
    const char *source, *json;
    uint32_t json_len;

    cadre__arena_init(&A, 8192);
    b = cadre__builder_new(&A);
    cadre__wire_open(&w, frame, len);
    if (b == NULL) {
        res.status = CADRE_STATUS_ERROR;
        res.error.code = CADRE_ENOMEM;
        res.error.message = "out of memory in the worker process";
        cadre__wire_put_result(out, &res, 1);
        cadre__arena_free(&A);
        return;
    }
    if (apply_params(p, &w, msg, sizeof(msg)) != 0) {
        cadre__builder_fail(b, CADRE_EINVAL, NULL, 0, msg);
    } else {
        source = cadre__wire_str(&w);
        json_len = cadre__wire_u32(&w);
        json = w.bad || (size_t)(w.end - w.p) != json_len ? NULL : w.p;
        if (json == NULL)
            cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0, "the engine sent a malformed request");
        else if (cadre_candidate_parse(&c, json, json_len, source, NULL, NULL, &err) != 0)
            cadre__builder_fail(b, err.code, NULL, 0, err.message);
        else
            p->ops->assess(p, c, &(cadre_params){p->params, p->param_count}, b);
    }
    cadre__builder_finish(b, &res);
    cadre__wire_put_result(out, &res, last);
    cadre_candidate_free(c);
    cadre__builder_free(b);
    cadre__arena_free(&A);
}

void cadre__worker_main(const cadre__worker_spec *spec)
{
    cadre__load_ctx ctx = {.limits = spec->limits, .output = NULL};
    cadre__plugin *p = NULL;
    cadre__channel ch = {CHANNEL_FD, NULL, 0, 0, 0};
    cadre__buf out = {0};
    cadre_error err;
    char msg[600];
    int rc;

    cadre__locale_enter(); /* for the rest of this process's life */
    if (cadre__confine(&spec->confinement, msg, sizeof(msg)) != 0) {
        /* Without its confinement the worker must not run the plugin; say why over the
         * channel if it got that far, or on the original descriptor. */
        cadre__fail(&err, CADRE_EPLUGIN, spec->path, 0, 0, "%s", msg);
        cadre__wire_put_refusal(&out, &err);
        if (!out.oom && cadre__channel_send(CHANNEL_FD, out.data, out.len) != 0)
            cadre__channel_send(spec->confinement.sock, out.data, out.len);
        _exit(0);
    }
    rc = spec->text != NULL
             ? cadre__lua_load(&p, spec->path, spec->sha256, spec->text, spec->text_len, &ctx, &err)
             : cadre__native_load(&p, spec->path, spec->sha256, &err);
    if (rc == 0)
        cadre__wire_put_meta(&out, p);
    else
        cadre__wire_put_refusal(&out, &err);
    if (out.oom || cadre__channel_send(CHANNEL_FD, out.data, out.len) != 0 || rc != 0) _exit(0);
    for (;;) {
        char *frame;
        size_t len;
        int last;

        if (cadre__channel_recv(&ch, &frame, &len, NULL, -1, NULL, NULL) != 0) break;
        out.len = 0;
        last = worn_out();
        serve(p, frame, len, &out, last);
        if (out.oom || cadre__channel_send(CHANNEL_FD, out.data, out.len) != 0 || last) break;
    }
    /* The engine closed the channel (or this worker is worn out): unload properly, so a
     * native plugin's fini() runs, here and not in the engine. */
    cadre__plugin_free(p);
    cadre__channel_free(&ch);
    free(out.data);
    _exit(0);
}
