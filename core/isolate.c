/*
 * core/isolate.c - the worker process (see isolate.h).
 *
 * The worker is forked once, from the engine with every plugin loaded, and then serves one
 * request per candidate over a socketpair: the parent sends the candidate as JSON with the
 * plugins to run and their parameters; the worker assesses in its own copy of the engine and
 * sends back one result per plugin as it finishes. The parent waits for each result with a
 * deadline. If the worker dies (a crash) or misses the deadline (a hang, or a Lua rubric stuck
 * inside a C library call, where no hook can reach it), the parent kills it, gives that plugin
 * an error result, and starts a new worker for the plugins still to run.
 *
 * A request is two frames: a JSON header {"source", "plugins": [{"name", "params"}]} and the
 * candidate's JSON text, which the worker parses once with the ordinary loader. The response is
 * one frame per plugin, in order. A frame is a 4-byte little-endian length and that many bytes.
 * Sends use MSG_NOSIGNAL so a dead peer is an error code, not a SIGPIPE.
 */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolate.h"

#define MAX_FRAME (16u << 20)
#define LUA_GRACE 2000 /* ms past the Lua budget before the parent steps in */

/* A receiving end: bytes read ahead of the frame being decoded, to keep system calls few. */
typedef struct inbuf {
    char *data;
    size_t len, pos, cap;
} inbuf;

struct cadre__worker {
    pid_t pid;
    int fd;
    inbuf in;
};

/* ---- framing ---- */

/* Sends a frame (length and body) with one system call where the socket allows. */
static int send_frame(int fd, const char *body)
{
    size_t len = body ? strlen(body) : 0, total = len + 4, sent = 0;
    unsigned char hdr[4] = {(unsigned char)len, (unsigned char)(len >> 8),
                            (unsigned char)(len >> 16), (unsigned char)(len >> 24)};

    if (len > MAX_FRAME) return -1;
    while (sent < total) {
        struct iovec iov[2];
        struct msghdr msg = {0};
        int k = 0;
        ssize_t n;

        if (sent < 4) iov[k++] = (struct iovec){hdr + sent, 4 - sent};
        iov[k++] = (struct iovec){(char *)body + (sent > 4 ? sent - 4 : 0),
                                  len - (sent > 4 ? sent - 4 : 0)};
        msg.msg_iov = iov;
        msg.msg_iovlen = (size_t)k;
        n = sendmsg(fd, &msg, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        sent += (size_t)n;
    }
    return 0;
}

static long ms_left(const struct timespec *deadline)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(deadline->tv_sec - now.tv_sec) * 1000 +
           (deadline->tv_nsec - now.tv_nsec) / 1000000;
}

/* Reads more bytes into `in` before the deadline (NULL: wait forever). Returns 0, -1 on EOF
 * or error, -2 on timeout. */
static int fill(int fd, inbuf *in, const struct timespec *deadline)
{
    ssize_t n;

    if (in->pos > 0) { /* keep unread bytes at the front */
        memmove(in->data, in->data + in->pos, in->len - in->pos);
        in->len -= in->pos;
        in->pos = 0;
    }
    if (in->cap - in->len < 65536) {
        size_t cap = in->cap ? in->cap * 2 : 131072;
        char *d = realloc(in->data, cap);

        if (d == NULL) return -1;
        in->data = d;
        in->cap = cap;
    }
    for (;;) {
        if (deadline) {
            struct pollfd pfd = {fd, POLLIN, 0};
            long left = ms_left(deadline);
            int rc;

            if (left <= 0) return -2;
            rc = poll(&pfd, 1, left > 60000 ? 60000 : (int)left);
            if (rc < 0 && errno != EINTR) return -1;
            if (rc <= 0) continue; /* re-check the deadline */
        }
        n = recv(fd, in->data + in->len, in->cap - in->len, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        in->len += (size_t)n;
        return 0;
    }
}

/* Receives one frame into a malloc'd NUL-terminated buffer (NULL for an empty frame).
 * Returns 0, -1 on EOF or error, -2 on timeout. */
static int recv_frame(int fd, inbuf *in, char **out, const struct timespec *deadline)
{
    size_t len;
    const unsigned char *h;
    int rc;

    *out = NULL;
    while (in->len - in->pos < 4)
        if ((rc = fill(fd, in, deadline)) != 0) return rc;
    h = (const unsigned char *)in->data + in->pos;
    len = h[0] | (size_t)h[1] << 8 | (size_t)h[2] << 16 | (size_t)h[3] << 24;
    if (len > MAX_FRAME) return -1;
    while (in->len - in->pos < 4 + len)
        if ((rc = fill(fd, in, deadline)) != 0) return rc;
    in->pos += 4;
    if (len > 0) {
        if ((*out = malloc(len + 1)) == NULL) return -1;
        memcpy(*out, in->data + in->pos, len);
        (*out)[len] = '\0';
    }
    in->pos += len;
    return 0;
}

/* ---- results as JSON, back into a builder ---- */

static const char *jstr(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double jnum(const cJSON *o, const char *k, double fallback)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

    return cJSON_IsNumber(v) ? v->valuedouble : fallback;
}

static int kind_of(const char *s)
{
    if (s && strcmp(s, "strength") == 0) return CADRE_FINDING_STRENGTH;
    if (s && strcmp(s, "gap") == 0) return CADRE_FINDING_GAP;
    if (s && strcmp(s, "risk") == 0) return CADRE_FINDING_RISK;
    return -1;
}

static int replay_criteria(cadre_builder *b, const cJSON *arr)
{
    const cJSON *c;

    cJSON_ArrayForEach(c, arr)
    {
        const cJSON *m;

        /* NaN marks a missing number: the builder refuses it and says why. */
        if (cadre__builder_criterion(b, jstr(c, "id"), jstr(c, "label"), jnum(c, "weight", NAN),
                                     jnum(c, "score", NAN), jstr(c, "evidence")) != 0)
            return -1;
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(c, "missing"))
        {
            if (!cJSON_IsString(m) || cadre__builder_missing(b, jstr(c, "id"), m->valuestring) != 0)
                return -1;
        }
    }
    return 0;
}

static int replay_rest(cadre_builder *b, const cJSON *j)
{
    const cJSON *x;

    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(j, "findings"))
    {
        int k = kind_of(jstr(x, "kind"));

        if (cadre__builder_finding(b, k < 0 ? (cadre_finding_kind)99 : (cadre_finding_kind)k,
                                   jstr(x, "text"), jstr(x, "recommendation")) != 0)
            return -1;
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(j, "missing"))
    {
        if (!cJSON_IsString(x) || cadre__builder_missing(b, NULL, x->valuestring) != 0) return -1;
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(j, "ranking"))
    {
        if (cadre__builder_rank(b, jstr(x, "id"), jstr(x, "label"), jnum(x, "score", NAN),
                                jstr(x, "note")) != 0)
            return -1;
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(j, "details"))
    {
        if (!cJSON_IsString(x) || cadre__builder_detail(b, x->string, x->valuestring) != 0)
            return -1;
    }
    return 0;
}

int cadre__result_from_json(cadre_builder *b, const cJSON *j)
{
    const char *status = jstr(j, "status");

    if (!cJSON_IsObject(j) || status == NULL)
        return cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0, "the worker sent a malformed result"),
               -1;
    if (strcmp(status, "error") == 0) {
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(j, "error");
        const char *msg = jstr(e, "message");

        cadre__builder_fail(
            b, (int)jnum(e, "code", CADRE_EPLUGIN) < 0 ? (int)jnum(e, "code", 0) : CADRE_EPLUGIN,
            jstr(e, "file"), (int)jnum(e, "line", 0),
            msg ? msg : "the plugin failed without a message");
        return -1;
    }
    if (replay_criteria(b, cJSON_GetObjectItemCaseSensitive(j, "criteria")) != 0 ||
        replay_rest(b, j) != 0 || cadre__builder_set_score(b, jnum(j, "score", NAN)) != 0 ||
        cadre__builder_set_band(b, jstr(j, "band")) != 0 ||
        cadre__builder_set_summary(b, jstr(j, "summary")) != 0)
        return -1;
    return 0;
}

/* ---- the worker's side ---- */

/* Runs one request (header and candidate frames); sends one result frame per plugin. */
static int serve(cadre_engine *e, int fd, const char *header, const char *cand_text)
{
    cJSON *j = cJSON_Parse(header), *p;
    cadre_candidate *c = NULL;
    cadre_error err;
    int rc = 0, stale = 1;

    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(j, "plugins"))
    {
        cadre__plugin *pl = cadre__engine_find(e, jstr(p, "name") ? jstr(p, "name") : "");
        cadre__arena A;
        cadre_result res = {0};
        cadre_builder *b;
        const cJSON *kv;
        char *out = NULL;
        cJSON *rj;

        /* A native plugin can write through its const pointer; whoever runs after it gets a
         * fresh copy. (Lua rubrics cannot write the candidate, so they share one.) */
        if (stale) {
            cadre_candidate_free(c);
            if (cand_text == NULL ||
                cadre_candidate_parse(&c, cand_text, strlen(cand_text), jstr(j, "source"), NULL,
                                      NULL, &err) != 0)
                c = NULL;
        }
        stale = pl != NULL && strcmp(pl->meta.kind, "native") == 0;
        cadre__arena_init(&A, 8192);
        b = cadre__builder_new(&A);
        cJSON_ArrayForEach(kv, cJSON_GetObjectItemCaseSensitive(p, "params"))
        {
            if (pl && cJSON_IsString(kv))
                cadre_engine_set_param(e, pl->meta.name, kv->string, kv->valuestring, NULL);
        }
        if (b != NULL) {
            if (pl == NULL || c == NULL)
                cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0,
                                    c == NULL ? "the worker could not read the candidate"
                                              : "the worker has no such plugin");
            else
                pl->ops->assess(pl, c, &(cadre_params){pl->params, pl->param_count}, b);
            cadre__builder_finish(b, &res);
            if (pl) cadre__result_meta(&res, pl);
            rj = cadre__assessment_json(&res);
            out = rj ? cJSON_PrintUnformatted(rj) : NULL;
            cJSON_Delete(rj);
        }
        rc = out ? send_frame(fd, out) : -1;
        free(out);
        cadre__builder_free(b);
        cadre__arena_free(&A);
        if (rc != 0) break;
    }
    cadre_candidate_free(c);
    cJSON_Delete(j);
    return rc;
}

static void worker_main(cadre_engine *e, int fd)
{
    inbuf in = {0};
    char *header, *cand;

    signal(SIGPIPE, SIG_IGN);
    while (recv_frame(fd, &in, &header, NULL) == 0 && header != NULL) {
        int rc = recv_frame(fd, &in, &cand, NULL) == 0 ? serve(e, fd, header, cand) : -1;

        free(header);
        free(cand);
        if (rc != 0) break;
    }
    free(in.data);
    close(fd);
    /* The worker's copy of the engine: unload it properly (native plugins' fini runs here), so
     * that memory checkers see a clean exit. */
    cadre_engine_free(e);
    _exit(0); /* never flush the parent's stdio buffers, never run its atexit handlers */
}

static int spawn(cadre_engine *e)
{
    int sv[2];
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return -1;
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    if (pid == 0) {
        close(sv[0]);
        worker_main(e, sv[1]);
    }
    close(sv[1]);
    e->worker = calloc(1, sizeof(*e->worker));
    if (e->worker == NULL) {
        close(sv[0]);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        return -1;
    }
    e->worker->pid = pid;
    e->worker->fd = sv[0];
    return 0;
}

/* Ends the worker. With `why` set it had failed: kill it and describe how it died. */
static void reap(cadre_engine *e, int kill_it, char *why, size_t size)
{
    cadre__worker *w = e->worker;
    int status = 0;

    if (w == NULL) return;
    close(w->fd);
    free(w->in.data);
    if (kill_it) kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (why && !kill_it) {
        if (WIFSIGNALED(status))
            snprintf(why, size, "the plugin crashed (signal %d, %s)", WTERMSIG(status),
                     strsignal(WTERMSIG(status)));
        else if (WIFEXITED(status))
            snprintf(why, size, "the plugin ended the process (exit status %d)",
                     WEXITSTATUS(status));
        else
            snprintf(why, size, "the worker process failed");
    }
    free(w);
    e->worker = NULL;
}

/* ---- vetting a rubric file before loading it ---- */

int cadre__vet_lua(const cadre_engine *e, const char *path, const char *sha256, const char *text,
                   size_t len, cadre_error *err)
{
    /* Loading runs the file and the load-time trial (two assessments), each with the budget. */
    uint32_t ms = e->limits.time_ms * 3 + LUA_GRACE;
    struct timespec dl;
    inbuf in = {0};
    char *msg = NULL;
    int sv[2], rc;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return 0; /* load as usual */
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        return 0;
    }
    if (pid == 0) {
        cadre__plugin *p = NULL;
        cadre_error cerr;
        char reply[1400];

        close(sv[0]);
        if (cadre__lua_load(&p, path, sha256, text, len, &e->limits, &cerr) == 0)
            snprintf(reply, sizeof(reply), "ok");
        else
            snprintf(reply, sizeof(reply), "%d %d %s", cerr.code, cerr.line, cerr.message);
        send_frame(sv[1], reply);
        cadre__plugin_free(p);
        _exit(0);
    }
    close(sv[1]);
    clock_gettime(CLOCK_MONOTONIC, &dl);
    dl.tv_sec += ms / 1000;
    dl.tv_nsec += (long)(ms % 1000) * 1000000;
    if (dl.tv_nsec >= 1000000000) dl.tv_sec++, dl.tv_nsec -= 1000000000;
    rc = recv_frame(sv[0], &in, &msg, &dl);
    if (rc == -2) kill(pid, SIGKILL);
    close(sv[0]);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
    free(in.data);
    if (rc == -2)
        rc = cadre__fail(err, CADRE_ELIMIT, path, 0, 0,
                         "%s: loading did not finish within %u ms and was stopped (a call stuck "
                         "inside a library function?)",
                         path, ms);
    else if (rc != 0 || msg == NULL)
        rc = cadre__fail(err, CADRE_EPLUGIN, path, 0, 0, "%s: loading crashed the vetting process",
                         path);
    else if (strcmp(msg, "ok") == 0)
        rc = 0;
    else {
        int code = CADRE_EPLUGIN, line = 0, off = 0;

        sscanf(msg, "%d %d %n", &code, &line, &off);
        rc = cadre__fail(err, code < 0 ? code : CADRE_EPLUGIN, path, line, 0, "%s", msg + off);
    }
    free(msg);
    return rc;
}

void cadre__worker_stop(cadre_engine *e)
{
    reap(e, 0, NULL, 0); /* closing the socket ends the worker's loop */
}

/* ---- the parent's side ---- */

/* The request header: where the candidate came from, and the plugins with their parameters. */
static char *request(const cadre_candidate *c, cadre__plugin *const *plugins, size_t n)
{
    cJSON *root = cJSON_CreateObject(), *arr;
    char *s;

    cJSON_AddStringToObject(root, "source", c->source ? c->source : "<candidate>");
    arr = cJSON_AddArrayToObject(root, "plugins");
    for (size_t i = 0; arr && i < n; i++) {
        cJSON *p = cJSON_CreateObject(), *params = cJSON_AddObjectToObject(p, "params");

        cJSON_AddStringToObject(p, "name", plugins[i]->meta.name);
        for (size_t k = 0; k < plugins[i]->param_count; k++)
            if (plugins[i]->params[k].value)
                cJSON_AddStringToObject(params, plugins[i]->params[k].spec->key,
                                        plugins[i]->params[k].value);
        cJSON_AddItemToArray(arr, p);
    }
    s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

static uint32_t deadline_ms(const cadre_engine *e, const cadre__plugin *p)
{
    return strcmp(p->meta.kind, "native") == 0 ? e->native_time_ms : e->limits.time_ms + LUA_GRACE;
}

/* Receives the result of plugin p into out; returns 0, or -1 if the worker must go. */
static int receive(cadre_engine *e, cadre_report *r, cadre__plugin *p, cadre_result *out)
{
    uint32_t ms = deadline_ms(e, p);
    struct timespec dl;
    cadre_builder *b = cadre__builder_new(&r->arena);
    char *frame = NULL, why[200] = "";
    cJSON *j;
    int rc;

    clock_gettime(CLOCK_MONOTONIC, &dl);
    dl.tv_sec += ms / 1000;
    dl.tv_nsec += (long)(ms % 1000) * 1000000;
    if (dl.tv_nsec >= 1000000000) dl.tv_sec++, dl.tv_nsec -= 1000000000;
    rc = recv_frame(e->worker->fd, &e->worker->in, &frame, &dl);
    if (rc == 0 && frame == NULL) rc = -1; /* an end frame where a result was due */
    if (rc != 0) {
        reap(e, rc == -2, why, sizeof(why));
        if (rc == -2)
            snprintf(why, sizeof(why),
                     "did not finish within %u ms and was stopped (a hang, or "
                     "a call stuck inside a library function)",
                     ms);
        cadre__builder_fail(b, rc == -2 ? CADRE_ELIMIT : CADRE_EPLUGIN, p->meta.path, 0, why);
    } else {
        j = cJSON_Parse(frame);
        cadre__result_from_json(b, j);
        cJSON_Delete(j);
    }
    free(frame);
    cadre__builder_finish(b, out);
    cadre__result_meta(out, p);
    if (out->status == CADRE_STATUS_ERROR && out->error.file == NULL)
        out->error.file = p->meta.path;
    cadre__builder_free(b);
    return rc == 0 ? 0 : -1;
}

void cadre__worker_start(cadre_engine *e)
{
    if (e->worker == NULL) spawn(e);
}

int cadre__worker_send(cadre_engine *e, cadre__plugin *const *plugins, size_t n,
                       const cadre_candidate *c)
{
    /* Fork (if needed) before building the request, so the worker does not inherit it. */
    int up = e->worker || spawn(e) == 0;
    char *req = up ? request(c, plugins, n) : NULL;
    char *cand = up ? cadre__candidate_to_json(c) : NULL;
    int ok =
        req && cand && send_frame(e->worker->fd, req) == 0 && send_frame(e->worker->fd, cand) == 0;

    free(req);
    free(cand);
    if (!ok) reap(e, 1, NULL, 0);
    return ok ? 0 : -1;
}

void cadre__worker_receive(cadre_engine *e, cadre_report *r, cadre__plugin *const *plugins,
                           size_t n, const cadre_candidate *c, cadre_result *out, int sent)
{
    size_t done = 0;

    while (done < n) {
        if (!sent && cadre__worker_send(e, plugins + done, n - done, c) != 0) {
            /* No worker: the plugin cannot run isolated; say so rather than run it unprotected. */
            cadre_builder *b = cadre__builder_new(&r->arena);

            cadre__builder_fail(b, CADRE_EPLUGIN, plugins[done]->meta.path, 0,
                                "could not start or reach the isolation worker process");
            cadre__builder_finish(b, &out[done]);
            cadre__result_meta(&out[done], plugins[done]);
            cadre__builder_free(b);
            done++;
            continue;
        }
        sent = 0;
        while (done < n && receive(e, r, plugins[done], &out[done]) == 0)
            done++;
        /* A worker that broke was reaped; its plugin has an error result. Go on with a new one. */
        if (done < n) done++;
    }
}
