/* SPDX-License-Identifier: MIT */
/*
 * core/worker/worker.c - see worker.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builder.h"
#include "worker/channel.h"
#include "worker/pack.h"
#include "worker/wire.h"
#include "worker/worker.h"

#define CHANNEL_FD CADRE__WORKER_CHANNEL_FD
#define SPEC_MAGIC 0x53574331u /* "1CWS": a spec of this layout */

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
    cadre_result res = {0};
    char msg[600] = "";
    cadre_candidate cand;
    const char *source;

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
        if (cadre__unpack_candidate(&cand, &A, &w, source) != 0)
            cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0, "the engine sent a malformed request");
        else
            p->ops->assess(p, &cand, &(cadre_params){p->params, p->param_count}, b);
    }
    cadre__builder_finish(b, &res);
    cadre__wire_put_result(out, &res, last);
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

/* ---- the spec, across the exec ---- */

static void put_u64(cadre__buf *b, uint64_t v)
{
    cadre__wire_put_u32(b, (uint32_t)v);
    cadre__wire_put_u32(b, (uint32_t)(v >> 32));
}

static uint64_t get_u64(cadre__wire *w)
{
    uint64_t lo = cadre__wire_u32(w);

    return lo | (uint64_t)cadre__wire_u32(w) << 32;
}

void cadre__worker_spec_put(cadre__buf *b, const cadre__worker_spec *spec)
{
    cadre__wire_put_u32(b, SPEC_MAGIC);
    cadre__wire_put_str(b, spec->path);
    cadre__wire_put_str(b, spec->sha256);
    cadre__wire_put_u8(b, spec->text != NULL);
    /* A rubric's bytes go as they are: a length and the bytes, NULs and all. */
    cadre__wire_put_u32(b, spec->text ? (uint32_t)spec->text_len : 0);
    if (spec->text) cadre__buf_putn(b, spec->text, spec->text_len);
    cadre__wire_put_u32(b, spec->limits.time_ms);
    put_u64(b, spec->limits.memory);
    cadre__wire_put_str(b, spec->confinement.plugin_dir);
    cadre__wire_put_i32(b, (int32_t)spec->confinement.parent);
    put_u64(b, spec->confinement.memory_limit);
}

static int spec_get(cadre__worker_spec *spec, const char *frame, size_t len)
{
    cadre__wire w;
    uint32_t text_len;
    int has_text;

    cadre__wire_open(&w, frame, len);
    if (cadre__wire_u32(&w) != SPEC_MAGIC) return -1;
    spec->path = cadre__wire_str(&w);
    spec->sha256 = cadre__wire_str(&w);
    has_text = (int)cadre__wire_u8(&w);
    text_len = cadre__wire_u32(&w);
    if (w.bad || (size_t)(w.end - w.p) < text_len) return -1;
    spec->text = has_text ? w.p : NULL;
    spec->text_len = text_len;
    w.p += text_len;
    spec->limits.time_ms = cadre__wire_u32(&w);
    spec->limits.memory = (size_t)get_u64(&w);
    spec->confinement.plugin_dir = cadre__wire_str(&w);
    spec->confinement.parent = (pid_t)cadre__wire_i32(&w);
    spec->confinement.memory_limit = (size_t)get_u64(&w);
    /* The descriptors are already where the worker wants them (remote.c's file actions). */
    spec->confinement.sock = CHANNEL_FD;
    spec->confinement.out = CADRE__WORKER_OUTPUT_FD;
    return w.bad || w.p != w.end || spec->path == NULL || spec->sha256 == NULL ? -1 : 0;
}

int cadre__worker_program_main(void)
{
    cadre__channel ch = {CHANNEL_FD, NULL, 0, 0, 0};
    cadre__worker_spec spec;
    struct stat st;
    char *frame;
    size_t len;

    if (fstat(CHANNEL_FD, &st) != 0 || !S_ISSOCK(st.st_mode) ||
        cadre__channel_recv(&ch, &frame, &len, NULL, -1, NULL, NULL) != 0 ||
        spec_get(&spec, frame, len) != 0) {
        fputs("cadre-worker: this program runs one isolated plugin for libcadre, which starts "
              "it; it is not meant to be run by hand\n",
              stderr);
        return 2;
    }
    cadre__worker_main(&spec); /* the frame stays allocated: the spec points into it */
}
