/* SPDX-License-Identifier: MIT */
/*
 * core/builder.c - the result builder: the one gate for what plugins produce.
 *
 * Plugins are untrusted as to what they return: every value is checked as it arrives (finite,
 * in range, not too long, valid UTF-8), and the first bad one turns the result into an error
 * result naming the problem, so nothing malformed ever reaches a report.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"

typedef struct crit {
    cadre_criterion pub;
    cadre__vec missing; /* const char * */
} crit;

struct cadre_builder {
    cadre__arena *arena;
    cadre__vec criteria; /* crit */
    cadre__vec findings; /* cadre_finding */
    cadre__vec missing;  /* const char *, assessment-wide */
    cadre__vec ranking;  /* cadre_rank */
    cadre__vec details;  /* cadre_detail */
    double score;
    int score_set;
    double discount;   /* product of the discounts; 1 without any */
    double confidence; /* a worker's finished confidence, when confidence_set */
    int confidence_set;
    const char *discount_note; /* "x 0.85: why; x 0.7: why", NULL without any */
    const char *band;
    const char *summary;
    size_t bytes; /* text taken in so far, against CADRE__MAX_RESULT_BYTES */
    int failed;
    int fail_code;
    const char *fail_message;
    const char *fail_file;
    int fail_line;
};

cadre_builder *cadre__builder_new(cadre__arena *arena)
{
    cadre_builder *b = calloc(1, sizeof(*b));

    if (b == NULL) return NULL;
    b->arena = arena;
    b->discount = 1;
    b->criteria = (cadre__vec)CADRE__VEC_INIT(crit);
    b->findings = (cadre__vec)CADRE__VEC_INIT(cadre_finding);
    b->missing = (cadre__vec)CADRE__VEC_INIT(const char *);
    b->ranking = (cadre__vec)CADRE__VEC_INIT(cadre_rank);
    b->details = (cadre__vec)CADRE__VEC_INIT(cadre_detail);
    return b;
}

void cadre__builder_free(cadre_builder *b)
{
    if (b == NULL) return;
    for (size_t i = 0; i < b->criteria.count; i++)
        cadre__vec_free(&((crit *)cadre__vec_at(&b->criteria, i))->missing);
    cadre__vec_free(&b->criteria);
    cadre__vec_free(&b->findings);
    cadre__vec_free(&b->missing);
    cadre__vec_free(&b->ranking);
    cadre__vec_free(&b->details);
    free(b);
}

/* A copy of untrusted text for an error: valid UTF-8, at most CADRE__MAX_TEXT bytes. */
static const char *clean_copy(cadre_builder *b, const char *s)
{
    char buf[CADRE__MAX_TEXT + 1];

    cadre__utf8_sanitize(buf, sizeof(buf), s, strlen(s));
    return cadre__arena_strdup(b->arena, buf);
}

int cadre__builder_fail(cadre_builder *b, int code, const char *file, int line, const char *message)
{
    if (b->failed) return code; /* keep the first cause: later ones are usually fallout */
    b->failed = 1;
    b->fail_code = code;
    b->fail_message = clean_copy(b, message ? message : "plugin failed");
    b->fail_file = file ? clean_copy(b, file) : NULL;
    b->fail_line = line;
    return code;
}

static int failf(cadre_builder *b, const char *fmt, ...) CADRE__FMT(2, 3);
static int failf(cadre_builder *b, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0, msg);
}

int cadre__builder_failed(const cadre_builder *b)
{
    return b->failed;
}

const char *cadre__builder_fail_message(const cadre_builder *b)
{
    return b->failed ? b->fail_message : NULL;
}

void cadre__builder_locate(cadre_builder *b, const char *file, int line)
{
    if (!b->failed || b->fail_file != NULL || file == NULL) return;
    b->fail_file = clean_copy(b, file);
    b->fail_line = line;
}

const cadre_criterion *cadre__builder_criterion_at(const cadre_builder *b, size_t i)
{
    const crit *c = cadre__vec_at(&b->criteria, i);

    return c ? &c->pub : NULL;
}

double cadre__builder_confidence(const cadre_builder *b)
{
    double wsum = 0, wok = 0;

    for (size_t i = 0; i < b->criteria.count; i++) {
        const crit *c = cadre__vec_at(&b->criteria, i);

        wsum += c->pub.weight;
        if (c->missing.count == 0) wok += c->pub.weight;
    }
    return (wsum > 0 ? wok / wsum : 1) * b->discount;
}

static const char *text(cadre_builder *b, const char *s, const char *what, int required);

int cadre__builder_discount(cadre_builder *b, double factor, const char *why)
{
    char note[CADRE__MAX_TEXT + 1];

    if (b->failed) return CADRE_EPLUGIN;
    if (!(factor > 0 && factor <= 1))
        return failf(b, "confidence discount %g is not in (0, 1]", factor);
    if (why == NULL || why[0] == '\0') return failf(b, "a confidence discount needs a reason");
    snprintf(note, sizeof(note), "%s%sx %.2f: %s", b->discount_note ? b->discount_note : "",
             b->discount_note ? "; " : "", factor, why);
    b->discount_note = text(b, note, "discount reason", 1);
    b->discount *= factor;
    return b->failed ? CADRE_EPLUGIN : 0;
}

int cadre__builder_restore_confidence(cadre_builder *b, double confidence)
{
    if (b->failed) return CADRE_EPLUGIN;
    if (!(confidence >= 0 && confidence <= 1))
        return failf(b, "confidence %g is not in [0, 1]", confidence);
    b->confidence = confidence;
    b->confidence_set = 1;
    return 0;
}

double cadre__builder_discount_factor(const cadre_builder *b)
{
    return b->discount;
}

const char *cadre__builder_discount_note(const cadre_builder *b)
{
    return b->discount_note ? b->discount_note : "";
}

int cadre__builder_score(const cadre_builder *b, double *score)
{
    double wsum = 0, ssum = 0;

    if (b->score_set) {
        *score = b->score;
        return 0;
    }
    for (size_t i = 0; i < b->criteria.count; i++) {
        const crit *c = cadre__vec_at(&b->criteria, i);

        wsum += c->pub.weight;
        ssum += c->pub.weight * c->pub.score;
    }
    *score = wsum > 0 ? ssum / wsum : 0;
    return wsum > 0 ? 0 : -1;
}

size_t cadre__builder_criteria_count(const cadre_builder *b)
{
    return b->criteria.count;
}

/* Copies a plugin-supplied string after checking it; `what` names it in the error. */
static const char *text(cadre_builder *b, const char *s, const char *what, int required)
{
    size_t n;
    const char *copy;

    if (s == NULL) {
        if (required) failf(b, "%s is missing (NULL)", what);
        return NULL;
    }
    n = strlen(s);
    if (n > CADRE__MAX_TEXT) {
        failf(b, "%s is %zu bytes, over the %d-byte limit", what, n, CADRE__MAX_TEXT);
        return NULL;
    }
    if (cadre__utf8_check(s, n) != n) {
        failf(b, "%s is not valid UTF-8", what);
        return NULL;
    }
    if (n > CADRE__MAX_RESULT_BYTES - b->bytes) {
        failf(b, "the result's text passed %u bytes at %s; a result must stay under that",
              CADRE__MAX_RESULT_BYTES, what);
        return NULL;
    }
    b->bytes += n;
    copy = cadre__arena_strndup(b->arena, s, n);
    if (copy == NULL) cadre__builder_fail(b, CADRE_ENOMEM, NULL, 0, "out of memory");
    return copy;
}

static void *push(cadre_builder *b, cadre__vec *v, const char *what)
{
    void *slot;

    if (v->count >= CADRE__MAX_ENTRIES) {
        failf(b, "more than %d %s", CADRE__MAX_ENTRIES, what);
        return NULL;
    }
    slot = cadre__vec_push(v);
    if (slot == NULL) cadre__builder_fail(b, CADRE_ENOMEM, NULL, 0, "out of memory");
    return slot;
}

static int score_ok(cadre_builder *b, double score, const char *what, const char *id)
{
    char val[32];

    if (isfinite(score) && score >= 0 && score <= 100) return 1;
    if (isnan(score))
        snprintf(val, sizeof(val), "NaN");
    else if (isinf(score))
        snprintf(val, sizeof(val), "%sinfinity", score < 0 ? "-" : "");
    else
        snprintf(val, sizeof(val), "%g", score);
    failf(b, "%s%s%s%s: score %s is not a number from 0 to 100", what, id ? " '" : "", id ? id : "",
          id ? "'" : "", val);
    return 0;
}

static crit *find_crit(cadre_builder *b, const char *id)
{
    for (size_t i = 0; i < b->criteria.count; i++) {
        crit *c = cadre__vec_at(&b->criteria, i);

        if (strcmp(c->pub.id, id) == 0) return c;
    }
    return NULL;
}

int cadre__builder_criterion(cadre_builder *b, const char *id, const char *label, double weight,
                             double score, const char *evidence)
{
    crit *c;

    if (b->failed) return CADRE_EPLUGIN;
    if (id == NULL || !cadre__is_identifier(id, 64))
        return failf(b, "criterion id %s%s%s is not a snake_case identifier", id ? "\"" : "",
                     id ? id : "NULL", id ? "\"" : "");
    if (find_crit(b, id) != NULL) return failf(b, "criterion \"%s\" is added twice", id);
    if (!isfinite(weight) || weight <= 0 || weight > 1e6)
        return failf(b, "criterion %s: weight %g is not a positive number", id, weight);
    if (!score_ok(b, score, "criterion", id)) return CADRE_EPLUGIN;
    c = push(b, &b->criteria, "criteria");
    if (c == NULL) return CADRE_EPLUGIN;
    c->missing = (cadre__vec)CADRE__VEC_INIT(const char *);
    c->pub.id = text(b, id, "criterion id", 1);
    c->pub.label = text(b, label ? label : id, "criterion label", 1);
    c->pub.evidence = text(b, evidence, "criterion evidence", 1);
    c->pub.weight = weight;
    c->pub.score = score;
    return b->failed ? CADRE_EPLUGIN : 0;
}

static int add_unique(cadre_builder *b, cadre__vec *v, const char *s)
{
    const char **slot;

    for (size_t i = 0; i < v->count; i++)
        if (strcmp(*(const char **)cadre__vec_at(v, i), s) == 0) return 0;
    slot = push(b, v, "missing fields");
    if (slot == NULL) return CADRE_EPLUGIN;
    *slot = text(b, s, "missing field", 1);
    return b->failed ? CADRE_EPLUGIN : 0;
}

int cadre__builder_missing(cadre_builder *b, const char *criterion_id, const char *field)
{
    if (b->failed) return CADRE_EPLUGIN;
    if (field == NULL || *field == '\0') return failf(b, "missing(): field name is empty");
    if (criterion_id != NULL) {
        crit *c = find_crit(b, criterion_id);

        if (c == NULL)
            return failf(b, "missing(): no criterion \"%s\" has been added yet", criterion_id);
        if (add_unique(b, &c->missing, field) != 0) return CADRE_EPLUGIN;
    }
    return add_unique(b, &b->missing, field);
}

int cadre__builder_finding(cadre_builder *b, cadre_finding_kind kind, const char *txt,
                           const char *recommendation)
{
    cadre_finding *f;

    if (b->failed) return CADRE_EPLUGIN;
    if (kind != CADRE_FINDING_STRENGTH && kind != CADRE_FINDING_GAP && kind != CADRE_FINDING_RISK)
        return failf(b, "finding kind %d is not strength, gap or risk", (int)kind);
    f = push(b, &b->findings, "findings");
    if (f == NULL) return CADRE_EPLUGIN;
    f->kind = kind;
    f->text = text(b, txt, "finding text", 1);
    f->recommendation = text(b, recommendation, "recommendation", 0);
    return b->failed ? CADRE_EPLUGIN : 0;
}

int cadre__builder_recommend(cadre_builder *b, const char *rec)
{
    cadre_finding *f;

    if (b->failed) return CADRE_EPLUGIN;
    if (b->findings.count == 0) return failf(b, "recommend() called before any finding");
    f = cadre__vec_at(&b->findings, b->findings.count - 1);
    f->recommendation = text(b, rec, "recommendation", 1);
    return b->failed ? CADRE_EPLUGIN : 0;
}

int cadre__builder_rank(cadre_builder *b, const char *id, const char *label, double score,
                        const char *note)
{
    cadre_rank *r;

    if (b->failed) return CADRE_EPLUGIN;
    if (!score_ok(b, score, "rank", id)) return CADRE_EPLUGIN;
    r = push(b, &b->ranking, "ranking entries");
    if (r == NULL) return CADRE_EPLUGIN;
    r->id = text(b, id, "rank id", 1);
    r->label = text(b, label ? label : id, "rank label", 1);
    r->score = score;
    r->note = text(b, note, "rank note", 0);
    return b->failed ? CADRE_EPLUGIN : 0;
}

int cadre__builder_detail(cadre_builder *b, const char *key, const char *value)
{
    cadre_detail *d;

    if (b->failed) return CADRE_EPLUGIN;
    if (key == NULL || !cadre__is_identifier(key, 64))
        return failf(b, "detail key %s is not a snake_case identifier", key ? key : "NULL");
    for (size_t i = 0; i < b->details.count; i++) {
        d = cadre__vec_at(&b->details, i);
        if (strcmp(d->key, key) == 0) {
            d->value = text(b, value, "detail value", 1); /* last write wins, like a map */
            return b->failed ? CADRE_EPLUGIN : 0;
        }
    }
    d = push(b, &b->details, "details");
    if (d == NULL) return CADRE_EPLUGIN;
    d->key = text(b, key, "detail key", 1);
    d->value = text(b, value, "detail value", 1);
    return b->failed ? CADRE_EPLUGIN : 0;
}

int cadre__builder_set_score(cadre_builder *b, double score)
{
    if (b->failed) return CADRE_EPLUGIN;
    if (!score_ok(b, score, "overall", NULL)) return CADRE_EPLUGIN;
    b->score = score;
    b->score_set = 1;
    return 0;
}

int cadre__builder_set_band(cadre_builder *b, const char *band)
{
    if (b->failed) return CADRE_EPLUGIN;
    b->band = text(b, band, "band", 1);
    return b->failed ? CADRE_EPLUGIN : 0;
}

int cadre__builder_set_summary(cadre_builder *b, const char *summary)
{
    if (b->failed) return CADRE_EPLUGIN;
    b->summary = text(b, summary, "summary", 0);
    return b->failed ? CADRE_EPLUGIN : 0;
}

/* ---- finishing ---- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *const *strings_out(cadre_builder *b, cadre__vec *v, int sort)
{
    const char **arr;

    if (v->count == 0) return NULL;
    arr = cadre__arena_alloc(b->arena, v->count * sizeof(*arr));
    if (arr == NULL) return NULL;
    memcpy(arr, v->items, v->count * sizeof(*arr));
    if (sort) qsort(arr, v->count, sizeof(*arr), cmp_str);
    return arr;
}

static void *copy_out(cadre_builder *b, const cadre__vec *v)
{
    void *arr;

    if (v->count == 0) return NULL;
    arr = cadre__arena_alloc(b->arena, v->count * v->elem);
    if (arr != NULL) memcpy(arr, v->items, v->count * v->elem);
    return arr;
}

/* Best first; ties keep the order the plugin gave (insertion sort is stable, lists are short). */
static void sort_ranking(cadre_rank *r, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        cadre_rank key = r[i];
        size_t j = i;

        while (j > 0 && r[j - 1].score < key.score) {
            r[j] = r[j - 1];
            j--;
        }
        r[j] = key;
    }
}

static void finish_criteria(cadre_builder *b, cadre_result *out)
{
    cadre_criterion *arr = cadre__arena_alloc(b->arena, b->criteria.count * sizeof(*arr));

    if (arr == NULL) {
        cadre__builder_fail(b, CADRE_ENOMEM, NULL, 0, "out of memory");
        return;
    }
    for (size_t i = 0; i < b->criteria.count; i++) {
        crit *c = cadre__vec_at(&b->criteria, i);

        arr[i] = c->pub;
        arr[i].missing = strings_out(b, &c->missing, 1);
        arr[i].missing_count = c->missing.count;
    }
    out->criteria = (cadre_list){arr, b->criteria.count, sizeof(*arr), 1};
    cadre__builder_score(b, &out->score);
    out->confidence = b->confidence_set ? b->confidence : cadre__builder_confidence(b);
}

/* The arithmetic behind a discounted confidence, as the "confidence" detail. */
static void explain_discount(cadre_builder *b)
{
    char line[CADRE__MAX_TEXT + 1];
    double complete;

    if (b->discount_note == NULL || b->failed) return;
    complete = b->discount > 0 ? cadre__builder_confidence(b) / b->discount : 0;
    snprintf(line, sizeof(line), "%.0f%% = %.0f%% of the weight with every input; %s",
             round(cadre__builder_confidence(b) * 100), complete * 100, b->discount_note);
    cadre__builder_detail(b, "confidence", line);
}

void cadre__builder_finish(cadre_builder *b, cadre_result *out)
{
    explain_discount(b);
    if (!b->failed && b->criteria.count == 0)
        failf(b, "the assessment added no criteria, so its score could not be explained");
    if (!b->failed && b->band == NULL) failf(b, "the assessment set no band");
    if (!b->failed) finish_criteria(b, out);
    if (b->failed) {
        out->status = CADRE_STATUS_ERROR;
        out->score = 0;
        out->confidence = 0;
        out->band = NULL;
        out->criteria = (cadre_list){NULL, 0, sizeof(cadre_criterion), 0};
        out->error.code = b->fail_code;
        out->error.message = b->fail_message ? b->fail_message : "out of memory";
        out->error.file = b->fail_file;
        out->error.line = b->fail_line;
        return;
    }
    out->status = CADRE_STATUS_OK;
    out->score = round(out->score * 10) / 10;
    out->confidence = round(out->confidence * 100) / 100;
    out->band = b->band;
    out->summary = b->summary;
    out->findings =
        (cadre_list){copy_out(b, &b->findings), b->findings.count, sizeof(cadre_finding), 1};
    out->missing = strings_out(b, &b->missing, 1);
    out->missing_count = b->missing.count;
    out->ranking = (cadre_list){copy_out(b, &b->ranking), b->ranking.count, sizeof(cadre_rank), 1};
    if (out->ranking.items)
        sort_ranking((cadre_rank *)(void *)out->ranking.items, out->ranking.count);
    out->details =
        (cadre_list){copy_out(b, &b->details), b->details.count, sizeof(cadre_detail), 1};
}

/* ---- parameters ---- */

const char *cadre__params_get(const cadre_params *p, const char *key)
{
    if (p == NULL || key == NULL) return NULL;
    for (size_t i = 0; i < p->count; i++)
        if (strcmp(p->items[i].spec->key, key) == 0) return p->items[i].value;
    return NULL;
}

double cadre__params_number(const cadre_params *p, const char *key, double fallback)
{
    const char *v = cadre__params_get(p, key);
    char *end;
    double d;

    if (v == NULL) return fallback;
    if (strcmp(v, "true") == 0) return 1;
    if (strcmp(v, "false") == 0) return 0;
    d = strtod(v, &end);
    return end != v && *end == '\0' && isfinite(d) ? d : fallback;
}
