/* SPDX-License-Identifier: MIT */
/* Evidence, a finding and a summary full of terminal escapes, C1 controls and a bidi override:
 * valid UTF-8, so accepted, and escaped wherever they are printed.
 * class: 5
 * expect: ok
 * check: text
 */
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    h->criterion(b, "a", "Label\x1b[31m", 1, 50,
                 "ev \x1b]0;pwned\x07 \xc2\x9b"
                 "2J \xe2\x80\xae");
    h->finding(b, CADRE_FINDING_GAP, "gap\x1b]52;c;cHduZWQ=\x07");
    h->recommend(b, "do\x07this");
    h->set_summary(b, "summary\x1b[2J\xe2\x81\xa6x");
    h->set_band(b, "band\x1b[5m");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_evidence_escapes")
