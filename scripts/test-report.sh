#!/usr/bin/env bash
# `newsgraph report` in a real browser: headless Chromium (Debian's `chromium` package, installed here
# when missing and the script may install packages) loads the page of the seed articles' graph and must
# log nothing to its console (no error, no warning) and show, in Meta's timeline, Andrew Bocking
# replacing John Hegeman; a page of 10,000 facts loads as quietly. The page of the sample articles, made from a resumable run's graph
# (--output-dir), is screenshot to out/report-example.png (the README's picture comes from it).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x target/release/newsgraph ] || scripts/setup.sh
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    install() { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null; }
    install || { apt-get update >/dev/null && install; }
  else
    echo "test-report: SKIPPED: no chromium, and no root to install Debian's package" >&2
    exit 0
  fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
browser() { chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 "$@"; }
# load_quietly PAGE DOM: the page's DOM after its scripts ran; fails when the page wrote to the console.
load_quietly() {
  browser --dump-dom "file://$1" >"$2" 2>"$2.log"
  if grep -q "CONSOLE" "$2.log"; then
    grep "CONSOLE" "$2.log" >&2
    echo "test-report: FAILED: $1 wrote to the browser console" >&2
    exit 1
  fi
}

target/release/newsgraph extract ../shared/seeds -o "$work/seeds.jsonld" --quiet
target/release/newsgraph report "$work/seeds.jsonld" -o "$work/seeds.html"
load_quietly "$work/seeds.html" "$work/dom.html"
python3 - "$work/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
meta = re.search(r'<section class="org" data-org="Meta">(.*?)</section>', dom, re.S)
assert meta, "no timeline for Meta"
changes = [re.sub(r"<[^>]+>", " ", c) for c in re.findall(r'<li class="change[^"]*" data-kind="Succession"[^>]*>(.*?)</li>', meta.group(1), re.S)]
assert any("Andrew Bocking replaced John Hegeman" in " ".join(c.split()) for c in changes), changes
print(f"test-report: Meta's timeline shows Andrew Bocking replacing John Hegeman ({len(changes)} succession(s))")
PY

# 10,000 facts at 2,000 organisations (a graph written here, in the output's shape): the page loads them
# without a console message and shows the first 40 organisations with a button for the rest.
python3 - "$work/big.jsonld" <<'PY'
import json, sys
nodes = [{"@id": "urn:newsgraph:article:big", "@type": "NewsArticle", "identifier": "big", "inLanguage": "en",
          "datePublished": {"@type": "xsd:date", "@value": "2026-01-15"},
          "fact": [{"@id": f"urn:newsgraph:article:big#fact-{i}", "evidence": {"sentenceText": f"Sentence {i}."}} for i in range(10000)]}]
for o in range(2000):
    nodes.append({"@id": f"urn:newsgraph:entity:organization/org-{o}", "@type": "Organization", "name": f"Organisation {o:04d}"})
for p in range(5000):
    nodes.append({"@id": f"urn:newsgraph:entity:person/p-{p}", "@type": "Person", "name": f"Person {p:04d}"})
kinds = ["Departure", "Appointment", "Succession", "RoleHolding"]
for i in range(10000):
    kind = kinds[i % 4]
    fact = {"@id": f"urn:newsgraph:fact:{i}", "@type": kind, "modality": ["asserted", "future", "hedged", "negated"][i % 4 if kind != "RoleHolding" else 0],
            "confidence": 0.5 + (i % 50) / 100, "organization": f"urn:newsgraph:entity:organization/org-{i % 2000}",
            "normalizedRole": "CEO", "supportedBy": [f"urn:newsgraph:article:big#fact-{i}"]}
    fact["successor" if kind == "Succession" else "person"] = f"urn:newsgraph:entity:person/p-{i % 5000}"
    if kind == "Succession":
        fact["predecessor"] = f"urn:newsgraph:entity:person/p-{(i + 1) % 5000}"
    nodes.append(fact)
json.dump({"@graph": nodes}, open(sys.argv[1], "w"))
PY
target/release/newsgraph report "$work/big.jsonld" -o "$work/big.html"
load_quietly "$work/big.html" "$work/big-dom.html"
sections=$(grep -o '<section class="org"' "$work/big-dom.html" | wc -l)
grep -q 'more of 1960 organisations' "$work/big-dom.html" && [ "$sections" -eq 40 ] ||
  { echo "test-report: FAILED: the 10,000-fact page shows $sections organisations" >&2; exit 1; }
echo "test-report: 10,000 facts load; 40 of 2,000 organisations shown, the rest behind a button"

target/release/newsgraph extract examples --output-dir "$work/run" --quiet
target/release/newsgraph report "$work/run/graph.jsonld" -o "$work/examples.html"
mkdir -p out
browser --window-size=1280,1500 --screenshot="$PWD/out/report-example.png" "file://$work/examples.html" 2>"$work/shot.log"
size=$(stat -c %s out/report-example.png)
[ "$size" -gt 20000 ] || { echo "test-report: FAILED: screenshot of $size bytes" >&2; exit 1; }
echo "test-report: screenshot in out/report-example.png ($size bytes)"
