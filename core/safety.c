/* SPDX-License-Identifier: MIT */
/*
 * core/safety.c - refusing plugin files and folders that other users could have written.
 *
 * Loading a plugin runs its code as the current user, so whoever can write the file (or
 * replace it, by writing its folder) can act as that user. The rule, like OpenSSH's
 * StrictModes: the file and its folder must belong to the user or to root, and must not be
 * writable by other users: not by everyone, and not by a group other than the user's own.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine_internal.h"

static int unsafe(const char *what, const char *path, const struct stat *st, cadre_error *err)
{
    char why[200];

    if (cadre__stat_problem(st, why, sizeof(why)) == NULL) return 0;
    return cadre__fail(err, CADRE_EUNSAFE, path, 0, 0,
                       "refusing %s %s: %s; whoever can write it could make you run any code", what,
                       path, why);
}

int cadre__check_dir_safety(const char *dir, int required, cadre_error *err)
{
    struct stat st;

    (void)required;
    if (stat(dir, &st) != 0) {
        int e = errno;

        return cadre__fail(err, e == ENOENT ? CADRE_ENOTFOUND : CADRE_EIO, dir, 0, 0,
                           "plugin folder %s: %s", dir, strerror(e));
    }
    if (!S_ISDIR(st.st_mode))
        return cadre__fail(err, CADRE_EIO, dir, 0, 0, "plugin folder %s is not a folder", dir);
    return unsafe("plugin folder", dir, &st, err);
}

int cadre__check_path_safety(const char *path, cadre_error *err)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    struct stat st;

    if (stat(path, &st) != 0) {
        int e = errno;

        return cadre__fail(err, e == ENOENT ? CADRE_ENOTFOUND : CADRE_EIO, path, 0, 0,
                           "cannot open %s: %s", path, strerror(e));
    }
    if (!S_ISREG(st.st_mode))
        return cadre__fail(err, CADRE_EIO, path, 0, 0, "%s is not a regular file", path);
    if (unsafe("plugin", path, &st, err) != 0) return err ? err->code : CADRE_EUNSAFE;
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (*dir == '\0') strcpy(dir, "/");
    if (stat(dir, &st) != 0) return 0; /* the file was readable; nothing more to check */
    return unsafe("plugin folder", dir, &st, err);
}
