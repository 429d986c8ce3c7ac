/* SPDX-License-Identifier: MIT */
/*
 * core/worker/remote.c - see remote.h.
 */
#define _GNU_SOURCE /* pipe2, close_range, CLONE_THREAD: Linux interfaces */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "candidate/candidate.h"
#include "worker/channel.h"
#include "worker/pack.h"
#include "worker/remote.h"
#include "worker/wire.h"
#include "worker/worker.h"

typedef struct remote {
    cadre__plugin *p;
    cadre__worker_spec spec; /* what a (re)started worker loads */
    char *path, *sha256, *text, *dir;
    char *program; /* the worker program (cadre-worker) */
    uint32_t load_ms, call_ms;
    pid_t pid; /* 0: no worker now */
    cadre__channel ch;
    int out_fd;      /* the worker's stdout and stderr; -1 once closed */
    int sched_fd;    /* the worker's /proc/PID/schedstat while it runs, or -1 */
    cadre__buf line; /* a line of output not yet ended */
    int skipping;    /* the rest of an overlong line is being dropped */
    /* Calls submitted and not yet collected, oldest first. The engine may submit the next
     * candidate before it collects this one (cadre_engine_submit), so the worker finds it
     * waiting when it finishes; each call's frame is kept, to send again to a fresh worker if
     * this one ends first. Only the oldest runs against a deadline. */
    struct call {
        char *frame;
        size_t len;
        int sent;   /* in the current worker's channel */
        int failed; /* no worker could be started for it: why says so */
        char why[300];
    } * calls;
    size_t ncalls, cap_calls;
    struct timespec deadline; /* the oldest call's */
    uint64_t queued_at_start; /* queue_wait_ns() when the oldest call's deadline was set */
} remote;

#define WAIT_UNKNOWN UINT64_MAX

/* How long the worker has waited, runnable, for a CPU (ns), from /proc/PID/schedstat (time on a
 * CPU, time waiting on a run queue, time slices); WAIT_UNKNOWN when the kernel does not say.
 * Read at every call: the file stays open while the worker runs, and is read again from its
 * start (procfs renders it afresh), which costs one system call where opening it cost three. */
static uint64_t queue_wait_ns(const remote *r)
{
    char buf[128], *end;
    unsigned long long waiting;
    ssize_t n;

    if (r->sched_fd < 0 || (n = pread(r->sched_fd, buf, sizeof(buf) - 1, 0)) <= 0)
        return WAIT_UNKNOWN;
    buf[n] = '\0';
    strtoull(buf, &end, 10); /* time on a CPU */
    if (end == buf || *end != ' ') return WAIT_UNKNOWN;
    waiting = strtoull(end, &end, 10);
    return *end == ' ' || *end == '\n' ? (uint64_t)waiting : WAIT_UNKNOWN;
}

static void add_ms(struct timespec *t, uint64_t ms)
{
    t->tv_sec += (time_t)(ms / 1000);
    t->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

/* ---- the worker's output ---- */

static void emit(remote *r)
{
    cadre__plugin_print(r->p, r->line.data ? r->line.data : "", r->line.len);
    r->line.len = 0;
}

/* Reads what the worker printed and passes on whole lines (output.c cleans and caps them). A
 * plugin may print without end (tests/hostile: 50 MB to stderr), so lines are found with
 * memchr and copied in runs, never byte by byte. */
static void drain(void *userdata)
{
    remote *r = userdata;
    char chunk[16384];
    ssize_t n;

    while (r->out_fd >= 0) {
        n = read(r->out_fd, chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        if (n <= 0) {
            if (r->line.len > 0) emit(r);
            close(r->out_fd);
            r->out_fd = -1;
            return;
        }
        for (const char *p = chunk, *end = chunk + n; p < end;) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t run = (size_t)((nl ? nl : end) - p);

            if (!r->skipping) {
                size_t room = CADRE__OUTPUT_LINE_BYTES + 1 - r->line.len;

                cadre__buf_putn(&r->line, p, run < room ? run : room);
                if (r->line.len > CADRE__OUTPUT_LINE_BYTES) { /* output.c cuts it with "..." */
                    emit(r);
                    r->skipping = 1;
                }
            }
            if (nl == NULL) break;
            if (!r->skipping) emit(r);
            r->skipping = 0;
            r->line.len = 0;
            p = nl + 1;
        }
    }
}

/* Waits for the worker's next frame until *dl, not counting the time the worker was kept from
 * running: on a loaded machine (batch -j N, other programs) a worker that waits for a CPU has
 * not hung, and its deadline moves on by that much, up to FAIR_CAP_FACTOR times its length in
 * all. A worker that sleeps or blocks, or spins past its budget, gets no such credit. `queued`
 * is queue_wait_ns() when the deadline was set. Returns as cadre__channel_recv does. */
#define FAIR_CAP_FACTOR 10
#define FAIR_SLACK_NS   (20 * 1000000ull) /* less than this is noise, not starvation */

static int recv_fair(remote *r, char **frame, size_t *len, struct timespec *dl, uint32_t ms,
                     uint64_t queued)
{
    uint64_t credited = 0, cap = (uint64_t)ms * FAIR_CAP_FACTOR * 1000000ull;

    for (;;) {
        int rc = cadre__channel_recv(&r->ch, frame, len, dl, r->out_fd, drain, r);
        uint64_t now = rc == -2 && queued != WAIT_UNKNOWN ? queue_wait_ns(r) : WAIT_UNKNOWN;
        uint64_t waited = now != WAIT_UNKNOWN && now > queued ? now - queued : 0;

        if (rc != -2 || waited < credited + FAIR_SLACK_NS) return rc;
        if (waited > cap) return -2;
        add_ms(dl, (waited - credited) / 1000000u);
        credited = waited;
    }
}

/* ---- starting and ending workers ---- */

/* Describes how a worker that stopped answering ended. */
/* reap()'s status when the worker's end could not be collected: the host program ignores
 * SIGCHLD or reaps every child itself (docs/embedding.md, "Threads, signals and processes"). */
#define STATUS_COLLECTED_ELSEWHERE (-1)

static void describe_end(int status, char *why, size_t size)
{
    if (status == STATUS_COLLECTED_ELSEWHERE)
        snprintf(why, size,
                 "the worker process ended, and how is unknown: the program ignores SIGCHLD or "
                 "collected the process's status itself");
    else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        snprintf(why, size, "the plugin used up the worker's CPU time limit (RLIMIT_CPU)");
    else if (WIFSIGNALED(status))
        snprintf(why, size, "the plugin crashed (signal %d, %s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else if (WIFEXITED(status))
        snprintf(why, size, "the plugin ended the process (exit status %d)", WEXITSTATUS(status));
    else
        snprintf(why, size, "the worker process failed");
}

/* Ends the worker: with `kill_it` at once, otherwise after giving it REMOTE_UNLOAD_MS to exit
 * by itself. The status of the process goes into *status when not NULL. */
static void reap(remote *r, int kill_it, int *status)
{
    struct timespec dl;
    int st = 0;

    if (r->pid == 0) return;
    close(r->ch.fd);
    r->ch.fd = -1;
    cadre__channel_free(&r->ch);
    if (kill_it) kill(r->pid, SIGKILL);
    cadre__deadline_in(&dl, REMOTE_UNLOAD_MS);
    for (;;) {
        pid_t got = waitpid(r->pid, &st, kill_it ? 0 : WNOHANG);

        if (got == r->pid) break;
        if (got < 0 && errno == ECHILD) {
            st = STATUS_COLLECTED_ELSEWHERE;
            break;
        }
        if (got < 0 && errno != EINTR) break;
        if (got == 0) {
            /* Still unloading: wait on its output pipe, which closes when it exits. */
            struct pollfd pfd = {r->out_fd, POLLIN, 0};
            long left = cadre__ms_left(&dl);

            if (left <= 0) {
                kill(r->pid, SIGKILL);
                kill_it = 1;
                continue;
            }
            if (r->out_fd >= 0 && poll(&pfd, 1, left > 10 ? 10 : (int)left) > 0)
                drain(r);
            else if (r->out_fd < 0) {
                struct timespec ms = {0, 1000000};

                nanosleep(&ms, NULL);
            }
        }
    }
    drain(r); /* whatever it printed last */
    if (r->out_fd >= 0) close(r->out_fd);
    r->out_fd = -1;
    if (r->sched_fd >= 0) close(r->sched_fd);
    r->sched_fd = -1;
    for (size_t i = 0; i < r->ncalls; i++)
        r->calls[i].sent = 0; /* gone with the channel: a fresh worker gets them again */
    r->line.len = 0;
    r->skipping = 0;
    r->pid = 0;
    if (status) *status = st;
}

/* A copy of a descriptor numbered 10 or above, close-on-exec, and the original closed: the
 * worker's file actions then never map a descriptor onto itself (where dup2 would keep
 * close-on-exec), and an embedder that started with a standard descriptor closed cannot have a
 * channel on it. */
static int high_fd(int fd)
{
    int moved;

    if (fd < 0) return fd;
    moved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    return moved;
}

/* The environment a worker gets: what makes it run as the engine does (where libraries are,
 * sanitizer and valgrind settings), and none of the embedding program's other variables,
 * which may hold secrets a plugin has no business reading. */
static const char *const kept_env[] = {
    "LD_LIBRARY_PATH=", "LD_PRELOAD=",   "ASAN_OPTIONS=", "UBSAN_OPTIONS=",
    "LSAN_OPTIONS=",    "TSAN_OPTIONS=", "VALGRIND_LIB=", NULL};
extern char **environ;

static void worker_env(char **out, size_t max)
{
    size_t n = 0;

    for (char **e = environ; e && *e && n + 1 < max; e++)
        for (const char *const *k = kept_env; *k; k++)
            if (strncmp(*e, *k, strlen(*k)) == 0) {
                out[n++] = *e;
                break;
            }
    out[n] = NULL;
}

/* Starts the worker program with the channel on descriptor 3, its output on 1 and 2, /dev/null
 * on 0, every other descriptor closed and every signal at its default: posix_spawn, so nothing
 * of this process runs in the child before the exec, which makes it safe in a program with
 * threads whatever its allocator. */
static int start_program(remote *r, int sock, int out, pid_t *pid)
{
    char *envp[16], *argv[] = {"cadre-worker", NULL};
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    sigset_t all, none;
    int rc;

    worker_env(envp, sizeof(envp) / sizeof(envp[0]));
    sigfillset(&all);
    sigemptyset(&none);
    if ((rc = posix_spawn_file_actions_init(&fa)) != 0) return rc;
    if ((rc = posix_spawnattr_init(&at)) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return rc;
    }
    rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (rc == 0) rc = posix_spawn_file_actions_adddup2(&fa, out, 1);
    if (rc == 0) rc = posix_spawn_file_actions_adddup2(&fa, out, 2);
    if (rc == 0) rc = posix_spawn_file_actions_adddup2(&fa, sock, CADRE__WORKER_CHANNEL_FD);
    if (rc == 0) rc = posix_spawn_file_actions_addclosefrom_np(&fa, CADRE__WORKER_CHANNEL_FD + 1);
    if (rc == 0) rc = posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    if (rc == 0) rc = posix_spawnattr_setsigdefault(&at, &all);
    if (rc == 0) rc = posix_spawnattr_setsigmask(&at, &none);
    if (rc == 0) rc = posix_spawn(pid, r->program, &fa, &at, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    return rc;
}

/* Starts a worker, sends it the spec, and waits for its first frame: the metadata (into r->p
 * when `first`, or compared with it on a restart) or why it refused. */
static int spawn(remote *r, int first, cadre_error *err)
{
    int sv[2], po[2], status = 0, rc;
    cadre__buf spec = {0};
    struct timespec dl;
    char *frame;
    size_t len;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return cadre__fail(err, CADRE_EPLUGIN, r->path, 0, 0,
                           "%s: cannot start a worker process: socketpair: %s", r->path,
                           strerror(errno));
    if (pipe2(po, O_CLOEXEC) != 0) {
        close(sv[0]);
        close(sv[1]);
        return cadre__fail(err, CADRE_EPLUGIN, r->path, 0, 0,
                           "%s: cannot start a worker process: pipe: %s", r->path, strerror(errno));
    }
    sv[0] = high_fd(sv[0]), sv[1] = high_fd(sv[1]);
    po[0] = high_fd(po[0]), po[1] = high_fd(po[1]);
    r->spec.confinement.parent = getpid();
    rc = sv[0] < 0 || sv[1] < 0 || po[0] < 0 || po[1] < 0 ? EMFILE
                                                          : start_program(r, sv[1], po[1], &pid);
    close(sv[1]);
    close(po[1]);
    if (rc != 0) {
        close(sv[0]);
        close(po[0]);
        return cadre__fail(err, CADRE_EPLUGIN, r->path, 0, 0,
                           "%s: cannot start a worker process: %s: %s", r->path, r->program,
                           strerror(rc));
    }
    fcntl(po[0], F_SETFL, O_NONBLOCK);
    r->pid = pid;
    {
        char path[64];

        snprintf(path, sizeof(path), "/proc/%d/schedstat", (int)pid);
        r->sched_fd = high_fd(open(path, O_RDONLY | O_CLOEXEC));
    }
    r->ch = (cadre__channel){sv[0], NULL, 0, 0, 0};
    r->out_fd = po[0];
    cadre__worker_spec_put(&spec, &r->spec);
    rc = spec.oom ? -1 : cadre__channel_send(r->ch.fd, spec.data, spec.len);
    free(spec.data);
    if (rc == 0) {
        cadre__deadline_in(&dl, r->load_ms);
        rc = recv_fair(r, &frame, &len, &dl, r->load_ms, queue_wait_ns(r));
    }
    if (rc == -2) {
        reap(r, 1, NULL);
        return cadre__fail(err, CADRE_ELIMIT, r->path, 0, 0,
                           "%s: loading did not finish within %u ms and was stopped", r->path,
                           r->load_ms);
    }
    if (rc != 0) {
        char why[200];

        reap(r, 0, &status);
        describe_end(status, why, sizeof(why));
        return cadre__fail(err, CADRE_EPLUGIN, r->path, 0, 0, "%s: while loading, %s", r->path,
                           why);
    }
    if (first) {
        rc = cadre__wire_get_meta(r->p, frame, len, r->path, r->sha256, err);
    } else {
        /* A restarted worker must have loaded the same plugin. */
        cadre__plugin *again = cadre__plugin_alloc();

        rc = again ? cadre__wire_get_meta(again, frame, len, r->path, r->sha256, err)
                   : cadre__fail(err, CADRE_ENOMEM, r->path, 0, 0, "out of memory");
        if (rc == 0 && (strcmp(again->meta.name, r->p->meta.name) != 0 ||
                        strcmp(again->meta.version, r->p->meta.version) != 0))
            rc = cadre__fail(err, CADRE_EPLUGIN, r->path, 0, 0,
                             "%s: the restarted worker loaded %s %s instead of %s %s", r->path,
                             again->meta.name, again->meta.version, r->p->meta.name,
                             r->p->meta.version);
        cadre__plugin_free(again);
    }
    if (rc != 0) reap(r, 1, NULL);
    return rc;
}

/* ---- assessing ---- */

/* Sends call c to the worker, starting one if there is none; a call that cannot be sent is
 * failed with the reason (a send to a worker that has just died is not: collect() finds the
 * death and says how it ended). */
static void send_call(remote *r, struct call *c)
{
    cadre_error err;

    if (r->pid == 0 && spawn(r, 0, &err) != 0) {
        c->failed = 1;
        snprintf(c->why, sizeof(c->why), "could not restart its worker: %s", err.message);
        return;
    }
    (void)cadre__channel_send(r->ch.fd, c->frame, c->len);
    c->sent = 1;
}

/* The oldest call starts its time: sent again first if its worker has ended since. */
static void start_oldest(remote *r)
{
    struct call *c = r->ncalls ? &r->calls[0] : NULL;

    if (c == NULL || c->failed) return;
    if (!c->sent || r->pid == 0) send_call(r, c);
    for (size_t i = 1; i < r->ncalls && r->pid != 0 && !c->failed; i++)
        if (!r->calls[i].sent && !r->calls[i].failed) send_call(r, &r->calls[i]);
    cadre__deadline_in(&r->deadline, r->call_ms);
    r->queued_at_start = queue_wait_ns(r);
}

static void remote_submit(cadre__plugin *p, const cadre__request *req)
{
    remote *r = p->impl;
    cadre__buf b = {0};
    struct call *c;

    if (r->ncalls == r->cap_calls) {
        size_t cap = r->cap_calls ? r->cap_calls * 2 : 4;
        struct call *grown = realloc(r->calls, cap * sizeof(*grown));

        if (grown == NULL) return; /* collect() finds no call and says so */
        r->calls = grown;
        r->cap_calls = cap;
    }
    c = &r->calls[r->ncalls];
    memset(c, 0, sizeof(*c));
    cadre__wire_put_request(&b, p, req->source, req->candidate, req->len);
    if (b.oom) {
        free(b.data);
        c->failed = 1;
        snprintf(c->why, sizeof(c->why), "out of memory");
    } else {
        c->frame = b.data;
        c->len = b.len;
    }
    r->ncalls++;
    if (r->ncalls == 1)
        start_oldest(r);
    else if (r->pid != 0 && !c->failed)
        send_call(r, c); /* waits in the channel until the worker is done with the others */
}

static void remote_collect(cadre__plugin *p, cadre_builder *b)
{
    remote *r = p->impl;
    char *frame, why[300];
    size_t len;
    int rc, status = 0, last = 0;
    struct call c;

    if (r->ncalls == 0) {
        cadre__builder_fail(b, CADRE_EPLUGIN, r->path, 0, "no assessment was submitted");
        return;
    }
    c = r->calls[0];
    if (c.failed) {
        cadre__builder_fail(b, CADRE_EPLUGIN, r->path, 0, c.why);
        goto next;
    }
    rc = recv_fair(r, &frame, &len, &r->deadline, r->call_ms, r->queued_at_start);
    if (rc == 0) {
        int replayed = cadre__wire_replay_result(b, frame, len, &last);

        if (replayed != 0) cadre__builder_locate(b, r->path, 0);
        if (replayed == -2)
            reap(r, 1, NULL); /* out of step (a forged frame?): a new worker for the next */
        else if (last)
            reap(r, 0, NULL); /* worn out: the next call starts a fresh one */
        goto next;
    }
    if (rc == -2) {
        reap(r, 1, NULL);
        snprintf(why, sizeof(why),
                 "did not finish within %u ms and was stopped (a hang, or work the budget "
                 "could not interrupt)",
                 r->call_ms);
        cadre__builder_fail(b, CADRE_ELIMIT, r->path, 0, why);
        goto next;
    }
    reap(r, 0, &status);
    describe_end(status, why, sizeof(why));
    cadre__builder_fail(b, CADRE_EPLUGIN, r->path, 0, why);
next:
    free(c.frame);
    memmove(&r->calls[0], &r->calls[1], (r->ncalls - 1) * sizeof(r->calls[0]));
    r->ncalls--;
    start_oldest(r);
}

static int remote_assess(cadre__plugin *p, const cadre_candidate *c, const cadre_params *params,
                         cadre_builder *b)
{
    cadre__request req;
    cadre__buf packed = {0};

    (void)params; /* the worker gets them from the plugin, as submit() sends them */
    cadre__pack_candidate(&packed, c);
    if (packed.oom) {
        free(packed.data);
        cadre__builder_fail(b, CADRE_ENOMEM, NULL, 0, "out of memory");
        return -1;
    }
    req.source = c->source;
    req.candidate = packed.data;
    req.len = packed.len;
    remote_submit(p, &req);
    remote_collect(p, b);
    free(packed.data);
    return cadre__builder_failed(b) ? -1 : 0;
}

static void remote_unload(cadre__plugin *p)
{
    remote *r = p->impl;

    if (r == NULL) return;
    reap(r, 0, NULL);
    for (size_t i = 0; i < r->ncalls; i++)
        free(r->calls[i].frame);
    free(r->calls);
    free(r->line.data);
    free(r->path);
    free(r->sha256);
    free(r->program);
    free(r->text);
    free(r->dir);
    free(r);
    p->impl = NULL;
}

static const cadre__plugin_ops remote_ops = {remote_assess, remote_unload, remote_submit,
                                             remote_collect};

int cadre__remote_is(const cadre__plugin *p)
{
    return p != NULL && p->ops == &remote_ops;
}

int cadre__remote_load(cadre__plugin **out, const char *path, const char *sha256, const char *text,
                       size_t len, const cadre__load_ctx *ctx, cadre_error *err)
{
    cadre__plugin *p = cadre__plugin_alloc();
    remote *r = calloc(1, sizeof(*r));
    int rc;

    *out = NULL;
    if (p == NULL || r == NULL) {
        free(r);
        cadre__plugin_free(p);
        return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
    }
    p->impl = r;
    p->ops = &remote_ops;
    p->output = ctx->output;
    r->p = p;
    r->out_fd = -1;
    r->sched_fd = -1;
    r->ch.fd = -1;
    r->path = strdup(path);
    r->sha256 = strdup(sha256);
    r->program = strdup(ctx->worker_program ? ctx->worker_program : "");
    r->text = text ? malloc(len + 1) : NULL;
    if (r->path == NULL || r->sha256 == NULL || r->program == NULL || (text && r->text == NULL)) {
        cadre__plugin_free(p);
        return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
    }
    if (text) {
        memcpy(r->text, text, len);
        r->text[len] = '\0';
    }
    r->spec.path = r->path;
    r->spec.sha256 = r->sha256;
    r->spec.text = r->text;
    r->spec.text_len = len;
    r->spec.limits = ctx->limits;
    r->spec.confinement.memory_limit = ctx->worker_memory;
    {
        /* What the plugin may read: its own folder (its data, a rubric's data/ folder). */
        char real[4096];
        const char *slash = strrchr(path, '/');
        char *dir = strndup(path, slash ? (size_t)(slash - path) : 0);

        r->dir = dir && realpath(*dir ? dir : "/", real) ? strdup(real) : NULL;
        free(dir);
        r->spec.confinement.plugin_dir = r->dir;
    }
    r->load_ms = text ? 3 * ctx->limits.time_ms + REMOTE_LOAD_GRACE_MS : ctx->native_time_ms;
    r->call_ms = text ? ctx->limits.time_ms + REMOTE_GRACE_MS : ctx->native_time_ms;
    rc = spawn(r, 1, err);
    if (rc != 0) {
        cadre__plugin_free(p);
        return rc;
    }
    *out = p;
    return 0;
}
