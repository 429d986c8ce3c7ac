/* SPDX-License-Identifier: MIT */
/*
 * core/cli/anchors.h - a concrete example of each level of each skill, for cadre interview.
 */
#ifndef CADRE_CLI_ANCHORS_H
#define CADRE_CLI_ANCHORS_H

typedef struct interview_anchor {
    const char *skill;
    const char *level[5]; /* levels 1 to 5; 0 is "has not done it" */
} interview_anchor;

/* The examples for skill id `skill`, or NULL when it has none. Static storage. */
const interview_anchor *interview_anchor_find(const char *skill);

#endif
