/* SPDX-License-Identifier: MIT */
/*
 * cadre/cadre.h - the public API of libcadre, for programs that embed the engine.
 *
 * Conventions (docs/architecture.md has the long form):
 *  - Functions return 0 (CADRE_OK) or a negative CADRE_E* status. Detail goes into a
 *    caller-owned cadre_error, which may be NULL when the caller does not want it.
 *  - Out-parameters come first. An object returned through an out-parameter belongs to the
 *    caller, who frees it with the matching *_free function; *_free(NULL) does nothing.
 *  - Pointers returned by accessors are borrowed: they stay valid until the object that owns
 *    them is freed, and must not be freed by the caller.
 *  - Records that may grow (a result's criteria, a candidate's skills...) are in cadre_list
 *    lists, read with CADRE_ITEM (cadre/list.h); structs that may grow begin with struct_size;
 *    options structs have an _INIT macro and an _init() function.
 *  - Threads: see "Threads and processes" below.
 */
#ifndef CADRE_H
#define CADRE_H

#include <stddef.h>
#include <stdint.h>

#include "candidate.h"
#include "plugin.h"
#include "result.h"
#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CADRE_STATIC)
#define CADRE_EXTERN
#elif defined(__GNUC__)
#define CADRE_EXTERN __attribute__((visibility("default")))
#else
#define CADRE_EXTERN
#endif

/* ---- Status codes and errors ------------------------------------------------------------ */

enum {
    CADRE_OK = 0,
    CADRE_ENOMEM = -1,    /* out of memory */
    CADRE_EINVAL = -2,    /* the caller passed a bad argument */
    CADRE_EIO = -3,       /* a file could not be read */
    CADRE_EPARSE = -4,    /* malformed JSON or Lua text */
    CADRE_ESCHEMA = -5,   /* well-formed input that breaks the candidate schema */
    CADRE_ENOTFOUND = -6, /* no such plugin, parameter or file */
    CADRE_EPLUGIN = -7,   /* a plugin failed to load or to run */
    CADRE_EABI = -8,      /* a native plugin was built for another ABI version */
    CADRE_ELIMIT = -9,    /* a time or memory budget was exceeded */
    CADRE_EUNSAFE = -10,  /* a plugin file or folder failed the ownership/permission checks */
    CADRE_EEXISTS = -11   /* a plugin with that name is already loaded */
};

/** Where and why something failed. Caller-owned; filled by the function that failed. */
typedef struct cadre_error {
    int code;           /* the negative status that was returned */
    int line;           /* 1-based line in `source`, or 0 */
    int column;         /* 1-based column in `source`, or 0 */
    char source[512];   /* the file, plugin or input concerned, or "" */
    char message[1024]; /* a sentence naming the object and the cause */
} cadre_error;

/** A short static description of a status code ("out of memory", ...). */
CADRE_EXTERN const char *cadre_strerror(int code);

/** The library's version string, e.g. "0.2.0" (may differ from CADRE_VERSION at build time). */
CADRE_EXTERN const char *cadre_version(void);

/** The library's version as CADRE_VERSION_NUMBER computes it. Added in 0.2.0. */
CADRE_EXTERN int cadre_version_number(void);

/** Frees memory the library handed to the caller as a plain buffer (cadre_report_render). */
CADRE_EXTERN void cadre_free(void *ptr);

/** What confines worker processes in this build and on this kernel, e.g. "descriptors,
 *  rlimits, no_new_privs, seccomp, landlock (ABI 6)" (docs/plugins.md, "Trust"). Static
 *  storage. Added in 0.2.0. */
CADRE_EXTERN const char *cadre_worker_confinement(void);

/** cadre_text_escape() flag: keep newlines (for paragraphs) instead of escaping them. */
#define CADRE_ESCAPE_KEEP_NEWLINES 1u

/**
 * Makes untrusted text (a plugin's message, a candidate's name, a file name) safe to show on a
 * terminal or to write to a log: invalid UTF-8 becomes U+FFFD; C0 and C1 control characters
 * and DEL become \xHH; the characters that reorder or hide text (bidirectional overrides and
 * isolates, zero-width marks, line separators, BOM) become \u{HHHH}. The report renderers and
 * the cadre program already do this to everything they print.
 * out: a NUL-terminated buffer owned by the caller (cadre_free). Added in 0.2.0.
 */
CADRE_EXTERN int cadre_text_escape(char **out, const char *text, size_t len, unsigned flags,
                                   cadre_error *err);

/* ---- Diagnostics ------------------------------------------------------------------------- */

typedef enum cadre_severity {
    CADRE_SEVERITY_WARNING = 1, /* the input was accepted; something may be wrong */
    CADRE_SEVERITY_ERROR = 2    /* the input was refused */
} cadre_severity;

/** One problem found in an input. Strings are borrowed for the duration of a callback, or
 *  owned by the candidate for cadre_candidate_warning(). */
typedef struct cadre_diag {
    cadre_severity severity;
    const char *source; /* file name or "<stdin>" */
    const char *field;  /* field path, e.g. "skills.leadership", or "" */
    int line;           /* for malformed JSON; 0 otherwise */
    int column;
    const char *message; /* e.g. "expected an integer 0..5, got \"high\"" */
} cadre_diag;

/** Receives each diagnostic as it is found. */
typedef void (*cadre_diag_fn)(void *userdata, const cadre_diag *diag);

/* ---- Candidates -------------------------------------------------------------------------- */

/** Largest candidate document accepted, in bytes. */
#define CADRE_CANDIDATE_MAX_BYTES (4u * 1024u * 1024u)

/**
 * Parses and validates one candidate from JSON text.
 *
 * out:     receives the candidate, owned by the caller (cadre_candidate_free); NULL on error.
 * json:    the text; need not be NUL-terminated.
 * source:  name used in messages and in candidate->source, e.g. a path; may be NULL.
 * on_diag: called for every warning and error, in document order; may be NULL.
 * Returns 0; CADRE_EPARSE for malformed JSON (err has line and column); CADRE_ESCHEMA when a
 * field breaks the schema (err names the first field, on_diag receives them all).
 */
CADRE_EXTERN int cadre_candidate_parse(cadre_candidate **out, const char *json, size_t len,
                                       const char *source, cadre_diag_fn on_diag, void *userdata,
                                       cadre_error *err);

/** Reads `path` ("-" for standard input) and parses it as cadre_candidate_parse does.
 *  Returns CADRE_EIO when the file cannot be read (missing, a directory, too large). */
CADRE_EXTERN int cadre_candidate_load_file(cadre_candidate **out, const char *path,
                                           cadre_diag_fn on_diag, void *userdata, cadre_error *err);

/** Number of warnings the loader attached to the candidate. */
CADRE_EXTERN size_t cadre_candidate_warning_count(const cadre_candidate *c);

/** Warning `i` (borrowed from the candidate), or NULL when out of range. */
CADRE_EXTERN const cadre_diag *cadre_candidate_warning(const cadre_candidate *c, size_t i);

/** Frees a candidate from cadre_candidate_parse/load_file. NULL is a no-op. */
CADRE_EXTERN void cadre_candidate_free(cadre_candidate *c);

/**
 * Added in 0.2.0. The candidate in canonical form: compact JSON with the fields in the order of
 * docs/candidate.md, as cadre read them (defaults not added, unknown fields left out), so that
 * two files that say the same give the same text, and cadre_candidate_parse of it gives the
 * same candidate back (with the same cadre_report_candidate_sha256). Decision records store it.
 * out: receives NUL-terminated text owned by the caller (cadre_free).
 */
CADRE_EXTERN int cadre_candidate_to_json(char **out, const cadre_candidate *c, cadre_error *err);

/** The candidate JSON Schema (draft 2020-12), generated from the loader's own tables.
 *  out: a NUL-terminated buffer owned by the caller (cadre_free). */
CADRE_EXTERN int cadre_candidate_schema(char **out, cadre_error *err);

/* ---- Vocabularies ------------------------------------------------------------------------ */

/** One entry of a controlled vocabulary (static storage). May grow at the end: read entries
 *  through cadre_vocab_entry_at. */
typedef struct cadre_vocab_entry {
    const char *id;      /* snake_case, stable */
    const char *label;   /* for people */
    const char *meaning; /* one line */
    const char *extra;   /* per vocabulary: O*NET element (skill), COO emphasis (industry),
                            areas (certification), category (tool), "business" (field),
                            "operations" (function); may be NULL */
} cadre_vocab_entry;

/** Name of vocabulary `i` ("skill", "industry", "certification", "tool", "field",
 *  "function"), or NULL past the end. */
CADRE_EXTERN const char *cadre_vocab_name(size_t i);

/** Number of entries of a vocabulary, or 0 for an unknown name. Added in 0.2.0. */
CADRE_EXTERN size_t cadre_vocab_count(const char *vocabulary);

/** Entry `i` of a vocabulary, in its documented order; NULL past the end or for an unknown
 *  name. Added in 0.2.0 (replacing cadre_vocab_entries, whose array could not grow). */
CADRE_EXTERN const cadre_vocab_entry *cadre_vocab_entry_at(const char *vocabulary, size_t i);

/** The id of a vocabulary closest to `text` as a typo of it (snake_case text compares best),
 *  for "did you mean" messages; NULL when none is close or the name is unknown. Static
 *  storage. Added in 0.2.0. */
CADRE_EXTERN const char *cadre_vocab_suggest(const char *vocabulary, const char *text);

/* ---- Engine ------------------------------------------------------------------------------ */

typedef struct cadre_engine cadre_engine;

/** Where plugins run: values of cadre_engine_options.isolation. */
typedef enum cadre_isolation {
    CADRE_ISOLATE_UNTRUSTED = 0, /* plugins outside trusted folders run in workers (default) */
    CADRE_ISOLATE_NONE = 1,      /* every plugin runs in the calling process: trusts them all */
    CADRE_ISOLATE_NATIVE = 2,    /* also every native plugin runs in a worker, trusted or not */
    CADRE_ISOLATE_ALL = 3        /* every plugin runs in a worker */
} cadre_isolation;

/** How an engine finds and limits plugins. Initialise with CADRE_ENGINE_OPTIONS_INIT or
 *  cadre_engine_options_init(); fields are only ever added at the end. */
typedef struct cadre_engine_options {
    uint32_t struct_size;
    /* The folder of built-in plugins; "" for none. NULL for the default: cadre/plugins beside
     * the shared library that is running (so an installed tree can be moved), or, when
     * libcadre is linked statically, the folder configured at build time. */
    const char *builtin_dir;
    /* The user's folder; NULL for $XDG_DATA_HOME/cadre/plugins (or ~/.local/share/...),
     * "" for none. A missing user folder is not an error. */
    const char *user_dir;
    /* Nonzero to read the colon-separated CADRE_PLUGIN_PATH environment variable. */
    int use_env_path;
    /* Lua budget per call: CPU milliseconds (default 1000) and bytes of memory per rubric
     * (default 64 MiB). 0 selects the default. */
    uint32_t lua_time_limit_ms;
    size_t lua_memory_limit;
    /* Receives plugin load problems as they happen (they are also kept, see
     * cadre_engine_refused). May be NULL. */
    cadre_diag_fn on_diag;
    void *userdata;
    /* Where plugins run (cadre_isolation; docs/plugins.md, "Trust"). By default a plugin from a
     * folder that is not trusted (the built-in folder is; see trusted_dirs) is loaded and run
     * in a worker process of its own, with a hard deadline and OS limits, so that whatever it
     * does costs at most one error result. Trusted plugins run in the calling process. */
    cadre_isolation isolation;
    /* Wall-clock limit for loading or running one isolated native plugin, ms (default 10000).
     * Isolated Lua rubrics get their CPU budget plus 2000 ms before the worker is stopped. */
    uint32_t native_time_limit_ms;

    /* Added in 0.2.0. */
    /* Folders whose plugins are trusted to run in this process (NULL-terminated, copied), in
     * addition to the built-in folder. Trusting a folder gives up the process boundary for
     * its plugins: see docs/plugins.md for what that means. */
    const char *const *trusted_dirs;
    /* Nonzero lets a plugin from another folder replace a built-in plugin of the same name
     * (by default the impostor is refused, naming both files). */
    int allow_override;
    /* Receives every line a plugin prints (a rubric's print(), an isolated plugin's standard
     * output and error), already cut to 1000 bytes, with control characters escaped, and
     * capped per plugin and per engine. NULL writes "[plugin] line" to standard error. */
    void (*on_output)(void *userdata, const char *plugin, const char *line);
    /* Address space a worker process may add to the engine's, bytes (default 512 MiB plus
     * lua_memory_limit). */
    size_t worker_memory_limit;
    /* The program that runs an isolated plugin (cadre-worker; copied). NULL for the default:
     * cadre/cadre-worker beside the shared library, or, when libcadre is linked statically,
     * the one configured at build time (docs/embedding.md). Added in 0.2.0. */
    const char *worker_program;
    /* Where the engine remembers the rubrics that passed their trial runs at load, so that
     * the same files are not tried again on every start (docs/plugins.md, "Trial runs"; in a
     * worker process rubrics are always tried). NULL for $XDG_CACHE_HOME/cadre/vetted (or
     * ~/.cache/cadre/vetted), "" for nowhere (copied). Added in 0.2.0. */
    const char *vet_cache_dir;
    /* Try every rubric at load even when the cache says it passed, as `cadre list` and
     * `cadre test` do. Added in 0.2.0. */
    int always_vet;
} cadre_engine_options;

/** The defaults, as an initializer: `cadre_engine_options o = CADRE_ENGINE_OPTIONS_INIT;`.
 *  Built-in and user folders, CADRE_PLUGIN_PATH read, plugins outside the built-in folder
 *  isolated; every limit at its default. Added in 0.2.0. */
#define CADRE_ENGINE_OPTIONS_INIT                                                                  \
    {                                                                                              \
        .struct_size = sizeof(cadre_engine_options), .use_env_path = 1                             \
    }

/** Fills `opts` with the defaults, as CADRE_ENGINE_OPTIONS_INIT does. */
CADRE_EXTERN void cadre_engine_options_init(cadre_engine_options *opts);

/** Creates an engine. `opts` may be NULL for the defaults. The engine belongs to the caller
 *  (cadre_engine_free). No plugin is loaded until cadre_engine_load(). */
CADRE_EXTERN int cadre_engine_new(cadre_engine **out, const cadre_engine_options *opts,
                                  cadre_error *err);

/** Frees the engine and unloads its plugins. NULL is a no-op. */
CADRE_EXTERN void cadre_engine_free(cadre_engine *e);

/** Adds a plugin folder ahead of every folder added before it and of the defaults (the CLI's
 *  -P). The string is copied. Returns CADRE_EINVAL once plugins are loaded. */
CADRE_EXTERN int cadre_engine_add_dir(cadre_engine *e, const char *dir, cadre_error *err);

/** Trusts the plugins of folder `dir` to run in this process (the CLI's --trust), as
 *  cadre_engine_options.trusted_dirs does. Returns CADRE_ENOTFOUND when the folder does not
 *  exist, CADRE_EINVAL once plugins are loaded. Added in 0.2.0. */
CADRE_EXTERN int cadre_engine_trust_dir(cadre_engine *e, const char *dir, cadre_error *err);

/**
 * Loads every plugin on the search path: the built-in folder first, then the added folders
 * (latest first), CADRE_PLUGIN_PATH and the user folder. Files ending in ".so" are native
 * plugins, files ending in ".lua" (but not "_test.lua") are Lua rubrics. When two plugins have
 * the same name, the one found first wins and the other is refused; the built-ins' names are
 * reserved (see allow_override). A plugin that fails to load is refused and reported
 * (cadre_engine_refused); the others still load, and this function still returns 0. It fails
 * only for a problem with the engine itself (memory).
 */
CADRE_EXTERN int cadre_engine_load(cadre_engine *e, cadre_error *err);

/** Loads a single plugin file. Returns its load error; the refusal is also recorded. */
CADRE_EXTERN int cadre_engine_load_file(cadre_engine *e, const char *path, cadre_error *err);

/** What the engine knows about one loaded plugin. Borrowed from the engine. */
typedef struct cadre_plugin_meta {
    const char *name;
    const char *title;
    const char *version;
    cadre_plugin_kind kind;
    const char *path;
    const char *sha256;
    const char *description;
    const char *const *inputs;             /* NULL-terminated */
    const cadre_param_spec *const *params; /* NULL-terminated */
    /* Added in 0.2.0. */
    int trusted;  /* found in the built-in folder or a trusted one */
    int isolated; /* runs in a worker process */
} cadre_plugin_meta;

/** "native" or "lua". Static storage. Added in 0.2.0. */
CADRE_EXTERN const char *cadre_plugin_kind_name(cadre_plugin_kind kind);

/** Number of loaded plugins; they are sorted by name. */
CADRE_EXTERN size_t cadre_engine_plugin_count(const cadre_engine *e);

/** Plugin `i` (0-based, by name), or NULL when out of range. */
CADRE_EXTERN const cadre_plugin_meta *cadre_engine_plugin(const cadre_engine *e, size_t i);

/**
 * The engine's fingerprint: SHA-256 (64 hex digits and a NUL in `out`) over the engine's
 * version and, for every loaded plugin in name order, its name, version, kind, file SHA-256
 * and parameter values. Two engines with the same fingerprint give the same reports for the
 * same candidates: a distributed run pins it (`cadre batch --expect-fingerprint`,
 * docs/scale.md). Call it after loading and setting parameters. Added in 0.2.0.
 */
CADRE_EXTERN int cadre_engine_fingerprint(char out[65], const cadre_engine *e);

/** Number of plugin files that were refused, and refusal `i`: source = file, message = why. */
CADRE_EXTERN size_t cadre_engine_refused_count(const cadre_engine *e);
CADRE_EXTERN const cadre_diag *cadre_engine_refused(const cadre_engine *e, size_t i);

/** Sets parameter `key` of plugin `plugin` for later runs. Checks that both exist and that the
 *  value fits the parameter's type; the message suggests the closest name on a typo. */
CADRE_EXTERN int cadre_engine_set_param(cadre_engine *e, const char *plugin, const char *key,
                                        const char *value, cadre_error *err);

/* ---- Assessing --------------------------------------------------------------------------- */

typedef struct cadre_report cadre_report;

/**
 * Runs assessments on one candidate.
 *
 * out:   receives the report, owned by the caller (cadre_report_free).
 * names: NULL-terminated plugin names to run, in that order; NULL runs every loaded plugin
 *        in name order. An unknown name fails with CADRE_ENOTFOUND before anything runs.
 * A plugin that fails produces an error result in the report; that is not a failure of this
 * function, which returns 0 unless arguments are bad or memory runs out.
 */
CADRE_EXTERN int cadre_engine_assess(cadre_report **out, cadre_engine *e, const cadre_candidate *c,
                                     const char *const *names, cadre_error *err);

/**
 * Added in 0.2.0. The same as cadre_engine_assess, in two halves, so that plugins in worker
 * processes work while the caller does something else (reads and parses the next candidate,
 * renders the previous report): submit begins the assessment and returns at once; collect
 * ends the oldest one submitted and gives its report. Several candidates may be submitted
 * before the first is collected; reports come back in submission order, the same reports
 * cadre_engine_assess gives. Plugins running in this process run during collect.
 *
 * c and names are borrowed until the candidate is collected: keep them alive and unchanged.
 * cadre_engine_assess fails with CADRE_EINVAL while submitted candidates are not collected;
 * cadre_engine_free discards them. An error from submit (CADRE_ENOTFOUND for an
 * unknown name, ...) means nothing was submitted.
 */
CADRE_EXTERN int cadre_engine_submit(cadre_engine *e, const cadre_candidate *c,
                                     const char *const *names, cadre_error *err);
/** Added in 0.2.0. out: the report of the oldest submitted candidate, owned by the caller
 *  (cadre_report_free). CADRE_EINVAL when nothing was submitted. */
CADRE_EXTERN int cadre_engine_collect(cadre_report **out, cadre_engine *e, cadre_error *err);

/** Added in 0.2.0. The report's next steps: up to three gap findings, across its assessments,
 *  whose recommendations are what to do first (docs/report.md, "The text report", gives the
 *  rule); step `i` (borrowed from the report: its recommendation is the step, its text why),
 *  and in *plugin (when not NULL) the name of the assessment it comes from. */
CADRE_EXTERN size_t cadre_report_step_count(const cadre_report *r);
CADRE_EXTERN const cadre_finding *cadre_report_step(const cadre_report *r, size_t i,
                                                    const char **plugin);

/**
 * Added in 0.2.0. One way to move an assessment's verdict: changes to the person's profile
 * that take it from its band to another with a higher score, found by assessing a changed copy
 * of the profile (cadre_report_explore), never by reading the rubric. Read-only, borrowed from
 * the report. May grow: read struct_size before a member added later.
 */
typedef struct cadre_whatif {
    uint32_t struct_size;
    const char *plugin;    /* the assessment */
    const char *from_band; /* its band now, and score */
    double from_score;
    const char *to_band;        /* the band the changes reach, and score; NULL and 0 when none of */
    double to_score;            /* the changes tried moved it (then change_count is 0) */
    const char *const *changes; /* change_count sentence fragments: "a P&L of your own" */
    const char *const *fields;  /* the profile field each change is made to: "scope.pnl_owner" */
    size_t change_count;        /* 1 for a single change; more when only together they move it */
    unsigned effort_months;     /* a design-choice estimate of the time the changes take */
    size_t tried;               /* changed copies of the profile assessed to find this */
} cadre_whatif;

/**
 * Added in 0.2.0. Fills r's "what would change" entries: for each assessment in r that ran and
 * had enough information, up to two single changes to c that move it to a better band, the
 * smallest first; when no single change does, the fewest changes together that do; when none
 * does, an entry with no changes. Runs e's plugins on about a hundred changed copies of c, so
 * it costs about that many assessments. r must be the report of c by e (cadre_engine_assess);
 * a second call does nothing. The rule and every estimate: docs/report.md.
 */
CADRE_EXTERN int cadre_report_explore(cadre_report *r, cadre_engine *e, const cadre_candidate *c,
                                      cadre_error *err);
/** Added in 0.2.0. The entries cadre_report_explore made, in report order; entry `i`. */
CADRE_EXTERN size_t cadre_report_whatif_count(const cadre_report *r);
CADRE_EXTERN const cadre_whatif *cadre_report_whatif(const cadre_report *r, size_t i);

/** Added in 0.2.0. What a decision record needs (docs/audit.md): the SHA-256 (64 hex digits)
 *  of the candidate's canonical form (its fields in schema order as cadre read them, in the
 *  compact binary form worker processes receive; the same for any two files that say the
 *  same, whatever their layout), and the fingerprint of the
 *  engine that assessed it (cadre_engine_fingerprint: engine version, plugins, parameters).
 *  Borrowed from the report; "" for a NULL report. */
CADRE_EXTERN const char *cadre_report_candidate_sha256(const cadre_report *r);
CADRE_EXTERN const char *cadre_report_fingerprint(const cadre_report *r);

/** Added in 0.2.0. The value parameter `key` of plugin `plugin` was set to (--set,
 *  cadre_engine_set_param), or NULL when it was not set (the plugin's default applies). The
 *  string is borrowed from the engine until the parameter is set again. */
CADRE_EXTERN const char *cadre_engine_param(const cadre_engine *e, const char *plugin,
                                            const char *key);

/** Number of results (one per plugin run) and result `i`, borrowed from the report. */
CADRE_EXTERN size_t cadre_report_count(const cadre_report *r);
CADRE_EXTERN const cadre_result *cadre_report_result(const cadre_report *r, size_t i);

/** The result of plugin `name`, or NULL. */
CADRE_EXTERN const cadre_result *cadre_report_find(const cadre_report *r, const char *name);

/** The number of results whose status is CADRE_STATUS_ERROR. */
CADRE_EXTERN size_t cadre_report_error_count(const cadre_report *r);

typedef enum cadre_format {
    CADRE_FORMAT_TEXT = 0,  /* for a person: aligned, bars, findings */
    CADRE_FORMAT_JSON = 1,  /* one document {"format":..., "reports":[...]}; docs/report.md */
    CADRE_FORMAT_JSONL = 2, /* one compact report object per line */
    /* One self-contained HTML page with SVG charts, no script or network (docs/report.md,
     * "The HTML report"). Added in 0.2.0. */
    CADRE_FORMAT_HTML = 3
} cadre_format;

enum {
    CADRE_RENDER_COLOR = 1u << 0,   /* ANSI colour (text format only) */
    CADRE_RENDER_UNICODE = 1u << 1, /* block characters for bars (text format only) */
    CADRE_RENDER_VERBOSE = 1u << 2, /* text: also list every criterion's missing inputs */
    /* JSON and JSON Lines: a shorter record per assessment (docs/report.md, "Detail"), for
     * pipelines that need less than the whole report. Added in 0.2.0. */
    CADRE_RENDER_SUMMARY = 1u << 3, /* name, title, version, status, score, band, summary,
                                       confidence */
    CADRE_RENDER_SCORES = 1u << 4,  /* name, status, score and band only; wins over SUMMARY */
    /* Text: only the answer (each verdict and summary, and the next steps), not the criteria,
     * evidence and findings behind it. Added in 0.2.0. */
    CADRE_RENDER_BRIEF = 1u << 5
};

/**
 * Renders reports as text, JSON or JSON Lines.
 *
 * out: receives a NUL-terminated buffer owned by the caller (cadre_free); *len its length
 *      without the NUL (len may be NULL).
 */
CADRE_EXTERN int cadre_report_render(char **out, size_t *len, const cadre_report *const *reports,
                                     size_t count, cadre_format format, unsigned flags,
                                     cadre_error *err);

/** Frees a report. NULL is a no-op. */
CADRE_EXTERN void cadre_report_free(cadre_report *r);

/* ---- Threads and processes --------------------------------------------------------------
 *
 * Threads. Every function may be called from any thread, with these rules:
 *  - An engine is used by one thread at a time: calls on the same engine must not overlap.
 *    It may move between threads (made in one, used in another, freed in a third). For
 *    parallel work, give each thread its own engine: engines share nothing.
 *  - A candidate and a report are read-only once made: any number of threads may read, assess
 *    (cadre_engine_assess with different engines) and render the same one at once. Freeing
 *    one must wait until no thread uses it.
 *  - Callbacks (on_diag, on_output, on_test) run on the thread that called into the engine,
 *    before that call returns.
 *  - The calling thread's locale is switched to "C" for the duration of each call and
 *    restored on return (uselocale); other threads are untouched.
 *
 * The watchdog thread. Lua budgets are enforced by one thread per process, started at the
 * first Lua call and stopped when the last Lua rubric is unloaded. It blocks every signal, so a
 * signal meant for the host is never delivered to it, and it runs no plugin code.
 *
 * Worker processes. Plugins outside trusted folders run in worker processes (see isolation),
 * each a new process running the cadre-worker program (worker_program), started with
 * posix_spawn when the plugin loads and again after a crash: nothing of the host runs in the
 * child before the exec, so starting one is safe in a threaded host, and the worker holds
 * nothing of the host: not its memory, not its descriptors (it has 0-3, its own pipes), not
 * its environment (only LD_LIBRARY_PATH, LD_PRELOAD and sanitizer settings are passed on).
 * Every signal is at its default in the worker, which dies with its engine's process. The
 * engine waits for its own workers by pid: a host that sets SIGCHLD to SIG_IGN, or reaps every
 * child with wait(-1), takes that status away, and a crashed plugin's error then cannot say
 * how it ended. Writes to a dead worker never raise SIGPIPE. A host that must not start
 * processes sets isolation to CADRE_ISOLATE_NONE and trusts every plugin it loads.
 * docs/embedding.md has the long form.
 */

/* ---- Rubric tests ------------------------------------------------------------------------ */

/** The outcome of one test in a rubric test file. Strings are borrowed for the callback. */
typedef struct cadre_test_outcome {
    int ok;                  /* 1 passed, 0 failed */
    const char *file;        /* the test file */
    const char *name;        /* the test's name */
    const char *diagnostics; /* why it failed, one problem per line; "" when it passed */
} cadre_test_outcome;

/** Receives each test's outcome, in order. */
typedef void (*cadre_test_fn)(void *userdata, const cadre_test_outcome *outcome);

/**
 * Runs a rubric test file (NAME_test.lua; docs/rubric-authoring.md): loads the rubric it tests
 * into a private engine (no other plugins; the Lua limits and isolation of `opts`, which may be
 * NULL), assesses each test's candidate, and checks the expectations.
 *
 * failed:  receives the number of failed tests.
 * on_test: called with each outcome; a test file that cannot run (a syntax error, a rubric
 *          that is refused) is reported as one failed outcome.
 * Returns 0 when the tests ran (whether or not they passed), or the status of what prevented
 * them, with details in err.
 */
CADRE_EXTERN int cadre_test_file(size_t *failed, const char *path, const cadre_engine_options *opts,
                                 cadre_test_fn on_test, void *userdata, cadre_error *err);

#ifdef __cplusplus
}
#endif

#endif
