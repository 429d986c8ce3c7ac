#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# cadre assess --format html (core/render_html.c) on every sample:
#  - self-contained: no script, no external URL, no link or font; one CSP that forbids both;
#  - accessible: lang, a title, one h1 per person, headings in order, every chart an img with
#    a title and a description, tables with header cells;
#  - the charts match the numbers: each gauge's score, each ranking bar's value and width, each
#    skill's level and the role's, against the JSON report of the same person;
#  - untrusted text is escaped: a name with markup comes out as text;
#  - in headless Chromium (installed by scripts/install-deps --test): the page loads with no
#    console error, the DOM has its charts, and it prints to a PDF of several pages.
import glob, html.parser, json, os, re, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import cadre, done, env, ok, root, run  # noqa: E402

class Page(html.parser.HTMLParser):
    """Collects elements (tag, attrs, text inside) and checks nesting."""
    VOID = {"meta", "br", "img", "rect", "line", "link", "input", "hr"}
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements, self.problems, self.text = [], [], [], []
    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": "", "children": []}
        if self.stack:
            self.stack[-1]["children"].append(el)
        self.elements.append(el)
        if tag not in self.VOID:
            self.stack.append(el)
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()
    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1]["tag"] != tag:
            self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1]["tag"] if self.stack else "nothing"))
            return
        self.stack.pop()
    def handle_data(self, data):
        for el in self.stack:
            el["text"] += data
        self.text.append(data)

def parse(text):
    p = Page()
    p.feed(text)
    p.close()
    if p.stack:
        p.problems.append("unclosed: " + ", ".join(e["tag"] for e in p.stack))
    return p

def find(p, tag, cls=None):
    return [e for e in p.elements if e["tag"] == tag and
            (cls is None or cls in e["attrs"].get("class", "").split())]

samples = sorted(glob.glob("docs/examples/candidates/*.json"))
pages = {}
for s in samples:
    out, rc, err = run("assess", "--format", "html", s)
    pages[s] = out
    rep = json.loads(run("assess", "--format", "json", s)[0])["reports"][0]
    name = os.path.basename(s)
    p = parse(out)
    ok(rc == 0 and out.startswith("<!DOCTYPE html>") and not p.problems,
       "%s: an HTML page, every element closed" % name, p.problems + [err])
    bad = [e["tag"] for e in p.elements if e["tag"] in ("script", "link", "img", "iframe", "object")]
    urls = re.findall(r"(?:https?:|//)[^\s\"'<]*", out)
    ok(not bad and not urls and "@import" not in out and "@font-face" not in out,
       "%s: self-contained (no script, link, image, font or URL)" % name, bad + urls)
    csp = [e for e in find(p, "meta") if e["attrs"].get("http-equiv") == "Content-Security-Policy"]
    ok(csp and "default-src 'none'" in csp[0]["attrs"]["content"],
       "%s: its policy forbids any script or fetch" % name)
    heads = [int(e["tag"][1]) for e in p.elements if re.fullmatch(r"h[1-6]", e["tag"])]
    ok(find(p, "html")[0]["attrs"].get("lang") == "en" and find(p, "title")[0]["text"].strip() and
       heads.count(1) == 1 and all(b - a <= 1 for a, b in zip(heads, heads[1:])),
       "%s: lang, a title, one h1 and no skipped heading level" % name, [str(heads)])
    svgs = find(p, "svg")
    unlabelled = [s["attrs"].get("class") for s in svgs
                  if s["attrs"].get("role") != "img" or
                  not [c for c in s["children"] if c["tag"] == "title" and c["text"].strip()] or
                  not [c for c in s["children"] if c["tag"] == "desc" and c["text"].strip()]]
    ok(not unlabelled, "%s: every chart (%d) is an image with a title and a description"
       % (name, len(svgs)), unlabelled)
    # the numbers
    by = {a["name"]: a for a in rep["assessments"]}
    wrong = []
    for g in find(p, "svg", "gauge"):
        a = by[g["attrs"]["data-assessment"]]
        if float(g["attrs"]["data-score"]) != a["score"]:
            wrong.append("gauge %s %s != %s" % (a["name"], g["attrs"]["data-score"], a["score"]))
    for svg in find(p, "svg", "ranking"):
        a = by[svg["attrs"]["data-assessment"]]
        ranks = {r["id"]: r["score"] for r in a["ranking"]}
        for gr in [c for c in svg["children"] if c["tag"] == "g"]:
            v = float(gr["attrs"]["data-value"])
            bar = [c for c in gr["children"] if c["attrs"].get("class") == "bar"][0]
            if ranks.get(gr["attrs"]["data-id"]) != v:
                wrong.append("%s rank %s: %s" % (a["name"], gr["attrs"]["data-id"], v))
            if abs(float(bar["attrs"]["width"]) - min(max(v, 0), 100) / 100 * 340) > 0.3:  # v is rounded
                wrong.append("%s bar %s width %s for %s" % (a["name"], gr["attrs"]["data-id"],
                                                           bar["attrs"]["width"], v))
    if "skills_gap" in by and by["skills_gap"]["band"] != "not enough information":
        crit = {c["id"]: c for c in by["skills_gap"]["criteria"]}
        rows = find(p, "g", "skill")
        rated = [c for c in crit.values() if re.match(r"You: \d", c["evidence"])]
        if len(rows) != len(rated):
            wrong.append("skills chart: %d rows, %d rated skills" % (len(rows), len(rated)))
        for r in rows:
            m = re.match(r"You: (\d)\. \S+: about ([\d.]+)", crit[r["attrs"]["data-id"]]["evidence"])
            if not m or float(m.group(1)) != float(r["attrs"]["data-have"]) or \
                    float(m.group(2)) != float(r["attrs"]["data-need"]):
                wrong.append("skill %s: chart %s/%s, evidence %s" % (
                    r["attrs"]["data-id"], r["attrs"]["data-have"], r["attrs"]["data-need"],
                    crit[r["attrs"]["data-id"]]["evidence"][:60]))
        shown = sum(1 for r in rows if r["text"].strip().endswith(" gap"))
        if rows and shown != int(by["skills_gap"]["details"]["gaps"]):
            wrong.append("skills chart marks %d gaps, the assessment counts %s"
                         % (shown, by["skills_gap"]["details"]["gaps"]))
    ok(not wrong and (svgs or name == "nearly_empty.json"),
       "%s: the charts show the report's numbers (%d charts)" % (name, len(svgs)), wrong)
    ok(all(x in out for x in (rep["assessments"][0]["criteria"][0]["evidence"]
                              .replace("&", "&amp;").replace("'", "&#39;"),)),
       "%s: every criterion as in the text report (the first one's evidence)" % name)

# --- what the person typed is text, not markup
out, rc, _ = run("assess", "--format", "html", "-",
                       stdin=json.dumps({"name": "<script>alert(1)</script> & \"Bo\"",
                                         "skills": {"leadership": 3}}))
ok("<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bo&quot;" in out,
   "a name with markup is escaped")
out, rc, _ = run("assess", "--format", "html", "--brief",
                       "docs/examples/candidates/vp_operations.json")
ok("In short" in out and "Next steps" in out and "<h3>Criteria" not in out,
   "--brief: the first part only")

# --- in a browser
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if chromium is None:
    ok(1, "headless Chromium is installed (scripts/install-deps --test)")
else:
    tmp = tempfile.mkdtemp()
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--user-data-dir=" + os.path.join(tmp, "profile")]
    for s, page in pages.items():
        name = os.path.basename(s)
        f = os.path.join(tmp, name + ".html")
        open(f, "w").write(page)
        pr = subprocess.run(base + ["--enable-logging=stderr", "--v=0",
                                    "--virtual-time-budget=2000", "--dump-dom",
                                    "file://" + f], capture_output=True, text=True, timeout=120)
        console = [l for l in pr.stderr.splitlines()
                   if "CONSOLE" in l or "Refused" in l or "Content Security" in l]
        dom = parse(pr.stdout)
        ok(pr.returncode == 0 and not console and
           len(find(dom, "svg")) == len(find(parse(page), "svg")) and find(dom, "h1"),
           "%s: Chromium renders it, with its %d charts and no console message"
           % (name, len(find(dom, "svg"))), console + [pr.stderr[-300:]])
    f = os.path.join(tmp, "hospital_administrator.json.html")
    pdf = os.path.join(tmp, "report.pdf")
    subprocess.run(base + ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + f],
                   capture_output=True, timeout=120)
    data = open(pdf, "rb").read() if os.path.exists(pdf) else b""
    pages_n = len(re.findall(rb"/Type\s*/Page[^s]", data))
    ok(data.startswith(b"%PDF") and pages_n >= 3,
       "prints to PDF: %d pages (each assessment starts a page)" % pages_n)
    shutil.rmtree(tmp, ignore_errors=True)

done()
