/* SPDX-License-Identifier: MIT */
/*
 * core/cli/csv.h - reading a CSV file (RFC 4180: commas, double quotes, "" for a quote, CRLF
 * or LF), for the group labels of cadre audit.
 */
#ifndef CADRE_CLI_CSV_H
#define CADRE_CLI_CSV_H

#include <stddef.h>

typedef struct csv_row {
    char **fields; /* NUL-terminated strings */
    size_t count;
    long line; /* where the row starts, 1-based */
} csv_row;

typedef struct csv {
    csv_row *rows;
    size_t count;
} csv;

/* Parses text (len bytes) into out. Returns 0, or -1 with why ("line 7: a quoted field is not
 * closed") filled. */
int csv_parse(csv *out, const char *text, size_t len, char *why, size_t size);
void csv_free(csv *c);

#endif
