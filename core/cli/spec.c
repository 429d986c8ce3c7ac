/* SPDX-License-Identifier: MIT */
/*
 * core/cli/spec.c - the commands and options of the cadre program (see spec.h): data only.
 */
#include <string.h>

#include "spec.h"

const char cli_program_summary[] = "assess a person's profile against a role, with plugins";

const char cli_program_description[] =
    "cadre runs assessments against a candidate, a JSON profile of one person (docs/candidate.md): "
    "how ready they are to be a chief operating officer and at which level, which industries fit "
    "them, which skills stand between them and the role, and whether a COO or an operations "
    "manager role fits them now. Each assessment is a plugin, a native shared object or a Lua 5.4 "
    "rubric, and explains every number it gives: the criteria, their weights, the evidence and "
    "the inputs it lacked.\n\n"
    "Options may come before or after file names; -- ends the options, so that a file whose name "
    "begins with a dash can be named. Messages go to standard error, reports to standard output.";

const char cli_program_environment[] =
    "CADRE_PLUGIN_PATH\tColon-separated plugin folders, searched after -P folders and before the "
    "user folder. Empty entries are ignored: the current folder is never searched implicitly.\n"
    "XDG_DATA_HOME\tThe user plugin folder is $XDG_DATA_HOME/cadre/plugins, by default "
    "~/.local/share/cadre/plugins.\n"
    "NO_COLOR\tAny non-empty value turns colour off, whatever --color says.\n"
    "LC_ALL, LC_CTYPE, LANG\tA UTF-8 locale draws bars with block characters. Numbers are "
    "always written with a decimal point, whatever the locale.";

const char cli_program_files[] =
    "LIBDIR/cadre/plugins\tThe built-in assessments and their data, beside libcadre.\n"
    "~/.local/share/cadre/plugins\tThe user's own plugins.\n"
    "DATADIR/cadre/schemas\tcandidate.schema.json and report.schema.json.";

const char cli_program_exit_status[] =
    "0\teverything ran; for validate, every file is valid\n"
    "1\tan assessment produced an error result, a plugin was refused, or a rubric test failed\n"
    "2\tusage error: unknown command or option, bad option value; nothing ran\n"
    "3\ta candidate file or line was unreadable or invalid (the others were still assessed)\n"
    "4\tno usable assessment: -a named one that is not loaded, or none are loaded\n"
    "5\tinternal error: out of memory, or the output could not be written";

/* ---- options shared by several commands ---- */

static const cli_option opt_help = {
    'h', 'h', "help", NULL, CLI_NONE, NULL, "Print this help and exit."};

static const cli_option opt_plugins = {
    'P',
    'P',
    "plugins",
    "DIR",
    CLI_DIR,
    NULL,
    "Also load plugins from DIR, before every other folder (repeatable; the first given wins a "
    "name clash)."};
static const cli_option opt_no_user = {
    OPT_NO_USER, 0, "no-user-plugins", NULL, CLI_NONE, NULL, "Skip the user plugin folder."};
static const cli_option opt_no_builtin = {OPT_NO_BUILTIN,
                                          0,
                                          "no-builtin-plugins",
                                          NULL,
                                          CLI_NONE,
                                          NULL,
                                          "Skip the built-in assessments."};
static const cli_option opt_lua_time = {
    OPT_LUA_TIME,
    0,
    "lua-time-limit",
    "MS",
    CLI_NUMBER,
    NULL,
    "CPU budget of each Lua assessment call, 1 to 600000 milliseconds (default 1000)."};
static const cli_option opt_lua_memory = {
    OPT_LUA_MEMORY,
    0,
    "lua-memory-limit",
    "MB",
    CLI_NUMBER,
    NULL,
    "Memory cap of each Lua rubric, 1 to 65536 MiB (default 64)."};
static const cli_option opt_native_time = {
    OPT_NATIVE_TIME,
    0,
    "native-time-limit",
    "MS",
    CLI_NUMBER,
    NULL,
    "Wall-clock limit for loading or running one isolated native plugin, 1 to 600000 "
    "milliseconds (default 10000)."};
static const cli_option opt_isolate = {
    OPT_ISOLATE,
    0,
    "isolate",
    "WHAT",
    CLI_CHOICE,
    "untrusted native all none",
    "Which plugins run in a confined worker process of their own, where a crash or a hang costs "
    "one error result: untrusted (the default: every plugin outside the built-in and --trust "
    "folders), native (also every native plugin), all, or none (trust every plugin). Reports are "
    "the same in every mode (docs/plugins.md, \"Trust\")."};
static const cli_option opt_trust = {
    OPT_TRUST,
    0,
    "trust",
    "DIR",
    CLI_DIR,
    NULL,
    "Run the plugins of folder DIR in the cadre process, like the built-ins: faster, at the price "
    "docs/plugins.md spells out (repeatable; the folder must also be on the search path, e.g. "
    "with -P)."};
static const cli_option opt_allow_override = {
    OPT_ALLOW_OVERRIDE,
    0,
    "allow-override",
    NULL,
    CLI_NONE,
    NULL,
    "Let a plugin from another folder replace a built-in of the same name; otherwise it is "
    "refused as an impostor."};
static const cli_option opt_assessments = {
    'a',
    'a',
    "assessments",
    "NAMES",
    CLI_ASSESSMENTS,
    NULL,
    "Run only these assessments, comma-separated, in this order (default: all, by name)."};
static const cli_option opt_set = {
    's',
    's',
    "set",
    "PLUGIN.KEY=VALUE",
    CLI_PARAM,
    NULL,
    "Set a plugin parameter, checked against the plugin's declaration, e.g. "
    "skills_gap.role=operations_manager (repeatable; cadre list -v shows each plugin's)."};

/* The options of every command that loads plugins. */
#define PLUGIN_OPTIONS                                                                             \
    &opt_plugins, &opt_no_user, &opt_no_builtin, &opt_lua_time, &opt_lua_memory, &opt_native_time, \
        &opt_isolate, &opt_trust, &opt_allow_override

/* ---- assess ---- */

static const cli_option opt_assess_format = {
    'f',
    'f',
    "format",
    "FORMAT",
    CLI_CHOICE,
    "text json jsonl html",
    "text (the default), json (one document), jsonl (one line per candidate) or html (one "
    "self-contained page with charts, to open in a browser or print); docs/report.md describes "
    "each."};
static const cli_option opt_color = {
    OPT_COLOR,
    0,
    "color",
    "WHEN",
    CLI_CHOICE,
    "auto always never",
    "Colour the text report: auto (the default: on a terminal), always or never. NO_COLOR set to "
    "anything turns it off."};
static const cli_option opt_ascii = {
    OPT_ASCII,
    0,
    "ascii",
    NULL,
    CLI_NONE,
    NULL,
    "Draw bars with # and . (the default follows the locale: block characters in UTF-8)."};
static const cli_option opt_assess_verbose = {
    'v', 'v', "verbose", NULL, CLI_NONE, NULL, "Show each criterion's missing inputs."};

static const cli_option opt_brief = {
    OPT_BRIEF,
    0,
    "brief",
    NULL,
    CLI_NONE,
    NULL,
    "Print only the answer: each assessment's verdict and summary, and the next steps (text "
    "format)."};

static const cli_option opt_no_whatif = {
    OPT_NO_WHATIF,
    0,
    "no-what-if",
    NULL,
    CLI_NONE,
    NULL,
    "Skip \"what would change the verdicts\": the search that assesses about a hundred changed "
    "copies of each profile to find the smallest changes that move each verdict "
    "(docs/report.md)."};

static const cli_option opt_record = {
    OPT_RECORD,
    0,
    "record",
    "DIR",
    CLI_DIR,
    NULL,
    "Write a decision record for each candidate assessed into DIR (made when missing): its input "
    "in canonical form, its report, the engine, plugins, parameters and limits, enough for "
    "cadre verify to replay it. Records are never replaced: each is written to a temporary "
    "file, synced and linked under a name of its own (docs/audit.md)."};
static const cli_option opt_mask = {
    OPT_MASK,
    0,
    "mask",
    "FIELDS",
    CLI_TEXT,
    NULL,
    "Replace these candidate fields (comma-separated paths, e.g. name,id,current_role.title) by "
    "\"(masked)\" in decision records; the candidate's SHA-256 still identifies it."};

static const cli_option *const assess_options[] = {
    &opt_assessments, &opt_assess_format,  &opt_set,   PLUGIN_OPTIONS, &opt_color,
    &opt_ascii,       &opt_assess_verbose, &opt_brief, &opt_no_whatif, &opt_record,
    &opt_mask,        &opt_help,           NULL};

static const cli_command cmd_assess_spec = {
    "assess",
    "FILE...",
    CLI_FILE,
    "assess candidate files and print one report",
    "Assess each candidate FILE (JSON, docs/candidate.md; - reads standard input) with the "
    "loaded assessments and print one report. Every file is processed even when an earlier one is "
    "invalid: its problems go to standard error with the file, the field and the reason. "
    "Warnings about a candidate (an unknown id, an unknown field) are printed in its report.",
    assess_options,
    "0\tevery assessment ran\n"
    "1\tan assessment produced an error result, or a plugin was refused\n"
    "2\tusage error\n"
    "3\ta candidate file was unreadable or invalid\n"
    "4\t-a named an assessment that is not loaded, or none are\n"
    "5\tinternal error, or the report could not be written",
    "cadre assess me.json\tevery assessment, as a text report\n"
    "cadre assess -a skills_gap --set skills_gap.role=operations_manager me.json\tone assessment, "
    "against the operations manager profile\n"
    "cadre assess me.json --format json\tthe same report as JSON"};

/* ---- batch ---- */

static const cli_option opt_jobs = {
    'j',
    'j',
    "jobs",
    "N",
    CLI_NUMBER,
    NULL,
    "Assess with N engines in parallel, 1 to 256 (default: one per processor). Output stays in "
    "input order and memory is bounded by N, not by the input."};
static const cli_option opt_detail = {
    OPT_DETAIL,
    0,
    "detail",
    "LEVEL",
    CLI_CHOICE,
    "full summary scores",
    "How much of each report to write: full (the default: every criterion, finding and ranking), "
    "summary (each assessment's score, band, summary and confidence) or scores (score and band "
    "only); docs/report.md, \"Detail\"."};
static const cli_option opt_keep_going = {
    OPT_KEEP_GOING,
    0,
    "keep-going",
    NULL,
    CLI_NONE,
    NULL,
    "Exit 0 even when lines are not valid candidates or an assessment fails (their records still "
    "say so), and end with a summary line on standard error: for pipelines that handle bad "
    "records themselves."};
static const cli_option opt_progress = {
    OPT_PROGRESS,
    0,
    "progress",
    "WHEN",
    CLI_CHOICE,
    "auto always never",
    "A progress line on standard error (count, rate, problems, time left for a file): auto (the "
    "default: when standard error is a terminal), always or never."};

static const cli_option opt_expect_fp = {
    OPT_EXPECT_FP,
    0,
    "expect-fingerprint",
    "SHA256",
    CLI_TEXT,
    NULL,
    "Refuse to run (exit 4) unless the loaded plugins and parameters have this fingerprint "
    "(--print-fingerprint, cadre list -v): every shard of a distributed run uses the same "
    "assessments (docs/scale.md)."};
static const cli_option opt_print_fp = {
    OPT_PRINT_FP,
    0,
    "print-fingerprint",
    NULL,
    CLI_NONE,
    NULL,
    "Print the fingerprint of the plugins and parameters these options load, and exit: SHA-256 "
    "over the engine version and each plugin's name, version, kind, file hash and parameters."};
static const cli_option opt_source_name = {
    OPT_SOURCE_NAME,
    0,
    "source-name",
    "NAME",
    CLI_TEXT,
    NULL,
    "The input's name in each record's source (NAME:LINE), instead of FILE or <stdin>: for a "
    "shard of a larger file."};
static const cli_option opt_line_offset = {
    OPT_LINE_OFFSET,
    0,
    "line-offset",
    "N",
    CLI_NUMBER,
    NULL,
    "Number lines from N + 1 in sources and messages: for a shard that starts after line N of "
    "the whole file, so that its records say what a single run would."};

static const cli_option *const batch_options[] = {
    &opt_assessments, &opt_set,      PLUGIN_OPTIONS, &opt_jobs,     &opt_detail,
    &opt_keep_going,  &opt_progress, &opt_expect_fp, &opt_print_fp, &opt_source_name,
    &opt_line_offset, &opt_record,   &opt_mask,      &opt_help,     NULL};

static const cli_command cmd_batch_spec = {
    "batch",
    "[FILE|-]",
    CLI_FILE,
    "assess a stream of candidates, one JSON object per line",
    "Read candidates as JSON Lines (one JSON object per line) from FILE or standard input, and "
    "write one compact JSON report per line, in input order, so that output line n answers the "
    "n-th candidate. Blank lines are skipped. A line that is not a valid candidate gives a record "
    "with an \"error\" member naming the line and every problem, so no record is lost "
    "(docs/report.md); every record carries the candidate's id when it has one.\n\n"
    "Candidates are assessed in parallel (-j), and each record is written as soon as it and every "
    "record before it are done, flushed at once when the output is a pipe, so cadre batch works as "
    "a co-process. docs/scale.md shows how to run it across machines.",
    batch_options,
    "0\tevery line was assessed (with --keep-going, also when some were not)\n"
    "1\tan assessment produced an error result\n"
    "2\tusage error\n"
    "3\ta line was not a valid candidate (its record says why)\n"
    "4\t-a named an assessment that is not loaded, or none are, or the plugins do not have "
    "the --expect-fingerprint\n"
    "5\tinternal error, or a report could not be written",
    "cadre batch candidates.jsonl > reports.jsonl\tone report line per candidate line\n"
    "producer | cadre batch -a coo_readiness\tfrom a pipe, one assessment\n"
    "cadre batch -j 8 --detail scores --keep-going big.jsonl\tscores only, eight engines, bad "
    "lines reported but not fatal"};

/* ---- list ---- */

static const cli_option opt_list_format = {
    'f',
    'f',
    "format",
    "FORMAT",
    CLI_CHOICE,
    "text json names params",
    "text (the default), json, names (one plugin name per line) or params (each parameter as "
    "PLUGIN.KEY=, or one line per choice as PLUGIN.KEY=VALUE), the last two for scripts and "
    "shell completion."};
static const cli_option opt_list_verbose = {
    'v',
    'v',
    "verbose",
    NULL,
    CLI_NONE,
    NULL,
    "Also show each plugin's description, file, SHA-256, where it runs, the inputs it reads, its "
    "parameters, and what confines worker processes."};

static const cli_option *const list_options[] = {&opt_list_format, &opt_list_verbose,
                                                 PLUGIN_OPTIONS, &opt_help, NULL};

static const cli_command cmd_list_spec = {
    "list",
    "",
    CLI_NONE,
    "list the assessments that are loaded, and any refused",
    "List the assessments on the plugin search path (-P folders, $CADRE_PLUGIN_PATH, the user "
    "folder, the built-in folder): name, kind, version, where it runs and title; then every "
    "plugin file that was refused, with its line and the reason. Listing loads plugins, so "
    "untrusted ones load in worker processes here too.",
    list_options,
    "0\tno plugin was refused\n"
    "1\tsome plugin was refused\n"
    "2\tusage error\n"
    "5\tinternal error, or the list could not be written",
    "cadre list -v\tevery plugin with its inputs and parameters\n"
    "cadre list -P ./rubrics\tincluding the rubrics of a folder"};

/* ---- validate ---- */

static const cli_option opt_validate_format = {
    'f', 'f', "format", "FORMAT", CLI_CHOICE, "text json", "text (the default) or json."};
static const cli_option opt_quiet = {
    'q', 'q', "quiet", NULL, CLI_NONE, NULL, "Print nothing; only the exit status tells."};
static const cli_option opt_strict = {
    OPT_STRICT,
    0,
    "strict",
    NULL,
    CLI_NONE,
    NULL,
    "Count warnings (an unknown field, an unknown id, an item listed twice) as errors: the "
    "reading of docs/candidate.schema.json."};

static const cli_option *const validate_options[] = {&opt_validate_format, &opt_quiet, &opt_strict,
                                                     &opt_help, NULL};

static const cli_command cmd_validate_spec = {
    "validate",
    "FILE...",
    CLI_FILE,
    "check candidate files against the schema",
    "Check each candidate FILE (- reads standard input) and print every problem with its field "
    "path, or with line and column for malformed JSON. Warnings, such as an unknown skill id, do "
    "not make a file invalid unless --strict is given. docs/candidate.md, \"The schema and cadre "
    "validate\", lists what a JSON Schema validator cannot check.",
    validate_options,
    "0\tevery file is valid\n"
    "2\tusage error\n"
    "3\tsome file is invalid or unreadable\n"
    "5\tinternal error, or the output could not be written",
    "cadre validate me.json\tevery problem, with its field\n"
    "cadre validate --strict -q *.json\tonly the exit status, warnings counting"};

/* ---- interview ---- */

static const cli_option opt_all_skills = {
    OPT_ALL_SKILLS,
    0,
    "all-skills",
    NULL,
    CLI_NONE,
    NULL,
    "Ask every skill of the vocabulary, not only those of the target role's profile."};
static const cli_option opt_no_assess = {OPT_NO_ASSESS,
                                         0,
                                         "no-assess",
                                         NULL,
                                         CLI_NONE,
                                         NULL,
                                         "Do not offer to assess the profile at the end."};

static const cli_option *const interview_options[] = {
    &opt_all_skills, &opt_no_assess, PLUGIN_OPTIONS, &opt_color, &opt_ascii, &opt_help, NULL};

static const cli_command cmd_interview_spec = {
    "interview",
    "[FILE]",
    CLI_FILE,
    "answer questions to write or update a profile",
    "Ask plain questions about a person's career, grouped the way people think of it (the work "
    "so far, the current role and its scope, education and certifications, industries, skills, "
    "achievements, what they want), and write the answers to FILE (default: profile.json) as a "
    "candidate profile. Each skill comes with what each level from 0 to 5 looks like for that "
    "skill; only the skills of the target role's profile are asked unless --all-skills. Every "
    "answer is checked at once, by the same loader cadre assess uses, and asked again with the "
    "reason when it is not accepted. A FILE that exists is edited: its answers are the "
    "defaults, Enter keeps one, - clears it, ? explains the question, quit stops. The file is "
    "saved after every answer, through a temporary file renamed into place, so an interview "
    "stopped at any point (quit, the end of the input, Ctrl-C) loses nothing already answered. "
    "At the end it offers to assess the profile.\n\n"
    "Answers are read line by line from standard input, so a script can pipe them in; then each "
    "answer is echoed after its question. docs/self-assessment.md walks through it.",
    interview_options,
    "0\tthe interview ended or was stopped, and what was answered is saved\n"
    "1\tFILE could not be written\n"
    "2\tusage error\n"
    "3\tFILE exists but is not a JSON object, or standard input is closed\n"
    "5\tinternal error",
    "cadre interview me.json\tanswer the questions; me.json is written as you go\n"
    "cadre interview --all-skills me.json\tupdate it, rating every skill\n"
    "printf '%s\\n' 'Ana Ruiz' 1 18 ... | cadre interview --no-assess me.json\tfrom a script"};

/* ---- import ---- */

static const cli_option opt_import_output = {
    'o',
    'o',
    "output",
    "FILE",
    CLI_FILE,
    NULL,
    "Write the draft profile to FILE (through a temporary file renamed into place) and the "
    "account of what was inferred to standard output. Without it the profile goes to standard "
    "output and the account to standard error."};
static const cli_option opt_force = {OPT_FORCE,
                                     0,
                                     "force",
                                     NULL,
                                     CLI_NONE,
                                     NULL,
                                     "Replace FILE when it exists (it is kept otherwise)."};
static const cli_option opt_as_of = {
    OPT_AS_OF,
    0,
    "as-of",
    "DATE",
    CLI_TEXT,
    NULL,
    "Count positions without an end date up to DATE (YYYY-MM-DD) instead of today, so that a "
    "draft can be made again with the same years."};

static const cli_option *const import_options[] = {&opt_import_output, &opt_force, &opt_as_of,
                                                   &opt_help, NULL};

static const cli_command cmd_import_spec = {
    "import",
    "RESUME",
    CLI_FILE,
    "make a draft profile from a JSON Resume document",
    "Read RESUME, a JSON Resume document (jsonresume.org; - reads standard input), and write a "
    "draft candidate profile: total, management, executive and operations years from the work "
    "history (overlapping positions counted once), the current role, years per industry from "
    "the employers' and positions' words, education, certificates and skills mapped to the "
    "vocabularies (with \"did you mean\" for the rest), and achievements from the highlights. "
    "Every inferred value is listed with what it came from, so you can confirm it; what a "
    "résumé cannot say (scope, preferences, targets) is listed too. Contact details and any "
    "demographic field (birth date, gender, nationality, photo, ...) are never carried.\n\n"
    "A résumé with a broken entry (a date that is not YYYY, YYYY-MM or YYYY-MM-DD, an end before "
    "its start, a member of the wrong type, a position without a start) is refused, with every "
    "problem named by its place in the document. docs/self-assessment.md shows the whole way "
    "from a résumé to a report.",
    import_options,
    "0\tthe draft was written\n"
    "1\tFILE exists (without --force) or could not be written\n"
    "2\tusage error\n"
    "3\tRESUME is unreadable, not JSON, or has a broken entry\n"
    "5\tinternal error, or the output could not be written",
    "cadre import resume.json -o me.json\ta draft profile in me.json, and what to check\n"
    "cadre import --as-of 2026-01-01 resume.json\tthe same years whenever it is run"};

/* ---- verify ---- */

static const cli_option opt_verify_format = {
    'f', 'f', "format", "FORMAT", CLI_CHOICE, "text json", "text (the default) or json."};

static const cli_option *const verify_options[] = {&opt_verify_format, PLUGIN_OPTIONS, &opt_help,
                                                   NULL};

static const cli_command cmd_verify_spec = {
    "verify",
    "RECORD...",
    CLI_FILE,
    "replay decision records and say whether they still hold",
    "Replay each decision RECORD (written by cadre assess or cadre batch with --record) with the "
    "plugins found now and the record's parameters and assessments, and say \"identical\", or "
    "exactly what differs (each assessment's band and score, each criterion, the findings) and "
    "why it may (the engine's version, a plugin's file, version or parameters then and now). "
    "Unless fields were masked, it also checks that the record's candidate still hashes to its "
    "candidate_sha256, so an edited record is found. docs/audit.md.",
    verify_options,
    "0\tevery record replays identically\n"
    "1\tsome record differs\n"
    "2\tusage error\n"
    "3\ta record is unreadable or not a decision record\n"
    "5\tinternal error",
    "cadre verify records/*.json\tevery record, one line each when identical\n"
    "cadre verify -P old-plugins records/*.json\twith another set of plugins first"};

/* ---- audit ---- */

static const cli_option opt_audit_format = {
    'f',
    'f',
    "format",
    "FORMAT",
    CLI_CHOICE,
    "text json html",
    "text (the default), json, or html (one self-contained page with a chart of the impact "
    "ratios per category)."};
static const cli_option opt_groups = {
    OPT_GROUPS,
    0,
    "groups",
    "CSV",
    CLI_FILE,
    NULL,
    "The group labels (required): a CSV file whose first row is id and one column per "
    "category (such as id,sex,race_ethnicity), then a row per candidate id. An empty label is "
    "\"(not stated)\". The labels stay in this file: a candidate profile refuses them."};
static const cli_option opt_select = {
    OPT_SELECT,
    0,
    "select",
    "ASSESSMENT=BANDS",
    CLI_TEXT,
    NULL,
    "Count a candidate as selected by ASSESSMENT when its band is one of BANDS "
    "(comma-separated), and report selection rates and their impact ratios too (repeatable), "
    "e.g. \"coo_readiness=ready now,ready in 1-2 years\"."};
static const cli_option opt_threshold = {
    OPT_THRESHOLD,
    0,
    "threshold",
    "ASSESSMENT=SCORE",
    CLI_TEXT,
    NULL,
    "Count a candidate as selected by ASSESSMENT at SCORE or more (repeatable)."};
static const cli_option opt_min_share = {
    OPT_MIN_SHARE,
    0,
    "min-share",
    "FRACTION",
    CLI_TEXT,
    NULL,
    "Leave groups under this share of the sample out of the comparison, with a note (default "
    "0.02: Local Law 144 allows leaving out groups under 2%)."};

static const cli_option *const audit_options[] = {
    &opt_groups, &opt_select, &opt_threshold, &opt_min_share, &opt_audit_format, &opt_help, NULL};

static const cli_command cmd_audit_spec = {
    "audit",
    "RESULTS",
    CLI_FILE,
    "bias audit of batch results: rates and impact ratios",
    "Join RESULTS, the output of cadre batch (- reads standard input), with the group labels of "
    "--groups by candidate id, and report for each assessment, per category and per "
    "intersection of categories: the count and share of each group, its scoring rate (the share "
    "scoring above the whole sample's median, as New York City's Local Law 144 defines it for "
    "scores), its selection rate when --select or --threshold says what selection is, each "
    "rate's impact ratio against the group with the highest rate, a flag where that ratio is "
    "under 0.8 (the four-fifths rule), and the groups too small to judge. For each flagged "
    "group it names the criteria that contribute most to the gap: the difference in the mean "
    "of each criterion's part of the score (its share of the weight times its score) between "
    "the best group and this one. Records without an id or a group row, and lines that are not "
    "records, are counted and named, never dropped silently. docs/audit.md says what this is "
    "and is not.",
    audit_options,
    "0\tthe audit was written\n"
    "2\tusage error\n"
    "3\tRESULTS or the groups file is unreadable, or the groups file is malformed\n"
    "5\tinternal error, or the output could not be written",
    "cadre batch people.jsonl > results.jsonl; cadre audit results.jsonl --groups groups.csv\t"
    "scoring rates and impact ratios\n"
    "cadre audit results.jsonl --groups groups.csv --select 'coo_readiness=ready now' -f html > "
    "audit.html\tselection rates too, as a page"};

/* ---- card ---- */

static const cli_option opt_card_format = {
    'f',
    'f',
    "format",
    "FORMAT",
    CLI_CHOICE,
    "markdown json",
    "markdown (the default: a page to read, or to publish) or json."};

static const cli_option *const card_options[] = {&opt_card_format, PLUGIN_OPTIONS, &opt_help, NULL};

static const cli_command cmd_card_spec = {
    "card",
    "NAME",
    CLI_ASSESSMENTS,
    "write an assessment's card: how it judges, and why",
    "Write the card of assessment NAME, generated from the plugin itself: its file, SHA-256, "
    "version and where it runs; the inputs it reads and its parameters; its criteria and their "
    "weights, as the plugin gives them on a reference profile; and, from NAME.card.json beside "
    "the plugin, its purpose, how each criterion is scored and the source of each number, its "
    "bands and its known limitations; then its tests (NAME_test.lua beside it), run now. "
    "Whatever is missing is flagged: a criterion without a stated source, no bands, no "
    "limitations, no tests. docs/audit.md, \"Rubric cards\", describes NAME.card.json.",
    card_options,
    "0\tthe card is complete\n"
    "1\tthe card has flags (listed at its end)\n"
    "2\tusage error\n"
    "4\tno assessment NAME is loaded\n"
    "5\tinternal error, or the output could not be written",
    "cadre card coo_readiness > coo_readiness.md\tthe card of a built-in\n"
    "cadre card -P rubrics my_rubric\tof your own rubric, flags and all"};

/* ---- diff ---- */

static const cli_option opt_on = {
    OPT_ON,
    0,
    "on",
    "CANDIDATES",
    CLI_FILE,
    NULL,
    "The candidates to assess with both versions (required): JSON Lines, one candidate per line "
    "(- reads standard input)."};
static const cli_option opt_diff_format = {
    'f', 'f', "format", "FORMAT", CLI_CHOICE, "text json", "text (the default) or json."};
static const cli_option opt_diff_isolate = {
    OPT_ISOLATE,
    0,
    "isolate",
    "WHAT",
    CLI_CHOICE,
    "untrusted native all none",
    "Where the plugins of both folders run (default untrusted: each in a worker process)."};

static const cli_option *const diff_options[] = {
    &opt_on,         &opt_diff_format,  &opt_set,  &opt_lua_time,
    &opt_lua_memory, &opt_diff_isolate, &opt_help, NULL};

static const cli_command cmd_diff_spec = {
    "diff",
    "OLD NEW",
    CLI_DIR,
    "the impact of a rubric change, before it is deployed",
    "Assess every candidate of --on with the plugins of folder OLD and with those of folder NEW "
    "(each "
    "folder alone: no built-ins, no user folder), and report for each assessment both have: how "
    "many candidates change band, from which band to which, how many move up and down and by "
    "how much on average, the largest moves (by line and id), and the criteria whose part of the "
    "score (share of the weight times score) moved most. Plugins only one folder has are named. "
    "docs/audit.md, \"Impact of a change\".",
    diff_options,
    "0\tcompared\n"
    "2\tusage error\n"
    "3\ta candidate line was not valid (the others were compared)\n"
    "4\ta folder has no plugins or one cannot be loaded\n"
    "5\tinternal error",
    "cadre diff rubrics-v1 rubrics-v2 --on candidates.jsonl\twhat v2 would change\n"
    "cadre diff build/plugins my-plugins --on people.jsonl -f json\tthe built-ins against your "
    "copy"};

/* ---- compare ---- */

static const cli_option opt_compare_format = {
    'f',
    'f',
    "format",
    "FORMAT",
    CLI_CHOICE,
    "text json html",
    "text (the default), json (one document, docs/cli.md describes it) or html (one "
    "self-contained page with a chart of the scores then and now)."};

static const cli_option *const compare_options[] = {
    &opt_assessments, &opt_compare_format, &opt_set, PLUGIN_OPTIONS, &opt_ascii, &opt_help, NULL};

static const cli_command cmd_compare_spec = {
    "compare",
    "OLD NEW",
    CLI_FILE,
    "show progress between two profiles of the same person",
    "Assess OLD and NEW, two profiles of the same person written at different times (- reads "
    "one of them from standard input), with the same plugins, and show how each assessment's "
    "score and band moved, what changed in the profile (each field with its old and new value, "
    "lists as what was added and removed), and which gaps were closed and which are new. A "
    "different id or name in the two files is pointed out. docs/self-assessment.md shows it in "
    "use.",
    compare_options,
    "0\tcompared\n"
    "1\tan assessment produced an error result, or a plugin was refused\n"
    "2\tusage error\n"
    "3\tOLD or NEW is unreadable or invalid\n"
    "4\t-a named an assessment that is not loaded, or none are\n"
    "5\tinternal error, or the output could not be written",
    "cadre compare me-2025.json me-2026.json\twhat moved in a year\n"
    "cadre compare --format html old.json new.json > progress.html\tthe same as a page"};

/* ---- vocab and schema ---- */

static const cli_option opt_vocab_format = {
    'f',
    'f',
    "format",
    "FORMAT",
    CLI_CHOICE,
    "text markdown json ids",
    "text (the default), markdown, json, or ids (one id per line)."};

static const cli_option *const vocab_options[] = {&opt_vocab_format, &opt_help, NULL};

static const cli_command cmd_vocab_spec = {
    "vocab",
    "[NAME]",
    CLI_VOCAB,
    "print the skill, industry and other vocabularies",
    "Print the controlled vocabularies a candidate's ids come from: skill, industry, "
    "certification, tool, field (of study) and function, each id with its meaning. Without NAME, "
    "all of them.",
    vocab_options,
    "0\tprinted\n"
    "2\tusage error, or no vocabulary NAME\n"
    "5\tthe output could not be written",
    "cadre vocab skill\tthe skill ids a profile can rate\n"
    "cadre vocab industry --format ids\tthe industry ids alone"};

static const cli_option *const help_only[] = {&opt_help, NULL};

static const cli_command cmd_schema_spec = {
    "schema",
    "",
    CLI_NONE,
    "print the candidate JSON Schema",
    "Print the JSON Schema (2020-12) of a candidate file, generated from the tables the loader "
    "checks against; docs/candidate.schema.json is its output. Point an editor at it with "
    "\"$schema\" in a candidate file.",
    help_only,
    "0\tprinted\n"
    "2\tusage error\n"
    "5\tthe output could not be written",
    "cadre schema > candidate.schema.json\ta copy for an editor"};

/* ---- test and new ---- */

static const cli_option *const test_options[] = {
    &opt_lua_time, &opt_lua_memory, &opt_native_time, &opt_isolate, &opt_trust, &opt_help, NULL};

static const cli_command cmd_test_spec = {
    "test",
    "FILE|DIR...",
    CLI_TEST_PATH,
    "run rubric tests and print TAP",
    "Run rubric tests: files named NAME_test.lua, or every such file in a folder. Each test file "
    "names the rubric it tests (by default NAME.lua or NAME.so beside it) and lists candidates "
    "with the results expected (docs/rubric-authoring.md). The results are printed as TAP, one "
    "line per test, with what differed under each failure, so prove --exec 'cadre test' runs "
    "them too. A test file that cannot run, or whose rubric is refused, is one failed test that "
    "says why. The rubric under test runs in a worker process unless its folder is trusted.",
    test_options,
    "0\tevery test passed\n"
    "1\ta test failed or could not run\n"
    "2\tusage error, or a folder without tests\n"
    "5\tthe output could not be written",
    "cadre test rubrics\tevery *_test.lua in rubrics/\n"
    "prove --exec 'cadre test' rubrics/*_test.lua\tthe same under prove"};

static const cli_option opt_dir = {
    'd', 'd', "dir", "DIR", CLI_DIR, NULL, "Write the files in DIR (default: the current folder)."};

static const cli_option *const new_options[] = {&opt_dir, &opt_help, NULL};

static const cli_command cmd_new_spec = {
    "new",
    "NAME",
    CLI_TEXT,
    "write a starting rubric and its tests",
    "Write NAME.lua, a starting rubric with two criteria and bands, and NAME_test.lua, tests for "
    "it that pass as written. NAME is lowercase letters, digits and '_', starting with a letter. "
    "Existing files are never overwritten. Then edit the rubric and run cadre test.",
    new_options,
    "0\tboth files written\n"
    "1\ta file exists already, or could not be written\n"
    "2\tusage error, or NAME is not a rubric name\n"
    "5\tthe output could not be written",
    "cadre new -d rubrics cfo_readiness\trubrics/cfo_readiness.lua and its tests"};

/* ---- help and completion ---- */

static const cli_option opt_man = {
    OPT_MAN, 0, "man", NULL, CLI_NONE, NULL, "Print the manual page (roff) instead of the help."};
static const cli_option opt_man_pages = {
    OPT_MAN_PAGES,
    0,
    "man-pages",
    "DIR",
    CLI_DIR,
    NULL,
    "Write every manual page, cadre.1 and cadre-COMMAND.1, into DIR (for packagers)."};

static const cli_option *const help_options[] = {&opt_man, &opt_man_pages, &opt_help, NULL};

static const cli_command cmd_help_spec = {
    "help",
    "[COMMAND]",
    CLI_COMMAND,
    "print the help of cadre or of one command",
    "Print the help of COMMAND, as cadre COMMAND --help does, or of cadre itself. The manual "
    "pages are made from the same text.",
    help_options,
    "0\tprinted\n"
    "2\tno such command\n"
    "5\tthe output could not be written",
    "cadre help assess\tthe options of assess\n"
    "cadre help --man assess | man -l -\tits manual page"};

static const cli_command cmd_completion_spec = {
    "completion",
    "SHELL",
    CLI_SHELL,
    "print the shell completion script for bash or zsh",
    "Print a script that completes cadre's commands, options, option values, plugin names, "
    "parameters and vocabulary names in SHELL (bash or zsh). Installed packages put both "
    "where the shells look; otherwise load it from a start-up file.",
    help_only,
    "0\tprinted\n"
    "2\tusage error, or a shell other than bash or zsh\n"
    "5\tthe output could not be written",
    "source <(cadre completion bash)\tin ~/.bashrc\n"
    "cadre completion zsh > ~/.zfunc/_cadre\twith ~/.zfunc on $fpath"};

const cli_command *const cli_commands[] = {
    &cmd_assess_spec,   &cmd_batch_spec,      &cmd_list_spec,
    &cmd_validate_spec, &cmd_interview_spec,  &cmd_import_spec,
    &cmd_compare_spec,  &cmd_verify_spec,     &cmd_audit_spec,
    &cmd_card_spec,     &cmd_diff_spec,       &cmd_vocab_spec,
    &cmd_schema_spec,   &cmd_test_spec,       &cmd_new_spec,
    &cmd_help_spec,     &cmd_completion_spec, NULL};

const cli_command *cli_command_find(const char *name)
{
    for (const cli_command *const *c = cli_commands; *c; c++)
        if (strcmp((*c)->name, name) == 0) return *c;
    return NULL;
}
