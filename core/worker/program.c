/* SPDX-License-Identifier: MIT */
/*
 * core/worker/program.c - cadre-worker, the program an isolated plugin runs in.
 *
 * libcadre starts it (core/worker/remote.c) with its channel on descriptor 3 and sends what to
 * load as the first frame; the work is in worker.c. It is installed beside the built-in plugins
 * (LIBDIR/cadre/cadre-worker), where the shared library finds it.
 */
#include "worker/worker.h"

int main(void)
{
    return cadre__worker_program_main();
}
