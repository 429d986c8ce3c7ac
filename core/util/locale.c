/* SPDX-License-Identifier: MIT */
/*
 * core/util/locale.c - the engine works in the "C" locale whatever the embedding program chose.
 *
 * A program that calls setlocale(LC_ALL, "de_DE.UTF-8") makes printf write "97,3" and strtod
 * stop at "97.3"'s dot: scores would change with the host's locale, numbers in data files would
 * be misread, and Lua's tostring() and string.format would follow. Each public entry point
 * switches its thread to the C locale for the duration of the call (uselocale: per thread, so
 * the embedder's other threads are untouched) and back on the way out. Plugins called from
 * there, native or Lua, see the C locale too.
 */
#include <locale.h>
#include <pthread.h>

#include "internal.h"

static locale_t c_locale;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

locale_t cadre__locale_enter(void)
{
    pthread_once(&once, make_c_locale);
    /* Without a C locale object (out of memory) the call runs in whatever locale it is. */
    return c_locale != (locale_t)0 ? uselocale(c_locale) : (locale_t)0;
}

void cadre__locale_leave(locale_t previous)
{
    if (previous != (locale_t)0) uselocale(previous);
}
