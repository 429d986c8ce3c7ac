# SPDX-License-Identifier: MIT
# tests/cli/tap.py - what the Python CLI tests share: the program under test, an environment
# without the user's plugins, TAP output, and running cadre.
import os, subprocess, sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(root, "tests", "properties"))
cadre = os.environ.get("CADRE_BIN", os.path.join(root, "build", "cadre"))
env = dict(os.environ, NO_COLOR="", XDG_DATA_HOME="/nonexistent/xdg-data")
env.pop("CADRE_PLUGIN_PATH", None)
os.chdir(root)

_n = _failed = 0


def ok(cond, name, detail=None):
    """One TAP line; on failure, up to ten lines of detail as comments."""
    global _n, _failed
    _n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (_n, name))
    if not cond:
        _failed += 1
        for line in (detail or [])[:10]:
            print("# " + line)
    return cond


def run(*args, stdin=None):
    """cadre ARGS with stdin text: (stdout, exit status, stderr)."""
    p = subprocess.run([cadre, *args], input=stdin, capture_output=True, text=True, env=env)
    return p.stdout, p.returncode, p.stderr


def done():
    print("1..%d" % _n)
    sys.exit(1 if _failed else 0)
