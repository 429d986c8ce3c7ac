/* SPDX-License-Identifier: MIT */
/*
 * core/cli/interview.h - the questionnaire of `cadre interview`: plain questions, grouped the
 * way a person thinks about their career, each answer checked at once and saved at once.
 */
#ifndef CADRE_CLI_INTERVIEW_H
#define CADRE_CLI_INTERVIEW_H

#include <stdio.h>

#include <cjson/cJSON.h>

/* Called after every accepted answer with the whole profile; returns 0 when it was saved. */
typedef int (*interview_save_fn)(void *userdata, const cJSON *profile);

typedef struct interview_opts {
    FILE *in, *out;
    int echo;       /* write each answer after its prompt (input that is not a terminal) */
    int all_skills; /* ask every skill of the vocabulary, not only the target role's */
    /* Reads the skill ids of a target role ("coo"), NULL-terminated, into ids (at most max);
     * returns how many, or -1 when the role has no profile (then every skill is asked). */
    int (*role_skills)(void *userdata, const char *role, const char **ids, int max);
    interview_save_fn save;
    void *userdata;
} interview_opts;

enum { INTERVIEW_DONE = 0, INTERVIEW_STOPPED = 1, INTERVIEW_SAVE_FAILED = -1 };

/* Asks every question, editing `profile` (an object: the file's answers are the defaults).
 * Returns INTERVIEW_DONE at the end, INTERVIEW_STOPPED when the person typed "quit" or the
 * input ended (everything answered is saved), INTERVIEW_SAVE_FAILED when saving failed. */
int interview_run(cJSON *profile, const interview_opts *o);

/* Asks a yes/no question; dflt when the answer is empty or the input ends. */
int interview_yes(const interview_opts *o, const char *prompt, int dflt);

#endif
