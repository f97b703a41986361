#!/usr/bin/env python3
"""Counts the paragraphs of imported PDFs split where the truth has one: two blocks in a row
whose join (the last 4 words of one and the first 4 of the next) stands inside one block
element of the page's expected.html. Splits are told apart by what lies between the blocks:
a page break, or (in a -2col file) anything else on the page, mostly the column break.
Usage: pdf-paragraph-splits.py BIN LIB TRUTH [-v]
LIB is a library that pdf_quality.py filled (it imports every PDF once); TRUTH a folder of
<name>/expected.html."""
import html.parser, json, os, re, subprocess, sys

bin_, lib, truth = sys.argv[1:4]
N = 4
CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
TOKEN = re.compile("[%s]|[^\\W%s]+" % (CJK, CJK))
BLOCK = set("p li blockquote h1 h2 h3 h4 h5 h6 pre td th figcaption dd dt div section article br tr ul ol "
            "table figure header footer aside nav hr".split())


def seq(s):
    return [w.lower() for w in TOKEN.findall(s)]


class Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = [""]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("")

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self.parts.append("")

    def handle_data(self, d):
        self.parts[-1] += d


def joins(name):
    p = Blocks()
    p.feed(open(os.path.join(truth, name, "expected.html"), encoding="utf-8", errors="replace").read())
    out = set()
    for part in p.parts:
        w = seq(part)
        out.update(tuple(w[i:i + 2 * N]) for i in range(len(w) - 2 * N + 1))
    return out


def run(*args):
    return subprocess.run([bin_, "--library", lib, *args], capture_output=True, text=True, check=True).stdout


total = {"page": 0, "column": 0, "other": 0}
for d in json.loads(run("list", "--json")):
    f = os.path.basename(d["source"])
    blocks = json.loads(run("show", "--json", d["id"]))["blocks"]
    truth_joins = joins(f[:-4].removesuffix("-2col"))
    for a, b in zip(blocks, blocks[1:]):
        wa, wb = seq(a["text"]), seq(b["text"])
        if len(wa) >= N and len(wb) >= N and tuple(wa[-N:] + wb[:N]) in truth_joins:
            kind = "page" if a.get("page") != b.get("page") else ("column" if "-2col" in f else "other")
            total[kind] += 1
            if "-v" in sys.argv:
                print(f, kind, repr(a["text"][-40:]), "||", repr(b["text"][:40]))
print("paragraphs split where the truth has one: at a page break %(page)d, "
      "on a two-column page %(column)d, elsewhere %(other)d" % total)
