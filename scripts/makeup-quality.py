#!/usr/bin/env python3
"""Make-up quality over several generated editions, for tuning the make-up.

The make-up's choices interact: a change that helps one edition can hurt
the next. This builds the benchmark generator's edition for several seeds
and sums what the desk would count, so that a change is judged on all of
them:

    python3 scripts/makeup-quality.py --pages 16 --seeds 1-6 [--typeset bin/typeset]

Per edition: pages, jumps, overset lines, the report's holes deeper than
two lines (count and deepest), white in % of the news holes, and, when
../shared/tools/pagecritic is there, its fault count on the e-paper PDF.
Needs python3 and ../shared/bench/corpus (gen.py, to_ninjs.py).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def seeds(spec):
    out = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def one(typeset, pages, seed, work):
    corpus = os.path.join(SHARED, "bench", "corpus")
    ed = os.path.join(work, "edition-%d.json" % seed)
    nj = os.path.join(work, "ninjs-%d" % seed)
    out = os.path.join(work, "out-%d" % seed)
    subprocess.run([sys.executable, os.path.join(corpus, "gen.py"), "--pages", str(pages),
                    "--seed", str(seed), "-o", ed], check=True, capture_output=True)
    subprocess.run([sys.executable, os.path.join(corpus, "to_ninjs.py"), ed, nj],
                   check=True, capture_output=True)
    subprocess.run([typeset, "build", nj, "-o", out, "--paper", "The Daily Benchmark",
                    "--no-preview", "--quiet"], check=True)
    with open(os.path.join(out, "report.json")) as f:
        rep = json.load(f)
    pgs = rep["pages"]
    holes = [h["lines"] for p in pgs for h in p.get("holes") or []]
    row = {
        "seed": seed,
        "pages": len(pgs),
        "jumps": sum(1 for a in rep["articles"] if a.get("jump_to")),
        "overset": sum(a.get("overset_lines", 0) for a in rep["articles"]),
        "holes": len(holes),
        "deepest": max(holes, default=0),
        "white": round(sum(p["white_pct"] for p in pgs) / max(len(pgs), 1), 2),
        "faults": None,
    }
    critic = os.path.join(SHARED, "tools", "pagecritic")
    epaper = [os.path.join(out, "epaper", f) for f in os.listdir(os.path.join(out, "epaper"))]
    if os.path.exists(critic) and epaper:
        r = subprocess.run([critic, "--json", epaper[0]], capture_output=True, text=True)
        try:
            doc = json.loads(r.stdout)["documents"][0]
            row["faults"] = doc["totals"]["faults"]
        except (ValueError, KeyError, IndexError):
            pass
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=16)
    ap.add_argument("--seeds", default="1-6")
    ap.add_argument("--typeset", default=os.path.join(ROOT, "bin", "typeset"))
    args = ap.parse_args()
    cols = ["seed", "pages", "jumps", "overset", "holes", "deepest", "white", "faults"]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for s in seeds(args.seeds):
            rows.append(one(args.typeset, args.pages, s, work))
            print("  ".join("%7s" % rows[-1][c] for c in cols), flush=True)
    total = {c: sum(r[c] or 0 for r in rows) for c in cols if c not in ("seed", "deepest", "white")}
    print("%7s  " % "all" + "  ".join("%7s" % total.get(c, "") for c in cols[1:]))
    print("columns: " + "  ".join(cols))


if __name__ == "__main__":
    main()
