/* SPDX-License-Identifier: MIT */
/*
 * plugins/datafiles.h - the data folder the built-in native plugins read (data/ next to the
 * plugin's .so): JSON files, the O*NET ratings and the role profiles built from them.
 *
 * Read once, when a plugin is initialised. Every file here comes from disk and is checked as
 * it is read: a missing or malformed entry is an error naming the file and the entry, and the
 * plugin refuses to load rather than assess with half a profile.
 */
#ifndef CADRE_PLUGIN_DATAFILES_H
#define CADRE_PLUGIN_DATAFILES_H

#include <stddef.h>

#include <cadre/plugin.h>
#include <cjson/cJSON.h>

#define DATAFILES_MAX_ROLE_SKILLS 64

/* The data folder next to the shared object that contains `self` (any function of it), into
 * dir. Returns 0, or -1 with a message in err. */
int datafiles_dir(char *dir, size_t size, const void *self, char *err, size_t errlen);

/* data/NAME parsed; the caller owns it (cJSON_Delete). NULL with a message in err. */
cJSON *datafiles_json(const char *dir, const char *name, char *err, size_t errlen);

/* The four O*NET files of data/onet/, as text, read once and searched in place. */
typedef struct datafiles_onet {
    char *text[4];
} datafiles_onet;

void datafiles_onet_read(datafiles_onet *o, const char *dir);
void datafiles_onet_free(datafiles_onet *o);

/* O*NET row `element`: the importance and level of column `col` (e.g. "chief_exec"), the
 * element's name into name. Returns 0, or -1 when no file has the row. */
int datafiles_onet_lookup(const datafiles_onet *o, const char *element, const char *col, double *im,
                          double *lv, char *name, size_t namelen);

/* One skill of a role profile: what the role needs, how much it matters, and where that
 * comes from (shown to the person). */
typedef struct datafiles_role_skill {
    char id[64];
    const char *label; /* the skill vocabulary's label (static storage of the engine) */
    double importance; /* 1..5 */
    double need;       /* 0..5, cadre's scale */
    char source[200];
    int given;              /* importance and level given in the role profile, not O*NET's */
    char element_name[120]; /* O*NET's: the element's name and its level (0-7) */
    double onet_level;
} datafiles_role_skill;

/* data/roles/<id>.json with every skill resolved: given in the file (with its source), else
 * from the O*NET rating of the element the skill vocabulary maps the skill to, in the role's
 * O*NET column, its level converted to cadre's scale as level x 5/7 (docs/candidate.md). */
typedef struct datafiles_role {
    char id[64];
    char title[128];
    char onet_code[32];
    char onet_title[128];
    datafiles_role_skill skills[DATAFILES_MAX_ROLE_SKILLS];
    int nskills;
} datafiles_role;

/* Loads role `id` into r. Returns 0; 1 when there is no such profile (err says so in the
 * words the person reads); -1 when the profile is broken (err names the file and entry). */
int datafiles_role_load(datafiles_role *r, const char *dir, const char *id,
                        const datafiles_onet *onet, const cadre_host *h, char *err, size_t errlen);

#endif
