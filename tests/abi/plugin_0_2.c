/* SPDX-License-Identifier: MIT */
/*
 * tests/abi/plugin_0_2.c - a plugin built against the headers of cadre 0.2.0 (include-0.2/),
 * as a plugin author's binary would be. It reads the candidate the way the ABI rules say (lists
 * through CADRE_ITEM, newer host functions only after CADRE_HOST_HAS) and writes everything it
 * read into its evidence, which tests/unit/test_abi.c compares with what the candidate holds.
 */
#include <string.h>

#include <cadre/plugin.h>

static int assess(void *state, const cadre_host *h, const cadre_candidate *c,
                  const cadre_params *params, cadre_builder *b)
{
    double years = 0, best_impact = -1;
    const char *top = "-";
    int top_level = -1;

    (void)state;
    (void)params;
    for (size_t i = 0; i < c->skills.count; i++) {
        const cadre_skill *s = CADRE_ITEM(cadre_skill, c->skills, i);

        if (s->level > top_level) top_level = s->level, top = s->id;
    }
    for (size_t i = 0; i < c->industries.count; i++)
        years += CADRE_ITEM(cadre_industry, c->industries, i)->years;
    for (size_t i = 0; i < c->achievements.count; i++) {
        const cadre_achievement *a = CADRE_ITEM(cadre_achievement, c->achievements, i);

        if (a->impact_pct.set && a->impact_pct.value > best_impact)
            best_impact = a->impact_pct.value;
    }
    h->criterion(b, "read", "What an ABI 2 plugin reads", 1, 50,
                 "name=%s management=%g skills=%zu top=%s:%d industry_years=%g achievements=%zu "
                 "best_impact=%g host=%u",
                 c->name ? c->name : "-", c->experience.management_years.value, c->skills.count,
                 top, top_level, years, c->achievements.count, best_impact,
                 (unsigned)(h->struct_size >= sizeof(cadre_host)));
    h->detail(b, "skill_label", "%s", h->vocab_label("skill", "leadership"));
    h->set_band(b, "read");
    return 0;
}

static const cadre_plugin_info info = {sizeof(cadre_plugin_info),
                                       CADRE_PLUGIN_ABI_VERSION,
                                       "abi_0_2",
                                       "0.2.0",
                                       "ABI 0.2 plugin",
                                       "Built against the plugin headers of cadre 0.2.0.",
                                       NULL,
                                       NULL,
                                       NULL,
                                       assess,
                                       NULL};
CADRE_PLUGIN_DEFINE(info)
