/* SPDX-License-Identifier: MIT */
/*
 * core/cli/batch.c - `cadre batch`: a stream of candidates through N engines, in input order.
 *
 * N threads, each with an engine of its own, share a ring of W slots (W = 4N + 4, so memory is
 * bounded by N, not by the input). Each thread in turn takes the reading turn and reads the
 * next line into a free slot, turns it into its record, and then, if no other thread is
 * writing, writes every record that is next in input order and done, flushing each when the
 * output is a pipe, so that cadre works as a co-process. Messages for standard error travel in
 * the slots too, so they come out in input order and never interleave. No thread only reads or
 * only writes: handing every line to another thread and back cost a tenth of a batch in
 * wake-ups (docs/performance.md). With -j 1 the one thread reads, assesses and writes each line
 * in turn, as cadre always did.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "record.h"

#define MAX_JOBS 256

enum { SLOT_FREE, SLOT_TAKEN, SLOT_DONE };

typedef struct slot {
    int state;
    long lineno;
    char *line; /* the input line (owned) */
    size_t len, cap;
    char *out; /* the record, ending in a newline (owned; NULL when there is none) */
    size_t out_len;
    char *msg;             /* for standard error, or NULL (owned) */
    int rc;                /* EXIT_* of this line */
    int kind;              /* what the line was, for the summary */
    cadre_candidate *cand; /* submitted to the engine and not yet collected, or NULL */
    int record_failed;     /* --record could not write this line's record */
} slot;

enum { LINE_ASSESSED, LINE_INVALID, LINE_FAILED };

typedef struct batch {
    pthread_mutex_t mu;
    pthread_cond_t turn; /* the reading turn is free, or there is room in the ring */
    slot *ring;
    unsigned long window;
    unsigned long filled, written; /* line counters: filled >= written */
    int reading;                   /* a thread has the reading turn */
    int writing;                   /* a thread is writing records */
    int eof;                       /* no more lines will be filled */
    int stop;                      /* a fatal error: finish what is written, no more */
    int fatal_written;             /* the record of that error is out: nothing after it */
    int failed_write;              /* the output could not be written */
    /* input (the thread with the reading turn) */
    FILE *in;
    const char *path;
    long lineno;
    int read_rc;    /* EXIT_INPUT after a read error */
    int read_ahead; /* a thread may read the next line before it collects the last one */
    /* settings */
    const char *const *names;
    const char *display; /* the input's name in sources: FILE or <stdin> */
    unsigned render_flags;
    const record_opts *record; /* --record, or NULL */
    int flush_each;
    int progress;
    /* for the progress line and the summary (writer's) */
    unsigned long n_assessed, n_invalid, n_failed;
    long first_invalid, first_failed;
    off_t input_size; /* bytes, when the input is a regular file; 0 otherwise */
    off_t read_bytes; /* read so far (main thread, read under mu by the writer) */
    struct timespec start, last_progress;
    int status; /* the worst EXIT_* of the records written */
} batch;

typedef struct worker {
    batch *b;
    cadre_engine *e;
    pthread_t thread;
} worker;

/* ---- one line ---- */

typedef struct line_diag {
    cJSON *list; /* every error diagnostic of the current line */
} line_diag;

static void collect_diag(void *ud, const cadre_diag *d)
{
    line_diag *ld = ud;
    cJSON *o;

    if (d->severity != CADRE_SEVERITY_ERROR || ld->list == NULL) return;
    o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "field", d->field ? d->field : "");
    cJSON_AddStringToObject(o, "message", d->message);
    if (d->line) {
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "column", d->column);
    }
    cJSON_AddItemToArray(ld->list, o);
}

/* The "id" of a line that is not a valid candidate, when the line is JSON with a string "id"
 * that can be printed as it is (valid UTF-8, no control characters, at most 200 bytes):
 * a pipeline joins records by id, error records included. Otherwise NULL. Caller frees. */
static char *salvage_id(const char *line, size_t len)
{
    cJSON *root = cJSON_ParseWithLength(line, len), *id;
    char *safe = NULL, *copy = NULL;

    id = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "id") : NULL;
    if (cJSON_IsString(id) && strlen(id->valuestring) <= 200 &&
        cadre_text_escape(&safe, id->valuestring, strlen(id->valuestring), 0, NULL) == 0 &&
        strcmp(safe, id->valuestring) == 0)
        copy = strdup(id->valuestring);
    cadre_free(safe);
    cJSON_Delete(root);
    return copy;
}

/* The record for a line that is not a valid candidate: the envelope of a report, with an
 * "error" member (docs/report.md). */
static char *input_error_record(const char *source, const char *id, const cadre_error *err,
                                cJSON *problems, size_t *len)
{
    cJSON *o = cJSON_CreateObject(), *eng = cJSON_CreateObject(), *cand = cJSON_CreateObject();
    cJSON *e = cJSON_CreateObject();
    char *s, *rec = NULL;

    cJSON_AddStringToObject(o, "format", "cadre-report");
    cJSON_AddNumberToObject(o, "format_version", 1);
    cJSON_AddStringToObject(eng, "name", "cadre");
    cJSON_AddStringToObject(eng, "version", cadre_version());
    cJSON_AddNumberToObject(eng, "plugin_abi", CADRE_PLUGIN_ABI_VERSION);
    cJSON_AddItemToObject(o, "engine", eng);
    if (id)
        cJSON_AddStringToObject(cand, "id", id);
    else
        cJSON_AddNullToObject(cand, "id");
    cJSON_AddNullToObject(cand, "name");
    cJSON_AddStringToObject(cand, "source", source);
    cJSON_AddItemToObject(o, "candidate", cand);
    cJSON_AddStringToObject(e, "message", err->message);
    cJSON_AddItemToObject(e, "problems", problems);
    cJSON_AddItemToObject(o, "error", e);
    cJSON_AddItemToObject(o, "assessments", cJSON_CreateArray());
    s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (s != NULL && (rec = malloc(strlen(s) + 2)) != NULL) {
        *len = strlen(s) + 1;
        memcpy(rec, s, *len - 1);
        memcpy(rec + *len - 1, "\n", 2);
    }
    free(s);
    return rec;
}

/* Begins the slot's line: parses it and submits the candidate. Returns 1 when it was
 * submitted (end_line finishes it); otherwise the slot's record, message and status are
 * complete. */
static int begin_line(batch *b, cadre_engine *e, slot *s)
{
    line_diag ld = {cJSON_CreateArray()};
    cadre_candidate *c = NULL;
    cadre_error err;
    char source[600];

    snprintf(source, sizeof(source), "%s:%ld", b->display, s->lineno);
    if (cadre_candidate_parse(&c, s->line, s->len, source, collect_diag, &ld, &err) != 0) {
        char *id = salvage_id(s->line, s->len);

        s->msg = strdup(err.message);
        s->out = input_error_record(source, id, &err, ld.list, &s->out_len);
        free(id);
        s->kind = LINE_INVALID;
        s->rc = s->out ? EXIT_INPUT : EXIT_INTERNAL;
        return 0;
    }
    cJSON_Delete(ld.list);
    if (cadre_engine_submit(e, c, b->names, &err) != 0) {
        cadre_candidate_free(c);
        s->msg = strdup(err.message);
        s->rc = err.code == CADRE_ENOTFOUND ? EXIT_PLUGINS : EXIT_INTERNAL;
        return 0;
    }
    s->cand = c;
    return 1;
}

/* Ends a line begin_line submitted: collects its report and renders the record. */
static void end_line(batch *b, cadre_engine *e, slot *s)
{
    cadre_report *r = NULL;
    cadre_error err;
    char *out = NULL;
    size_t len = 0;
    int rc = cadre_engine_collect(&r, e, &err);

    if (rc == 0 && b->record) {
        char why[600];

        if (record_write(b->record, e, s->cand, r, why, sizeof(why)) != 0) {
            char msg[700];

            snprintf(msg, sizeof(msg), "%s:%ld: no decision record: %s", b->display, s->lineno,
                     why);
            s->msg = strdup(msg);
            s->record_failed = 1;
        }
    }
    cadre_candidate_free(s->cand);
    s->cand = NULL;
    if (rc != 0) {
        s->msg = strdup(err.message);
        s->rc = EXIT_INTERNAL;
        return;
    }
    s->kind = cadre_report_error_count(r) || s->record_failed ? LINE_FAILED : LINE_ASSESSED;
    s->rc = s->kind == LINE_FAILED ? EXIT_FAILED : EXIT_OK;
    if (cadre_report_render(&out, &len, (const cadre_report *const *)&r, 1, CADRE_FORMAT_JSONL,
                            b->render_flags, &err) != 0) {
        s->msg = strdup(err.message);
        s->rc = EXIT_INTERNAL;
    } else {
        s->out = out;
        s->out_len = len;
    }
    cadre_report_free(r);
}

/* ---- the threads ---- */

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* "12,345": counts on the progress line are read at a glance. */
static const char *grouped(char *buf, size_t size, unsigned long n)
{
    char digits[32];
    int len = snprintf(digits, sizeof(digits), "%lu", n), o = 0;

    for (int i = 0; i < len && (size_t)o + 2 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0) buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

/* The progress line on a terminal: count, rate, problems and, for a file, the time left. */
static void show_progress(batch *b, off_t read_bytes, int final)
{
    char n1[32], n2[32], eta[32] = "";
    unsigned long done = b->n_assessed + b->n_invalid + b->n_failed;
    double t = seconds_since(&b->start), rate = t > 0 ? (double)done / t : 0;

    if (!b->progress) return;
    if (!final && seconds_since(&b->last_progress) < 0.2) return;
    clock_gettime(CLOCK_MONOTONIC, &b->last_progress);
    if (!final && b->input_size > 0 && read_bytes > 0 && t > 0.5) {
        double left = t * (double)(b->input_size - read_bytes) / (double)read_bytes;

        snprintf(eta, sizeof(eta), ", %d:%02d left", (int)(left / 60), (int)left % 60);
    }
    /* The last line stays, with the time taken: the person watching sees how it ended. */
    if (final) snprintf(eta, sizeof(eta), " in %.1f s", t);
    fprintf(stderr,
            "\r\033[Kcadre batch: %s done%s, %s/s, %lu invalid, %lu with failed "
            "assessments%s",
            grouped(n1, sizeof(n1), done), final ? eta : "",
            grouped(n2, sizeof(n2), (unsigned long)(rate + 0.5)), b->n_invalid, b->n_failed,
            final ? "\n" : eta);
    fflush(stderr);
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}

/* With the reading turn (mu not held): the next non-blank line into s. Returns its length, or
 * -1 at the end of the input. */
static ssize_t read_line(batch *b, slot *s)
{
    ssize_t len;

    do {
        len = getline(&s->line, &s->cap, b->in);
        if (len >= 0) b->lineno++;
    } while (len >= 0 && blank(s->line, (size_t)len));
    if (len < 0 && ferror(b->in)) {
        cli_error("error reading %s: %s", b->path, strerror(errno));
        b->read_rc = EXIT_INPUT;
    }
    return len;
}

/* Called with mu held by the thread that set `writing`; returns with mu held. Writes each
 * record that is next in input order and done. */
static void write_ready(batch *b)
{
    for (;;) {
        slot *s = &b->ring[b->written % b->window];
        off_t read_bytes = b->read_bytes;

        if (b->written == b->filled || s->state != SLOT_DONE || b->fatal_written) return;
        pthread_mutex_unlock(&b->mu);
        if (s->msg) {
            if (b->progress) fputs("\r\033[K", stderr);
            cli_error("%s", s->msg);
        }
        if (s->out && !b->failed_write) {
            if (fwrite(s->out, 1, s->out_len, cli_out) != s->out_len ||
                (b->flush_each && fflush(cli_out) != 0)) {
                cli_error("cannot write the report: %s", strerror(errno));
                b->failed_write = 1;
            }
        }
        b->status = cli_worst(b->status, b->failed_write ? EXIT_INTERNAL : s->rc);
        if (s->kind == LINE_INVALID && b->n_invalid++ == 0) b->first_invalid = s->lineno;
        if (s->kind == LINE_FAILED && b->n_failed++ == 0) b->first_failed = s->lineno;
        if (s->kind == LINE_ASSESSED) b->n_assessed++;
        show_progress(b, read_bytes, 0);
        cadre_free(s->out);
        free(s->msg);
        s->out = s->msg = NULL;
        s->record_failed = 0;
        pthread_mutex_lock(&b->mu);
        /* After an error that stops the run, nothing more: other threads may have met it too. */
        if (s->rc == EXIT_INTERNAL || s->rc == EXIT_PLUGINS) b->fatal_written = 1;
        if (b->failed_write) b->stop = 1;
        s->state = SLOT_FREE;
        b->written++;
        pthread_cond_broadcast(&b->turn); /* room in the ring */
    }
}

/* With mu held: slot s is done; writes what is ready unless another thread is writing. */
static void slot_done(batch *b, slot *s)
{
    s->state = SLOT_DONE;
    if (s->rc == EXIT_INTERNAL || s->rc == EXIT_PLUGINS) {
        b->stop = 1;
        pthread_cond_broadcast(&b->turn);
    }
    if (!b->writing) {
        b->writing = 1;
        write_ready(b);
        b->writing = 0;
    }
}

/* With mu held (released meanwhile): ends the line `held` and writes what is ready. */
static void end_held(batch *b, worker *w, slot *held)
{
    pthread_mutex_unlock(&b->mu);
    end_line(b, w->e, held);
    pthread_mutex_lock(&b->mu);
    slot_done(b, held);
}

/* One thread: takes the reading turn, reads a line, begins it, and ends it; with read_ahead
 * it ends each line after beginning the next, so a plugin in a worker process assesses one
 * candidate while this thread parses the next and renders the last. A thread never waits
 * for the reading turn or for room while it holds a begun line: it ends that line first. */
static void *work(void *arg)
{
    worker *w = arg;
    batch *b = w->b;
    slot *held = NULL;

    pthread_mutex_lock(&b->mu);
    for (;;) {
        slot *s;
        ssize_t len;
        int full = b->filled - b->written >= b->window;

        if (held && (b->reading || full || b->stop || b->eof)) {
            end_held(b, w, held);
            held = NULL;
            continue;
        }
        while (!b->stop && !b->eof && (b->reading || b->filled - b->written >= b->window))
            pthread_cond_wait(&b->turn, &b->mu);
        if (b->stop || b->eof) break;
        b->reading = 1;
        s = &b->ring[b->filled % b->window]; /* free: only this thread touches it now */
        pthread_mutex_unlock(&b->mu);
        len = read_line(b, s);
        pthread_mutex_lock(&b->mu);
        b->reading = 0;
        pthread_cond_broadcast(&b->turn);
        if (len < 0) {
            b->eof = 1;
            break;
        }
        s->len = (size_t)len;
        s->lineno = b->lineno;
        s->rc = EXIT_OK;
        s->kind = LINE_ASSESSED;
        s->state = SLOT_TAKEN;
        b->read_bytes += len;
        b->filled++;
        pthread_mutex_unlock(&b->mu);

        if (!begin_line(b, w->e, s)) {
            pthread_mutex_lock(&b->mu);
            slot_done(b, s);
        } else if (held) {
            pthread_mutex_lock(&b->mu);
            end_held(b, w, held);
            held = s;
        } else if (b->read_ahead) {
            pthread_mutex_lock(&b->mu);
            held = s;
        } else {
            end_line(b, w->e, s);
            pthread_mutex_lock(&b->mu);
            slot_done(b, s);
        }
    }
    if (held) end_held(b, w, held);
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* ---- the command ---- */

typedef struct batch_opts {
    cli_opts common;
    long jobs; /* 0: one per core */
    unsigned detail;
    const char *expect_fp;
    int print_fp;
    const char *source_name;
    long line_offset;
    int keep_going;
    int progress; /* -1 auto, 0 never, 1 always */
} batch_opts;

static int on_option(void *ud, int id, const char *arg)
{
    batch_opts *o = ud;
    char *end;

    switch (id) {
    case 'j':
        errno = 0;
        o->jobs = strtol(arg, &end, 10);
        if (errno || end == arg || *end || o->jobs < 1 || o->jobs > MAX_JOBS) {
            cli_usage_error(o->common.cmd, "--jobs must be a whole number from 1 to %d, not '%s'",
                            MAX_JOBS, arg);
            return -1;
        }
        return 0;
    case OPT_DETAIL:
        if (cli_choice(o->common.cmd, OPT_DETAIL, arg) == NULL) return -1;
        o->detail = strcmp(arg, "scores") == 0    ? CADRE_RENDER_SCORES
                    : strcmp(arg, "summary") == 0 ? CADRE_RENDER_SUMMARY
                                                  : 0;
        return 0;
    case OPT_KEEP_GOING:
        o->keep_going = 1;
        return 0;
    case OPT_EXPECT_FP:
        if (strlen(arg) != 64 || strspn(arg, "0123456789abcdef") != 64) {
            cli_usage_error(o->common.cmd,
                            "--expect-fingerprint takes 64 lower-case hex digits, not '%s'", arg);
            return -1;
        }
        o->expect_fp = arg;
        return 0;
    case OPT_PRINT_FP:
        o->print_fp = 1;
        return 0;
    case OPT_SOURCE_NAME:
        o->source_name = arg;
        return 0;
    case OPT_LINE_OFFSET:
        errno = 0;
        o->line_offset = strtol(arg, &end, 10);
        if (errno || end == arg || *end || o->line_offset < 0) {
            cli_usage_error(o->common.cmd,
                            "--line-offset must be a whole number 0 or more, not '%s'", arg);
            return -1;
        }
        return 0;
    case OPT_PROGRESS:
        if (cli_choice(o->common.cmd, OPT_PROGRESS, arg) == NULL) return -1;
        o->progress = strcmp(arg, "auto") == 0 ? -1 : strcmp(arg, "always") == 0;
        return 0;
    }
    return cli_common_option(&o->common, id, arg) < 0 ? -1 : 0;
}

static long default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : n;
}

/* Makes one engine per worker. Only the first reports refused plugins: they are the same.
 * Every engine must have the same fingerprint: the files could change between two loads. */
static int make_engines(worker *w, long n, batch_opts *o)
{
    char first[65], fp[65];

    for (long i = 0; i < n; i++) {
        int rc = cli_engine(&w[i].e, &o->common, i > 0);

        if (rc != EXIT_OK) return rc;
        if (i == 0 && cli_no_plugins(w[0].e)) return EXIT_PLUGINS;
        cadre_engine_fingerprint(i ? fp : first, w[i].e);
        if (i > 0 && strcmp(fp, first) != 0) {
            cli_error("the plugins changed while they were being loaded; run again");
            return EXIT_PLUGINS;
        }
        if (i == 0 && o->expect_fp && strcmp(first, o->expect_fp) != 0) {
            cli_error("the plugins and parameters loaded here have fingerprint %s, not the %s "
                      "expected: this machine would not give the same reports (cadre list -v "
                      "shows what is loaded)",
                      first, o->expect_fp);
            return EXIT_PLUGINS;
        }
    }
    return EXIT_OK;
}

/* One line on standard error when lines failed, or always with --keep-going, whose exit
 * status no longer says so. */
static void summary(const batch *b, const batch_opts *o)
{
    unsigned long total = b->n_assessed + b->n_invalid + b->n_failed;
    char invalid[64] = "", failed[64] = "";

    if (!o->keep_going && b->n_invalid + b->n_failed == 0) return;
    if (b->n_invalid) snprintf(invalid, sizeof(invalid), " (first: line %ld)", b->first_invalid);
    if (b->n_failed) snprintf(failed, sizeof(failed), " (first: line %ld)", b->first_failed);
    cli_error("%lu line%s: %lu assessed, %lu not valid candidates%s, %lu with a failed "
              "assessment%s",
              total, total == 1 ? "" : "s", b->n_assessed, b->n_invalid, invalid, b->n_failed,
              failed);
}

int cmd_batch(int argc, char **argv)
{
    batch_opts o = {0};
    batch b;
    worker *w = NULL;
    const char *names_buf[65], *path;
    char list_buf[1024], mask_buf[1024];
    record_opts record;
    FILE *in;
    struct stat st;
    long n;
    int first, rc, status = EXIT_OK;

    cli_opts_init(&o.common, cli_command_find("batch"));
    o.progress = -1;
    rc = cli_parse(o.common.cmd, argc, argv, &first, on_option, &o);
    if (rc >= 0) return rc;
    if (argc - first > 1)
        return cli_usage_error(o.common.cmd, "batch reads one stream; got %d files", argc - first);
    path = first < argc ? argv[first] : "-";
    if (strcmp(path, "-") == 0 && cli_stdin_closed) {
        cli_error("cannot read candidates: standard input is closed");
        return EXIT_INPUT;
    }
    in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (in == NULL) {
        cli_error("cannot open %s: %s", path, strerror(errno));
        return EXIT_INPUT;
    }
    if (o.print_fp) {
        cadre_engine *e = NULL;
        char fp[65];

        if (in != stdin) fclose(in);
        if ((rc = cli_engine(&e, &o.common, 0)) != EXIT_OK) return rc;
        cadre_engine_fingerprint(fp, e);
        fprintf(cli_out, "%s\n", fp);
        cadre_engine_free(e);
        return EXIT_OK;
    }
    n = o.jobs ? o.jobs : default_jobs();
    memset(&b, 0, sizeof(b));
    b.window = (unsigned long)n * 4 + 4;
    b.ring = calloc(b.window, sizeof(*b.ring));
    w = calloc((size_t)n, sizeof(*w));
    if (b.ring == NULL || w == NULL) {
        cli_error("out of memory");
        status = EXIT_INTERNAL;
        goto out;
    }
    if ((rc = make_engines(w, n, &o)) != EXIT_OK) {
        status = rc;
        goto out;
    }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.turn, NULL);
    b.in = in;
    b.path = path;
    /* Reading ahead waits for no one on a file; on a pipe the next line may only come once
     * this one's record is out (a co-process), so each line is finished before the next. */
    b.read_ahead = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode);
    b.lineno = o.line_offset;
    b.names = cli_split_names(o.common.assessments, list_buf, sizeof(list_buf), names_buf, 65);
    if ((rc = cli_record_setup(&record, &o.common, b.names, mask_buf, sizeof(mask_buf))) !=
        EXIT_OK) {
        status = rc;
        goto out;
    }
    b.record = record.dir ? &record : NULL;
    b.display = o.source_name ? o.source_name : strcmp(path, "-") == 0 ? "<stdin>" : path;
    b.render_flags = o.detail;
    b.flush_each = !(fstat(fileno(cli_out), &st) == 0 && S_ISREG(st.st_mode));
    b.progress = o.progress == 1 || (o.progress == -1 && isatty(STDERR_FILENO));
    b.input_size = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
    clock_gettime(CLOCK_MONOTONIC, &b.start);
    b.last_progress = b.start;
    {
        long started = 0;

        for (long i = 0; i < n; i++) {
            w[i].b = &b;
            if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0) break;
            started++;
        }
        if (started == 0) {
            cli_error("cannot start threads: %s", strerror(errno));
            status = EXIT_INTERNAL;
            goto out;
        }
        for (long i = 0; i < started; i++)
            pthread_join(w[i].thread, NULL);
        if (fflush(cli_out) != 0 && !b.failed_write) {
            cli_error("cannot write the report: %s", strerror(errno));
            b.status = cli_worst(b.status, EXIT_INTERNAL);
        }
        show_progress(&b, 0, 1);
        status = b.read_rc;
    }
    status = cli_worst(status, b.status);
    summary(&b, &o);
    if (o.keep_going && (status == EXIT_INPUT || status == EXIT_FAILED)) status = EXIT_OK;
    status = cli_worst(status, cli_refused_status(w[0].e, &o.common));
out:
    if (in != stdin) fclose(in);
    for (long i = 0; w && i < n; i++)
        cadre_engine_free(w[i].e);
    for (unsigned long i = 0; b.ring && i < b.window; i++) {
        cadre_candidate_free(b.ring[i].cand);
        free(b.ring[i].line);
        cadre_free(b.ring[i].out);
        free(b.ring[i].msg);
    }
    free(b.ring);
    free(w);
    return status;
}
