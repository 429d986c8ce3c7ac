/* SPDX-License-Identifier: MIT */
/*
 * cadre/list.h - lists of records that can grow.
 *
 * Records in a candidate (skills, industries, achievements) and in a result (criteria,
 * findings, ranking, details) may gain fields at the end in later versions. A list therefore
 * carries the size of one record as the library that built it knows it, and is read with
 * CADRE_ITEM, which steps by that size: a plugin or program built against an older header
 * reads the prefix it knows of each record, and one built against a newer header checks
 * CADRE_ITEM_HAS before reading a field the list's builder may not have had. `items` is a
 * `const void *` so that indexing it with [] (which would step by the reader's own size) does
 * not compile.
 */
#ifndef CADRE_LIST_H
#define CADRE_LIST_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A list of `count` records, each `item_size` bytes, in memory owned by the candidate or
 *  report it belongs to. `set` is 0 when a candidate field was absent (not the same as empty). */
typedef struct cadre_list {
    const void *items;
    size_t count;
    size_t item_size;
    int set;
} cadre_list;

/** Record `i` (0-based, below `list.count`) of `list`, as a `const type *`. Added in 0.2.0. */
#define CADRE_ITEM(type, list, i)                                                                  \
    ((const type *)(const void *)((const char *)(list).items + (size_t)(i) * (list).item_size))

/** True when the records of `list` are large enough to contain `field` of `type`. */
#define CADRE_ITEM_HAS(type, list, field)                                                          \
    ((list).item_size >= offsetof(type, field) + sizeof(((type *)0)->field))

#ifdef __cplusplus
}
#endif

#endif
