#!/usr/bin/env python3
"""Builds the benchmark's inputs, once, from a folder of TimeML articles.

Usage: make_corpus.py SRC_DIR OUT_DIR

Writes into OUT_DIR (skipping files that are newer than SRC_DIR already):
  corpus.jsonl     one JSON line per article: {"id", "published", "title", "text"}, where text is
                   the content of the TEXT element with the markup removed and entities decoded,
                   and published is the DCT's date. Both the timeline program and chrono-node read
                   this file, so both see exactly the same texts and reference dates.
  corpus10.jsonl   the same articles ten times over (ids suffixed "~2".."~10"): the memory and
                   linearity check of streaming.
  long1.jsonl      one document of about 1 MB: the corpus texts joined in order until 1 MB.
  long10.jsonl     one document ten times long1's text: the single-document linearity check.
  corpus.stats     "documents bytes" of corpus.jsonl's texts, for MB/s and documents/s.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

MB = 1 << 20


def read_timeml(path):
    """Returns (id, published, title, text) of one TimeML file."""
    root = ET.parse(path).getroot()
    stem = os.path.splitext(os.path.basename(path))[0]
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no TEXT element")
    text = "".join(text_el.itertext())
    published = ""
    dct = root.find("DCT")
    if dct is not None:
        timex = dct.find("TIMEX3")
        value = timex.get("value", "") if timex is not None else ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
            published = value[:10]
    title_el = root.find("TITLE")
    title = "".join(title_el.itertext()).strip() if title_el is not None else ""
    return stem, published, title, text


def write_jsonl(path, records):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    src, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    stats_path = os.path.join(out_dir, "corpus.stats")
    if os.path.exists(stats_path) and os.path.getmtime(stats_path) > os.path.getmtime(src):
        return 0

    files = sorted(f for f in os.listdir(src) if f.endswith(".tml"))
    docs = []
    for name in files:
        try:
            doc_id, published, title, text = read_timeml(os.path.join(src, name))
        except (ET.ParseError, ValueError) as e:
            sys.stderr.write(f"make_corpus: skipping {name}: {e}\n")
            continue
        docs.append({"id": doc_id, "published": published, "title": title, "text": text})
    if not docs:
        sys.stderr.write(f"make_corpus: no TimeML articles in {src}\n")
        return 1

    write_jsonl(os.path.join(out_dir, "corpus.jsonl"), docs)

    def copies():
        for k in range(1, 11):
            for d in docs:
                yield d if k == 1 else dict(d, id=f"{d['id']}~{k}")
    write_jsonl(os.path.join(out_dir, "corpus10.jsonl"), copies())

    parts, size = [], 0
    for d in docs:
        if size >= MB:
            break
        parts.append(d["text"].strip() + "\n\n")
        size += len(parts[-1].encode("utf-8"))
    base = "".join(parts)
    published = docs[0]["published"]
    write_jsonl(os.path.join(out_dir, "long1.jsonl"),
                [{"id": "long1", "published": published, "text": base}])
    write_jsonl(os.path.join(out_dir, "long10.jsonl"),
                [{"id": "long10", "published": published, "text": base * 10}])

    total = sum(len(d["text"].encode("utf-8")) for d in docs)
    with open(stats_path, "w") as f:
        f.write(f"{len(docs)} {total}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
