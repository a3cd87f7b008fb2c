#!/usr/bin/env python3
"""Writes words-en.txt, the benchmark's word list, from a synthetic edition:

    python3 /work/shared/bench/corpus/gen.py --pages 4 | python3 mkwords.py > words-en.txt

(From a project checkout: ../shared/bench/corpus/gen.py.) One token per line
in text order, as a line breaker would see it: split at spaces, with the
surrounding punctuation and quotes stripped; numbers, names, URLs and
words with apostrophes or hyphens are kept.
"""
import json
import sys

d = json.load(sys.stdin)
out = []
for a in d["articles"]:
    texts = [a["headline"], a["deck"]] + a["body"] + [q["text"] for q in a.get("quotes", [])]
    for t in texts:
        for tok in t.split():
            tok = tok.strip(".,;:!?“”\"()[]—–…")
            if tok.startswith(("’", "'")):
                tok = tok.strip("’'")
            if tok:
                out.append(tok)
sys.stdout.write("\n".join(out) + "\n")
