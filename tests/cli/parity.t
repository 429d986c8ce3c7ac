#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# skills_gap and industry_fit are native plugins (plugins/*.c) since issue 9; tests/parity/ keeps
# each as the Lua rubric it was, written with the declarative rubric API (per-person criteria,
# a band hook, the view, whole scores). This test holds the two forms to the same reports, word
# for word, on the sample candidates, the expert panel, 400 generated people, hand-made edge
# cases (nothing given, empty lists, unknown target role) and with each parameter set. It
# checks the C port against the rubric it came from, and the Lua rubric engine against real,
# large rubrics: a change to either assessment is made in both (docs/assessments.md).
import glob, json, os, shutil, subprocess, sys, tempfile

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(root, "tests", "properties"))
import people as gen  # noqa: E402

cadre = os.environ.get("CADRE_BIN", os.path.join(root, "build", "cadre"))
tmp = tempfile.mkdtemp(prefix="cadre-parity.")
env = dict(os.environ, NO_COLOR="", XDG_DATA_HOME=os.path.join(tmp, "xdg"),
           XDG_CACHE_HOME=os.path.join(tmp, "cache"))
env.pop("CADRE_PLUGIN_PATH", None)

n = failed = 0
def ok(cond, name, detail=None):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, name))
    if not cond:
        failed += 1
        for l in (detail or [])[:12]:
            print("# " + l)

# The Lua twins, with the data they read beside them (copied: data files are read only from
# the rubric's own folder, never through a link).
twins = os.path.join(tmp, "twins")
os.makedirs(twins)
for f in ("skills_gap.lua", "industry_fit.lua"):
    shutil.copy(os.path.join(root, "tests", "parity", f), twins)
shutil.copytree(os.path.join(root, "plugins", "data"), os.path.join(twins, "data"))

profiles = []
for f in sorted(glob.glob(os.path.join(root, "docs", "examples", "candidates", "*.json"))):
    p = json.load(open(f))
    p.pop("$schema", None)
    profiles.append(p)
panel = json.load(open(os.path.join(root, "tests", "expert", "panel.json")))["people"]
profiles += [x["profile"] for x in panel]
profiles += gen.people(400, seed=9)
edge = [
    {},
    {"skills": {}, "industries": {}, "certifications": [], "tools": []},
    {"industries": {"retail": 0}},
    {"industries": {"retail": 4}, "skills": {"leadership": 5},
     "targets": {"role": "cfo", "industries": ["retail", "finance"]}},
    {"industries": {"hospitality": 12, "retail": 7}, "certifications": ["pmp", "lean_six_sigma"],
     "tools": ["sap", "excel", "tableau"],
     "targets": {"role": "operations_manager", "industries": ["retail"]}},
    {"skills": {"leadership": {"level": 4, "evidence": "Led three teams"},
                "communication": {"level": 5, "evidence": "Ran the all-hands"}},
     "targets": {"industries": ["energy"]}},
    {"industries": {"nonprofit": 1.5, "education": 0.5},
     "skills": {"regulatory_compliance": 2, "patient_safety": 4, "people_management": 0},
     "targets": {"industries": ["healthcare", "education"]}},
]
for i, p in enumerate(edge):
    profiles.append(dict(p, id="edge-%d" % i, name="Edge %d" % i))
lines = "".join(json.dumps(p) + "\n" for p in profiles)

def batch(extra):
    proc = subprocess.run([cadre, "batch", "-j", "2", "--no-user-plugins",
                           "-a", "skills_gap,industry_fit"] + extra + ["-"],
                          input=lines, capture_output=True, text=True, env=env)
    return proc.returncode, proc.stdout.splitlines(), proc.stderr

def normal(line):
    """A record without what says where the plugin came from (kind, file, hash, error line)."""
    rec = json.loads(line)
    for a in rec.get("assessments", []):
        for k in ("kind", "source", "source_sha256"):
            a.pop(k, None)
        for k in ("file", "line"):
            a.get("error", {}).pop(k, None)
    return rec

def compare(what, extra):
    rc1, native, err1 = batch(extra)
    rc2, lua, err2 = batch(["--no-builtin-plugins", "-P", twins, "--trust", twins] + extra)
    kinds = {a["kind"] for l in native[:1] for a in json.loads(l)["assessments"]}
    ok(kinds == {"native"}, "%s: the built-ins ran as native plugins (%s)" % (what, kinds))
    kinds = {a["kind"] for l in lua[:1] for a in json.loads(l)["assessments"]}
    ok(kinds == {"lua"}, "%s: the twins ran as Lua rubrics (%s)" % (what, kinds))
    ok(rc1 == rc2 and len(native) == len(lua) == len(profiles),
       "%s: %d records each, same exit status" % (what, len(profiles)),
       ["native: rc %d, %d records; %s" % (rc1, len(native), err1[-300:]),
        "lua: rc %d, %d records; %s" % (rc2, len(lua), err2[-300:])])
    diffs = []
    for i, (a, b) in enumerate(zip(native, lua)):
        x, y = normal(a), normal(b)
        if x != y:
            for ax, ay in zip(x["assessments"], y["assessments"]):
                for k in sorted(set(ax) | set(ay)):
                    if ax.get(k) != ay.get(k):
                        diffs.append("record %d, %s.%s: native %s / lua %s" % (
                            i + 1, ax["name"], k, json.dumps(ax.get(k))[:300],
                            json.dumps(ay.get(k))[:300]))
    ok(not diffs, "%s: every report the same, word for word" % what, diffs)
    return native

native = compare("defaults", [])
recs = [json.loads(l) for l in native]
bands = {a["band"] for r in recs for a in r["assessments"]}
ok(len(bands) >= 7, "the comparison covers many verdicts (%d bands)" % len(bands))
ok(any(a["band"] == "not enough information" for r in recs for a in r["assessments"]),
   "... including 'not enough information'")
compare("skills_gap.role=operations_manager, industry_fit.industry=retail",
        ["--set", "skills_gap.role=operations_manager", "--set", "industry_fit.industry=retail"])
bad = compare("skills_gap.role=cfo (no such profile)", ["--set", "skills_gap.role=cfo"])
msgs = {a.get("error", {}).get("message") for l in bad for a in json.loads(l)["assessments"]
        if a["name"] == "skills_gap"}
ok(msgs == {"no role profile data/roles/cfo.json; the built-in roles are coo and "
            "operations_manager"}, "an unknown role is an error naming the file", [str(msgs)])

shutil.rmtree(tmp, ignore_errors=True)
print("1..%d" % n)
sys.exit(1 if failed else 0)
