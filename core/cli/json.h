/* SPDX-License-Identifier: MIT */
/*
 * core/cli/json.h - reading a member of a JSON object that may be missing or of another type,
 * as the commands that read cadre's own documents (reports, records, results) do.
 */
#ifndef CADRE_CLI_JSON_H
#define CADRE_CLI_JSON_H

#include <cjson/cJSON.h>

/* Member `key` of o as a string, or NULL (o NULL, no such member, not a string). */
static inline const char *cli_str(const cJSON *o, const char *key)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* Member `key` of o as a number, or NAN. */
static inline double cli_num(const cJSON *o, const char *key)
{
    return cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

#endif
