#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# The expert panel (tests/expert/panel.json): people written with the verdicts an experienced
# recruiter expects, before the assessments were tuned. cadre must agree on the readiness band
# and the top industry for at least 90% of them (issue 10); every disagreement on any verdict
# must be explained in the person's "differs" note, so the file says where cadre and the expert
# part and why; implausible people carry a warning and never come out "ready now" or "senior".
import json, os, subprocess, sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
cadre = os.environ.get("CADRE_BIN", os.path.join(root, "build", "cadre"))
env = dict(os.environ, NO_COLOR="", XDG_DATA_HOME="/nonexistent/xdg-data")
env.pop("CADRE_PLUGIN_PATH", None)

with open(os.path.join(root, "tests", "expert", "panel.json"), encoding="utf-8") as f:
    people = json.load(f)["people"]
lines = "".join(json.dumps(p["profile"]) + "\n" for p in people)
proc = subprocess.run([cadre, "batch", "-j", "2", "--no-user-plugins", "-"], input=lines,
                      capture_output=True, text=True, env=env)
records = [json.loads(l) for l in proc.stdout.splitlines()]

n = 0
failed = 0
def ok(cond, name):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, name))
    failed += 0 if cond else 1

def diag(text):
    for l in text.splitlines():
        print("# " + l)

ok(proc.returncode == 0 and len(records) == len(people),
   "cadre batch assessed all %d people (exit %d)" % (len(people), proc.returncode))
if len(records) != len(people):
    diag(proc.stderr)
    print("1..%d" % n)
    sys.exit(1)

def level_of(text):
    for word in ("senior", "mid-level", "entry-level"):
        if ("a %s COO" % word) in text or ("an %s COO" % word) in text:
            return word
    return "below entry-level"

def verdicts(rec):
    a = {x["name"]: x for x in rec["assessments"]}
    gaps = [r["id"] for r in a["skills_gap"]["ranking"][:5]]
    return {
        "readiness": a["coo_readiness"]["band"],
        "career_level": level_of(a["coo_readiness"]["details"].get("career_level", "")),
        "top_industry": a["industry_fit"]["ranking"][0]["id"],
        "role_fit": a["role_fit"]["band"],
        "top_gaps": gaps,
    }

agree = {k: 0 for k in ("readiness", "career_level", "top_industry", "role_fit", "top_gaps")}
unexplained = []
for p, rec in zip(people, records):
    want, got = p["expect"], verdicts(rec)
    pid = p["profile"]["id"]
    parted = []
    for k in ("readiness", "career_level", "top_industry", "role_fit"):
        if got[k] == want[k]:
            agree[k] += 1
        else:
            parted.append("%s: expert '%s', cadre '%s'" % (k, want[k], got[k]))
    # top gaps agree when the expert's first named gap is among cadre's top five, or both
    # say there is none worth naming
    wg = want["top_gaps"]
    if (not wg and not got["top_gaps"]) or (wg and wg[0] in got["top_gaps"]) or not wg:
        agree["top_gaps"] += 1
    else:
        parted.append("top_gaps: expert %s first, cadre %s" % (wg[0], got["top_gaps"]))
    if parted:
        diag("%s: %s" % (pid, "; ".join(parted)))
        if not p.get("differs"):
            unexplained.append(pid)

total = len(people)
for k, v in agree.items():
    diag("%-13s %2d of %d agree (%.0f%%)" % (k, v, total, 100.0 * v / total))
ok(agree["readiness"] >= 0.9 * total,
   "readiness band agrees for at least 90%% (%d of %d)" % (agree["readiness"], total))
ok(agree["top_industry"] >= 0.9 * total,
   "top industry agrees for at least 90%% (%d of %d)" % (agree["top_industry"], total))
# Not required by the issue, but held so that a rubric change cannot quietly undo them: the
# career level and the role verdict agreed for 23 and 20 of 23 when the panel was last run.
ok(agree["career_level"] >= 0.8 * total,
   "career level agrees for at least 80%% (%d of %d)" % (agree["career_level"], total))
ok(agree["role_fit"] >= 0.75 * total,
   "role fit agrees for at least 75%% (%d of %d)" % (agree["role_fit"], total))
ok(not unexplained, "every disagreement is explained in the panel's differs notes%s"
   % ("" if not unexplained else ": missing for " + ", ".join(unexplained)))

# The implausible person: warnings, and never "ready now" or "senior".
for p, rec in zip(people, records):
    if p["profile"]["id"] != "x-implausible":
        continue
    got = verdicts(rec)
    ok(len(rec["warnings"]) >= 3, "the implausible profile carries warnings (%d)" % len(rec["warnings"]))
    ok(got["readiness"] != "ready now" and got["career_level"] != "senior",
       "the implausible profile is neither ready now nor senior (%s, %s)"
       % (got["readiness"], got["career_level"]))
print("1..%d" % n)
sys.exit(1 if failed else 0)
