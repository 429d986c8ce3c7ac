/* SPDX-License-Identifier: MIT */
/*
 * core/worker/confine.c - see confine.h.
 *
 * The limits, and why each:
 *  - descriptors: 0 is /dev/null, 1 and 2 are a pipe the engine reads (so nothing a plugin
 *    prints can reach the report stream), 3 is the channel; every other descriptor the
 *    embedding program had open is closed (another engine's worker socket among them);
 *  - PR_SET_PDEATHSIG: the worker is killed if the engine's process dies;
 *  - RLIMIT_CORE 0: a crash leaves no core file; RLIMIT_FSIZE 0: no file can grow;
 *  - RLIMIT_AS: the address space is capped (not under AddressSanitizer or valgrind, whose
 *    shadow memory would not fit); RLIMIT_CPU: a backstop behind the engine's own deadline;
 *  - RLIMIT_NOFILE 64: a plugin cannot hold many descriptors (not under valgrind, which keeps
 *    descriptors of its own);
 *  - no_new_privs and a seccomp filter (when built with libseccomp) that refuses the system
 *    calls a plugin has no business making: running programs, making processes, network
 *    sockets, signalling or tracing other processes, changing limits, and every call that
 *    writes to, renames or removes files or changes their attributes;
 *  - a Landlock ruleset (when the kernel has it): files can be read only beneath the plugin's
 *    own folder, the system's library folders (/usr, /lib...) and LD_LIBRARY_PATH, and this
 *    process's /proc entry; nothing can be written or created anywhere; and, from Landlock
 *    ABI 4 and 6, no TCP connections and no signals to processes outside the worker.
 * The filter allows by default and refuses a list: what a plugin legitimately needs (memory,
 * threads, reading its own data files, clocks) varies by C library and runtime, while what it
 * must not do is short and stable.
 */
#define _GNU_SOURCE /* pipe2, close_range, CLONE_THREAD: Linux interfaces */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef CADRE_HAVE_SECCOMP
#include <sched.h>
#include <seccomp.h>
#endif
#include <linux/landlock.h>
#include <sys/syscall.h>

#include "cadre/cadre.h"
#include "worker/confine.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||                         \
    __has_feature(memory_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif
#ifndef UNDER_SANITIZER
#define UNDER_SANITIZER 0
#endif

static int failf(char *msg, size_t size, const char *what)
{
    snprintf(msg, size, "could not confine the worker process: %s: %s", what, strerror(errno));
    return -1;
}

/* Moves the channel to 3 and the output pipe to 1 and 2, /dev/null to 0, closes the rest.
 * A worker program started by the engine finds them there already (remote.c). */
static int arrange_fds(const cadre__confinement *c, char *msg, size_t size)
{
    if (c->sock != 3 || c->out != 1) {
        int sock = fcntl(c->sock, F_DUPFD_CLOEXEC, 10), out = fcntl(c->out, F_DUPFD, 10);
        int null = open("/dev/null", O_RDONLY);

        if (sock < 0 || out < 0 || null < 0) return failf(msg, size, "descriptors");
        if (dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0 || dup2(sock, 3) < 0)
            return failf(msg, size, "dup2");
    }
    /* The channel is close-on-exec: the plugin cannot start a program anyway, and one that
     * managed to would not inherit the channel. */
    fcntl(3, F_SETFD, FD_CLOEXEC);
    if (close_range(4, ~0u, 0) != 0) {
        for (int fd = 4; fd < 65536; fd++)
            close(fd);
    }
    return 0;
}

static void reset_signals(void)
{
    struct sigaction sa;
    sigset_t none;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; s++)
        sigaction(s, &sa, NULL); /* fails harmlessly for SIGKILL, SIGSTOP and the like */
    /* A plugin writing after the engine went away gets EPIPE, not a silent death; a write
     * over RLIMIT_FSIZE gets EFBIG. */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* Bytes of address space in use now (VmSize), or 0 when unknown. */
static size_t address_space_now(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;

    if (f == NULL) return 0;
    if (fscanf(f, "%lu", &pages) != 1) pages = 0;
    fclose(f);
    return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

static int under_valgrind(void)
{
    const char *pre = getenv("LD_PRELOAD");

    return pre != NULL && strstr(pre, "vgpreload") != NULL;
}

static int set_limit(int resource, rlim_t soft, rlim_t hard)
{
    struct rlimit rl = {soft, hard};

    return setrlimit(resource, &rl);
}

static int set_limits(const cadre__confinement *c, char *msg, size_t size)
{
    if (set_limit(RLIMIT_CORE, 0, 0) != 0) return failf(msg, size, "RLIMIT_CORE");
    if (set_limit(RLIMIT_FSIZE, 0, 0) != 0) return failf(msg, size, "RLIMIT_FSIZE");
    /* valgrind keeps descriptors of its own above the limit and refuses a lower one. */
    if (!under_valgrind() && set_limit(RLIMIT_NOFILE, 64, 64) != 0)
        return failf(msg, size, "RLIMIT_NOFILE");
    if (set_limit(RLIMIT_CPU, CADRE__WORKER_CPU_LIMIT_S, CADRE__WORKER_CPU_LIMIT_S + 5) != 0)
        return failf(msg, size, "RLIMIT_CPU");
    if (c->memory_limit > 0 && !under_valgrind()) {
        size_t now = address_space_now();

        if (now > 0 && set_limit(RLIMIT_AS, now + c->memory_limit, now + c->memory_limit) != 0)
            return failf(msg, size, "RLIMIT_AS");
    }
    return 0;
}

#ifdef CADRE_HAVE_SECCOMP
static int filter(char *msg, size_t size)
{
    /* Calls refused outright, each with EPERM. */
    static const int deny[] = {
        /* programs and processes */
        SCMP_SYS(execve),
        SCMP_SYS(execveat),
        SCMP_SYS(fork),
        SCMP_SYS(vfork),
        SCMP_SYS(ptrace),
        SCMP_SYS(process_vm_readv),
        SCMP_SYS(process_vm_writev),
        SCMP_SYS(pidfd_open),
        SCMP_SYS(pidfd_getfd),
        SCMP_SYS(pidfd_send_signal),
        SCMP_SYS(tkill),
        SCMP_SYS(unshare),
        SCMP_SYS(setns),
        /* network */
        SCMP_SYS(socket),
        SCMP_SYS(socketpair),
        /* limits */
        SCMP_SYS(setrlimit),
        /* files: write, rename, remove, change */
        SCMP_SYS(creat),
        SCMP_SYS(open_by_handle_at),
        SCMP_SYS(unlink),
        SCMP_SYS(unlinkat),
        SCMP_SYS(rename),
        SCMP_SYS(renameat),
        SCMP_SYS(renameat2),
        SCMP_SYS(mkdir),
        SCMP_SYS(mkdirat),
        SCMP_SYS(rmdir),
        SCMP_SYS(link),
        SCMP_SYS(linkat),
        SCMP_SYS(symlink),
        SCMP_SYS(symlinkat),
        SCMP_SYS(chmod),
        SCMP_SYS(fchmod),
        SCMP_SYS(fchmodat),
        SCMP_SYS(chown),
        SCMP_SYS(fchown),
        SCMP_SYS(lchown),
        SCMP_SYS(fchownat),
        SCMP_SYS(truncate),
        SCMP_SYS(ftruncate),
        SCMP_SYS(mknod),
        SCMP_SYS(mknodat),
        SCMP_SYS(utime),
        SCMP_SYS(utimes),
        SCMP_SYS(utimensat),
        SCMP_SYS(futimesat),
        SCMP_SYS(setxattr),
        SCMP_SYS(lsetxattr),
        SCMP_SYS(fsetxattr),
        SCMP_SYS(removexattr),
        SCMP_SYS(lremovexattr),
        SCMP_SYS(fremovexattr),
        SCMP_SYS(fallocate),
        /* the system */
        SCMP_SYS(mount),
        SCMP_SYS(umount2),
        SCMP_SYS(pivot_root),
        SCMP_SYS(chroot),
        SCMP_SYS(swapon),
        SCMP_SYS(swapoff),
        SCMP_SYS(reboot),
        SCMP_SYS(sethostname),
        SCMP_SYS(setdomainname),
        SCMP_SYS(init_module),
        SCMP_SYS(finit_module),
        SCMP_SYS(delete_module),
        SCMP_SYS(kexec_load),
        SCMP_SYS(kexec_file_load),
        SCMP_SYS(acct),
        SCMP_SYS(bpf),
        SCMP_SYS(perf_event_open),
        SCMP_SYS(userfaultfd),
        SCMP_SYS(keyctl),
        SCMP_SYS(add_key),
        SCMP_SYS(request_key),
        /* io_uring would perform the calls above without passing through this filter */
        SCMP_SYS(io_uring_setup),
        SCMP_SYS(io_uring_enter),
        SCMP_SYS(io_uring_register),
    };
    /* Flags that make an open write, create or truncate. */
    static const unsigned long write_flags[][2] = {{O_ACCMODE, O_WRONLY},
                                                   {O_ACCMODE, O_RDWR},
                                                   {O_CREAT, O_CREAT},
                                                   {O_TRUNC, O_TRUNC},
                                                   {O_APPEND, O_APPEND}};
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    pid_t self = getpid();
    int rc = ctx ? 0 : -ENOMEM;

    for (size_t i = 0; rc == 0 && i < sizeof(deny) / sizeof(deny[0]); i++)
        if (deny[i] >= 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), deny[i], 0);
    for (size_t i = 0; rc == 0 && i < sizeof(write_flags) / sizeof(write_flags[0]); i++) {
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 1,
                              SCMP_A1(SCMP_CMP_MASKED_EQ, write_flags[i][0], write_flags[i][1]));
        if (rc == 0)
            rc =
                seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                                 SCMP_A2(SCMP_CMP_MASKED_EQ, write_flags[i][0], write_flags[i][1]));
    }
    /* openat2 and clone3 pass their flags in memory, out of a filter's reach: answer "not
     * implemented", and the C library falls back to openat and clone, checked above/below. */
    if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(openat2), 0);
    if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    /* Threads are fine; a new process is not. */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                              SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
    /* Signals only to this process (abort() and raise() use tgkill on it). */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(kill), 1,
                              SCMP_A0(SCMP_CMP_NE, (scmp_datum_t)self, 0));
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(tgkill), 1,
                              SCMP_A0(SCMP_CMP_NE, (scmp_datum_t)self, 0));
    /* Reading limits is fine (getrlimit is prlimit64 with no new value); changing them is not. */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(prlimit64), 1,
                              SCMP_A2(SCMP_CMP_NE, 0, 0));
    if (rc == 0) rc = seccomp_load(ctx);
    seccomp_release(ctx);
    if (rc != 0) {
        snprintf(msg, size, "could not confine the worker process: seccomp: %s", strerror(-rc));
        return -1;
    }
    return 0;
}
#endif

/* ---- Landlock ---- */

/* The ruleset attribute as the kernel has grown it (linux/landlock.h of Debian 12 has only its
 * first field): handled filesystem rights, then network rights (ABI 4), then scopes (ABI 6). */
typedef struct ll_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
} ll_ruleset_attr;

/* Rights of later ABIs, as the kernel defines them. */
#define LL_FS_TRUNCATE         (1ULL << 14) /* ABI 3 */
#define LL_FS_IOCTL_DEV        (1ULL << 15) /* ABI 5 */
#define LL_NET_BIND_TCP        (1ULL << 0)  /* ABI 4 */
#define LL_NET_CONNECT_TCP     (1ULL << 1)
#define LL_SCOPE_ABSTRACT_UNIX (1ULL << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL        (1ULL << 1)

#define LL_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)

static int abi_found;
static pthread_once_t abi_once = PTHREAD_ONCE_INIT;

static void find_landlock_abi(void)
{
    abi_found = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    if (abi_found < 0) abi_found = 0;
}

/* The kernel's Landlock ABI, asked once per process (threads of an embedder may ask at once). */
static int landlock_abi(void)
{
    pthread_once(&abi_once, find_landlock_abi);
    return abi_found;
}

/* Allows reading beneath `path` (a folder, or a single file), when it exists. */
static void ll_allow(int ruleset, const char *path)
{
    struct landlock_path_beneath_attr pb;
    struct stat st;
    int fd = open(path, O_PATH | O_CLOEXEC);

    if (fd < 0) return;
    if (fstat(fd, &st) == 0) {
        pb.allowed_access = S_ISDIR(st.st_mode) ? LL_READ : LANDLOCK_ACCESS_FS_READ_FILE;
        pb.parent_fd = fd;
        syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
    }
    close(fd);
}

static int restrict_files(const cadre__confinement *c, char *msg, size_t size)
{
    static const char *const system_paths[] = {
        "/usr",       "/lib", "/lib64", "/lib32", "/etc/ld.so.cache", "/etc/ld.so.preload",
        "/proc/self", NULL};
    int abi = landlock_abi(), ruleset, rc;
    ll_ruleset_attr attr = {0};
    size_t attr_size = sizeof(uint64_t);
    const char *llp = getenv("LD_LIBRARY_PATH");

    if (abi < 1) return 0; /* no Landlock here: the rest of the confinement still holds */
    attr.handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LL_READ |
                             LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                             LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
                             LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
                             LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
                             LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2) attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) attr.handled_access_fs |= LL_FS_TRUNCATE;
    if (abi >= 5) attr.handled_access_fs |= LL_FS_IOCTL_DEV;
    if (abi >= 4) {
        attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
        attr_size = 2 * sizeof(uint64_t);
    }
    if (abi >= 6) {
        attr.scoped = LL_SCOPE_ABSTRACT_UNIX | LL_SCOPE_SIGNAL;
        attr_size = 3 * sizeof(uint64_t);
    }
    ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, attr_size, 0);
    if (ruleset < 0) return failf(msg, size, "landlock_create_ruleset");
    if (c->plugin_dir) ll_allow(ruleset, c->plugin_dir);
    for (int i = 0; system_paths[i]; i++)
        ll_allow(ruleset, system_paths[i]);
    if (llp != NULL) { /* the libraries a native plugin may need, where the user keeps them */
        char buf[4096], *save = NULL;

        snprintf(buf, sizeof(buf), "%s", llp);
        for (char *d = strtok_r(buf, ":", &save); d; d = strtok_r(NULL, ":", &save))
            if (*d == '/') ll_allow(ruleset, d);
    }
    rc = (int)syscall(SYS_landlock_restrict_self, ruleset, 0);
    close(ruleset);
    return rc == 0 ? 0 : failf(msg, size, "landlock_restrict_self");
}

int cadre__confine(const cadre__confinement *c, char *msg, size_t size)
{
    if (arrange_fds(c, msg, size) != 0) return -1;
    reset_signals();
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return failf(msg, size, "PR_SET_PDEATHSIG");
    if (getppid() != c->parent) _exit(0); /* the engine is already gone */
    if (set_limits(c, msg, size) != 0) return -1;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return failf(msg, size, "no_new_privs");
    /* valgrind reads the plugin's files for debugging information on its own behalf. */
    if (!under_valgrind() && restrict_files(c, msg, size) != 0) return -1;
#ifdef CADRE_HAVE_SECCOMP
    if (!under_valgrind() && filter(msg, size) != 0) return -1;
#endif
    return 0;
}

static char summary[200];
static pthread_once_t summary_once = PTHREAD_ONCE_INIT;

static void write_summary(void)
{
    int abi = landlock_abi();

    snprintf(summary, sizeof(summary), "descriptors, rlimits, no_new_privs, %s, %s",
#ifdef CADRE_HAVE_SECCOMP
             "seccomp",
#else
             "no seccomp (built without libseccomp)",
#endif
             abi >= 1 ? "landlock" : "no landlock (not offered by this kernel)");
    if (abi >= 1) {
        size_t n = strlen(summary);

        snprintf(summary + n, sizeof(summary) - n, " (ABI %d)", abi);
    }
}

const char *cadre__confinement_summary(void)
{
    pthread_once(&summary_once, write_summary);
    return summary;
}

const char *cadre_worker_confinement(void)
{
    return cadre__confinement_summary();
}
