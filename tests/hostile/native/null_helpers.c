/* SPDX-License-Identifier: MIT */
/* Calls every host function with NULL arguments, then behaves.
 * class: 10
 * expect: ok
 * modes: untrusted all none
 */
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c;
    h->vocab_label(NULL, NULL);
    h->vocab_label("skill", NULL);
    h->vocab_label(NULL, "leadership");
    h->vocab_extra(NULL, NULL);
    h->param(NULL, NULL);
    h->param(p, NULL);
    h->param_number(NULL, NULL, 0);
    h->criterion(NULL, "a", "A", 1, 1, "x");
    h->missing(NULL, NULL, NULL);
    h->finding(NULL, CADRE_FINDING_GAP, "x");
    h->recommend(NULL, "x");
    h->rank(NULL, "a", "A", 1, "x");
    h->detail(NULL, "k", "v");
    h->set_score(NULL, 1);
    h->set_band(NULL, "x");
    h->set_summary(NULL, "x");
    h->fail(NULL, "x");
    return hostile_ok(h, b, "survived NULL calls");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_null_helpers")
