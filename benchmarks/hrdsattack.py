"""HRDsAttack (Dataminr, MIT) -> an eventwire JSONL corpus.

The data set keeps each article as HTML paragraphs in
``sample["Input.article_interface"]``; this writes one JSONL record per
article (``id, text, title, published``) with the paragraphs as plain text
separated by blank lines -- the form ``eventwire extract`` and the benchmark
read. The data set is never copied into the repository: the output goes to a
path you give (the benchmark uses a temporary directory).

    python benchmarks/hrdsattack.py $EVENTWIRE_DATA/hrdsattack/dev.json -o /tmp/hrds-dev.jsonl
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_PARA = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[\s\u00a0]+")  # HTML whitespace, newlines included


def paragraphs(article_html: str) -> list[str]:
    """The text of each ``<p>`` of the article (tags dropped, entities decoded)."""
    found = _PARA.findall(article_html or "")
    if not found:  # no paragraph markup: the whole string is one paragraph
        found = [article_html or ""]
    out = []
    for p in found:
        text = html.unescape(_TAG.sub(" ", p))
        text = _SPACE.sub(" ", text).strip()
        if text:
            out.append(text)
    return out


def record(sample: dict[str, Any], n: int) -> dict[str, Any] | None:
    """One eventwire JSONL record for an HRDsAttack sample (None when it has no text)."""
    s = sample.get("sample", sample)
    text = "\n\n".join(paragraphs(s.get("Input.article_interface", "")))
    if not text:
        return None
    rid = s.get("Input.GLOBALEVENTID") or s.get("HIT_id") or n
    published = str(s.get("Input.publish_date") or "")[:10]
    return {
        "id": f"hrds-{rid}",
        "text": text,
        "title": s.get("Input.title") or "",
        "published": published or None,
        "source": "HRDsAttack",
    }


def records(path: str | Path) -> Iterator[dict[str, Any]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = [data]
    for n, sample in enumerate(data, 1):
        rec = record(sample, n)
        if rec is not None:
            yield rec


def write_jsonl(src: str | Path, dest: str | Path) -> int:
    """Convert ``src`` (an HRDsAttack JSON file) to JSONL at ``dest``; returns the record count."""
    n = 0
    with open(dest, "w", encoding="utf-8") as fh:
        for rec in records(src):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="HRDsAttack dev.json or train.json")
    ap.add_argument("-o", "--output", required=True, help="JSONL file to write")
    args = ap.parse_args(argv)
    n = write_jsonl(args.source, args.output)
    print(f"{n} articles -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
