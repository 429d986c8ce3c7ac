/* SPDX-License-Identifier: MIT */
/*
 * core/cli/csv.c - a CSV reader (csv.h): fields may be quoted, quoted fields may hold commas,
 * quotes ("") and line breaks; a row is one record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

typedef struct growing {
    char *s;
    size_t n, cap;
} growing;

static int put(growing *g, char c)
{
    if (g->n + 1 >= g->cap) {
        char *bigger = realloc(g->s, g->cap = g->cap ? g->cap * 2 : 64);

        if (bigger == NULL) return -1;
        g->s = bigger;
    }
    g->s[g->n++] = c;
    g->s[g->n] = '\0';
    return 0;
}

static int end_field(csv_row *row, growing *g)
{
    char **more = realloc(row->fields, (row->count + 1) * sizeof(*more));

    if (more == NULL) return -1;
    row->fields = more;
    row->fields[row->count++] = g->s ? g->s : strdup("");
    g->s = NULL;
    g->n = g->cap = 0;
    return row->fields[row->count - 1] ? 0 : -1;
}

static int end_row(csv *out, csv_row *row)
{
    csv_row *more;

    /* A line with nothing on it is not a record. */
    if (row->count == 1 && row->fields[0][0] == '\0') {
        free(row->fields[0]);
        free(row->fields);
        memset(row, 0, sizeof(*row));
        return 0;
    }
    if ((more = realloc(out->rows, (out->count + 1) * sizeof(*more))) == NULL) return -1;
    out->rows = more;
    out->rows[out->count++] = *row;
    memset(row, 0, sizeof(*row));
    return 0;
}

int csv_parse(csv *out, const char *text, size_t len, char *why, size_t size)
{
    csv_row row = {0};
    growing g = {0};
    long line = 1;
    int quoted = 0, oom = 0;
    size_t i = 0;

    memset(out, 0, sizeof(*out));
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) i = 3; /* a spreadsheet's BOM */
    row.line = 1;
    for (; i < len && !oom; i++) {
        char c = text[i];

        if (c == '\0') {
            snprintf(why, size, "line %ld: a NUL byte; this is not a text file", line);
            goto fail;
        }
        if (quoted) {
            if (c == '"' && i + 1 < len && text[i + 1] == '"') {
                oom |= put(&g, '"');
                i++;
            } else if (c == '"') {
                quoted = 0;
            } else {
                if (c == '\n') line++;
                oom |= put(&g, c);
            }
            continue;
        }
        if (c == '"' && g.n == 0) {
            quoted = 1;
        } else if (c == ',') {
            oom |= end_field(&row, &g);
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < len && text[i + 1] == '\n') i++;
            oom |= end_field(&row, &g) || end_row(out, &row);
            row.line = ++line;
        } else {
            oom |= put(&g, c);
        }
    }
    if (quoted) {
        snprintf(why, size, "line %ld: a quoted field is not closed", row.line);
        goto fail;
    }
    if (!oom && (g.n > 0 || row.count > 0)) oom |= end_field(&row, &g) || end_row(out, &row);
    if (oom) {
        snprintf(why, size, "out of memory");
        goto fail;
    }
    return 0;
fail:
    free(g.s);
    for (size_t k = 0; k < row.count; k++)
        free(row.fields[k]);
    free(row.fields);
    csv_free(out);
    return -1;
}

void csv_free(csv *c)
{
    for (size_t i = 0; i < c->count; i++) {
        for (size_t k = 0; k < c->rows[i].count; k++)
            free(c->rows[i].fields[k]);
        free(c->rows[i].fields);
    }
    free(c->rows);
    memset(c, 0, sizeof(*c));
}
