/*
 * core/isolate.h - running assessments in a worker process, so that a plugin that crashes,
 * hangs, or is stuck inside a C library call costs one error result, not the whole run.
 */
#ifndef CADRE_ISOLATE_H
#define CADRE_ISOLATE_H

#include <cjson/cJSON.h>

#include "engine_internal.h"
#include "report.h"

/* The candidate as compact JSON the loader accepts (malloc'd; NULL on OOM). */
char *cadre__candidate_to_json(const cadre_candidate *c);

/* A finished result as the report's JSON object (render_json.c). */
cJSON *cadre__assessment_json(const cadre_result *res);

/* Replays a result object (as cadre__assessment_json writes it) into a builder. Every value is
 * checked again by the builder: the worker's output is not trusted. Returns 0, or -1 with the
 * builder failed and saying why. */
int cadre__result_from_json(cadre_builder *b, const cJSON *j);

/* Runs plugins[0..n) on `c` in the engine's worker, in two halves so that the caller can work
 * while the worker does: send() starts the worker if needed and sends the request (0, or -1
 * if there is no worker); receive() collects one result per plugin into out[i] (strings in the
 * report's arena), with `sent` saying whether send() succeeded. A plugin that crashes or
 * overruns its deadline gets an error result and a new worker runs the rest. */
int cadre__worker_send(cadre_engine *e, cadre__plugin *const *plugins, size_t n,
                       const cadre_candidate *c);
/* Starts the worker now, while the process holds little: it inherits a copy of everything. */
void cadre__worker_start(cadre_engine *e);
void cadre__worker_receive(cadre_engine *e, cadre_report *r, cadre__plugin *const *plugins,
                           size_t n, const cadre_candidate *c, cadre_result *out, int sent);

/* With isolation of every plugin, a rubric file is first loaded in a throwaway child process,
 * under a deadline: a file that hangs while loading (stuck inside a library call) is refused
 * instead of hanging the engine. Returns 0 when the parent may load it (or when no child could
 * be made), or the refusal, in err. */
int cadre__vet_lua(const cadre_engine *e, const char *path, const char *sha256, const char *text,
                   size_t len, cadre_error *err);

/* Stops the engine's worker, if any. */
void cadre__worker_stop(cadre_engine *e);

/* Fills the plugin metadata of a result (shared by the in-process and worker paths). */
void cadre__result_meta(cadre_result *res, const cadre__plugin *p);

#endif
