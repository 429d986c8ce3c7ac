/* SPDX-License-Identifier: MIT */
/* An entry point that never returns.
 * class: 9
 * expect: refused
 * message: loading did not finish within
 */
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "never reached");
}

static const cadre_plugin_info info = {sizeof(cadre_plugin_info),
                                       CADRE_PLUGIN_ABI_VERSION,
                                       "hostile_entry_hang",
                                       "1.0",
                                       "Hostile case",
                                       "hangs",
                                       NULL,
                                       NULL,
                                       NULL,
                                       assess,
                                       NULL};

CADRE_PLUGIN_EXPORT const cadre_plugin_info *cadre_plugin_entry(uint32_t abi);
const cadre_plugin_info *cadre_plugin_entry(uint32_t abi)
{
    volatile unsigned long spin = abi;

    for (;;)
        spin++;
    return &info;
}
