/* SPDX-License-Identifier: MIT */
/*
 * core/lua/watchdog.c - see watchdog.h. One thread per process, started on first use.
 *
 * The thread wakes every TICK_MS while any deadline is armed, and for a while after, so that
 * arming a call is only a mutex and a list insert (no system call, no wake-up). Deadlines are
 * in CPU time of the armed thread: on a loaded machine a rubric is not punished for time it
 * spent waiting for a CPU.
 *
 * lua_sethook is documented as safe to call asynchronously (from a signal handler); the
 * watchdog thread calls it once per overrun, on the Lua thread that is running then. The
 * mutex guarantees the lua_State it touches is alive: a Lua thread is only switched to or
 * from (cadre__deadline_switch) and disarmed under it. From another thread, as here, the call
 * can still meet the Lua thread freeing a call frame at that instant (lua_sethook marks the
 * frames of the running stack); that is why it happens once, and why rubrics that do not
 * ship with cadre run in worker processes, where the worst outcome is a failed call.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lua/watchdog.h"

#define TICK_MS      20
#define LINGER_TICKS 50 /* keep ticking ~1 s after the last call before sleeping for good */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static cadre__deadline *armed_list;
static int started, idle_sleeping, stopping, users;
static pid_t owner_pid;
static pthread_t thread;

static uint64_t ns_between(const struct timespec *a, const struct timespec *b)
{
    int64_t ns = (int64_t)(b->tv_sec - a->tv_sec) * 1000000000 + (b->tv_nsec - a->tv_nsec);

    return ns > 0 ? (uint64_t)ns : 0;
}

static void add_ns(struct timespec *t, uint64_t ns)
{
    t->tv_sec += (time_t)(ns / 1000000000);
    t->tv_nsec += (long)(ns % 1000000000);
    if (t->tv_nsec >= 1000000000) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000;
    }
}

static void fire(cadre__deadline *d)
{
    atomic_store(&d->fired, 1);
    /* Count 1 with line and call events: the next VM step in any Lua function traps. */
    lua_sethook(d->current, d->hook, LUA_MASKCOUNT | LUA_MASKLINE | LUA_MASKCALL, 1);
}

/* Looks at every armed deadline whose check time has come. Called with `mu` held. */
static void check_all(const struct timespec *now)
{
    for (cadre__deadline *d = armed_list; d != NULL; d = d->next) {
        struct timespec cpu;
        uint64_t used;

        /* Fired once is enough: the hook stays on that Lua thread (Lua never removes it), and
         * a coroutine switched to later gets it from cadre__deadline_switch, on the Lua
         * thread itself. Setting it again from here, every tick, raced with the Lua thread
         * freeing call frames while a rubric caught the error in a loop (valgrind saw it). */
        if (atomic_load(&d->fired)) continue;
        if (ns_between(now, &d->wall_check) > 0) continue;
        if (clock_gettime(d->cpu_clock, &cpu) != 0) {
            fire(d); /* the thread is gone or unmeasurable: stop the call */
            continue;
        }
        used = ns_between(&d->cpu_start, &cpu);
        if (used >= d->budget_ns) {
            fire(d);
        } else {
            /* Not enough CPU used yet (the thread was waiting): look again when it could be. */
            d->wall_check = *now;
            add_ns(&d->wall_check, d->budget_ns - used);
        }
    }
}

static void *watchdog_main(void *arg)
{
    int idle_ticks = 0;

    (void)arg;
    pthread_mutex_lock(&mu);
    while (!stopping) {
        struct timespec now, wake;

        if (armed_list == NULL && idle_ticks >= LINGER_TICKS) {
            idle_sleeping = 1;
            pthread_cond_wait(&cv, &mu);
            idle_sleeping = 0;
            idle_ticks = 0;
            continue; /* re-check `stopping` */
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        check_all(&now);
        idle_ticks = armed_list == NULL ? idle_ticks + 1 : 0;
        wake = now;
        add_ns(&wake, (uint64_t)TICK_MS * 1000000);
        while (pthread_cond_timedwait(&cv, &mu, &wake) == EINTR) {
        }
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

/* After fork() only the forking thread exists in the child: forget the parent's watchdog. */
static void reset_in_child(void)
{
    pthread_mutex_init(&mu, NULL);
    pthread_cond_init(&cv, NULL);
    armed_list = NULL;
    started = 0;
    idle_sleeping = 0;
    stopping = 0;
}

static int ensure_started(void)
{
    static int atfork_done;
    pthread_condattr_t ca;
    pthread_attr_t attr;
    sigset_t all, old;
    int rc;

    if (started && owner_pid == getpid()) return 0;
    if (!atfork_done) {
        pthread_atfork(NULL, NULL, reset_in_child);
        atfork_done = 1;
    }
    /* The condition variable measures timeouts on the monotonic clock, like `now`. */
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_destroy(&cv);
    pthread_cond_init(&cv, &ca);
    pthread_condattr_destroy(&ca);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    stopping = 0;
    /* The thread is the engine's, not the host's: it blocks every signal, so that a signal the
     * host program directs at "the process" is handled by one of the host's own threads. */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    rc = pthread_create(&thread, &attr, watchdog_main, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) return -1;
    started = 1;
    owner_pid = getpid();
    return 0;
}

void cadre__watchdog_acquire(void)
{
    pthread_mutex_lock(&mu);
    users++;
    pthread_mutex_unlock(&mu);
}

void cadre__watchdog_release(void)
{
    int join = 0;

    pthread_mutex_lock(&mu);
    if (--users == 0 && started && owner_pid == getpid()) {
        stopping = 1;
        started = 0;
        join = 1;
        pthread_cond_signal(&cv);
    }
    pthread_mutex_unlock(&mu);
    if (join) pthread_join(thread, NULL);
}

int cadre__deadline_arm(cadre__deadline *d, lua_State *L, uint32_t budget_ms, lua_Hook hook)
{
    memset(d, 0, sizeof(*d));
    d->current = L;
    d->hook = hook;
    d->budget_ns = (uint64_t)budget_ms * 1000000;
    if (pthread_getcpuclockid(pthread_self(), &d->cpu_clock) != 0 ||
        clock_gettime(d->cpu_clock, &d->cpu_start) != 0)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &d->wall_check);
    add_ns(&d->wall_check, d->budget_ns);
    pthread_mutex_lock(&mu);
    if (ensure_started() != 0) {
        pthread_mutex_unlock(&mu);
        return -1;
    }
    d->next = armed_list;
    armed_list = d;
    d->armed = 1;
    if (idle_sleeping) pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return 0;
}

void cadre__deadline_disarm(cadre__deadline *d)
{
    if (!d->armed) return;
    pthread_mutex_lock(&mu);
    for (cadre__deadline **pp = &armed_list; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == d) {
            *pp = d->next;
            break;
        }
    }
    d->armed = 0;
    pthread_mutex_unlock(&mu);
}

void cadre__deadline_switch(cadre__deadline *d, lua_State *co)
{
    if (d == NULL || !d->armed) return;
    pthread_mutex_lock(&mu);
    d->current = co;
    if (atomic_load(&d->fired))
        fire(d);
    else
        lua_sethook(co, NULL, 0, 0); /* a hook left over from an earlier, stopped call */
    pthread_mutex_unlock(&mu);
}
