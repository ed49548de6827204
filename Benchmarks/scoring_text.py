"""Builds the scoring benchmark's input text from `memoscope extract` output.

Usage: python3 scoring_text.py PAGES_JSONL OUTPUT_FILE TARGET_MEGABYTES [CORPUS_MANIFEST]

PAGES_JSONL is `memoscope extract --format jsonl` over the benchmark pages. Paragraphs are
written separated by blank lines; when CORPUS_MANIFEST (Corpus/manifest.json) is given, the
sample memos' bodies are mixed in (one memo after every 4 pages) so the lexicon has phrases to
find. The whole is repeated until it reaches TARGET_MEGABYTES of UTF-8.
"""
import json
import sys


def main():
    pages = [json.loads(line)["paragraphs"] for line in open(sys.argv[1], encoding="utf-8")]
    output, target = sys.argv[2], float(sys.argv[3])
    memos = []
    if len(sys.argv) > 4:
        memos = [memo["body"] for memo in json.load(open(sys.argv[4], encoding="utf-8"))]
    paragraphs = []
    for number, page in enumerate(pages):
        paragraphs.extend(page)
        if memos and number % 4 == 3:
            paragraphs.extend(memos[(number // 4) % len(memos)])
    paragraphs = [" ".join(p.split()) for p in paragraphs if p.strip()]
    once = "\n\n".join(paragraphs) + "\n\n"
    size = len(once.encode("utf-8"))
    repeats = max(1, round(target * 1_000_000 / size))
    with open(output, "w", encoding="utf-8") as out:
        out.write(once * repeats)
    print(f"{len(paragraphs)} paragraphs, {size / 1e6:.2f} MB once, x{repeats}", file=sys.stderr)


if __name__ == "__main__":
    main()
