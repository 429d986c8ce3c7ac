/* SPDX-License-Identifier: MIT */
/*
 * cadre/version.h - the engine's version, the one place it is written down.
 *
 * CMakeLists.txt reads these three numbers, so the project version, the
 * pkg-config file and `cadre --version` cannot disagree with the header.
 */
#ifndef CADRE_VERSION_H
#define CADRE_VERSION_H

#define CADRE_VERSION_MAJOR 0
#define CADRE_VERSION_MINOR 2
#define CADRE_VERSION_PATCH 0

#define CADRE__STR2(x) #x
#define CADRE__STR(x)  CADRE__STR2(x)

/** The version as one number, MAJOR * 10000 + MINOR * 100 + PATCH (0.2.0 is 200), for
 *  #if CADRE_VERSION_NUMBER >= 200. Added in 0.2.0. */
#define CADRE_VERSION_NUMBER                                                                       \
    (CADRE_VERSION_MAJOR * 10000 + CADRE_VERSION_MINOR * 100 + CADRE_VERSION_PATCH)

/** The version as a string literal, e.g. "0.2.0". */
#define CADRE_VERSION                                                                              \
    CADRE__STR(CADRE_VERSION_MAJOR)                                                                \
    "." CADRE__STR(CADRE_VERSION_MINOR) "." CADRE__STR(CADRE_VERSION_PATCH)

#endif
