"""Builds the scoring benchmark's input text: the visible text of the benchmark HTML pages.

Usage: python3 scoring_text.py HTML_GZ_FOLDER OUTPUT_FILE TARGET_MEGABYTES [CORPUS_MANIFEST]

Paragraphs (block elements) are separated by blank lines. When CORPUS_MANIFEST (Corpus/
manifest.json) is given, the sample memos' bodies are mixed in (one memo after every 4 pages),
so the lexicon has phrases to find. The whole is repeated until it reaches TARGET_MEGABYTES of
UTF-8. Uses only Python's standard library.
"""
import gzip
import html.parser
import json
import pathlib
import sys

BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "br", "blockquote",
          "section", "article", "pre", "tr", "dd", "dt", "figcaption"}
SKIP = {"script", "style", "noscript", "template", "svg", "head"}


class TextCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.current, self.skipping = [], [], 0

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        elif tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)


def main():
    folder, output, target = pathlib.Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    memos = []
    if len(sys.argv) > 4:
        memos = [memo["body"] for memo in json.load(open(sys.argv[4], encoding="utf-8"))]
    paragraphs = []
    for number, path in enumerate(sorted(folder.glob("*.html.gz"))):
        if memos and number % 4 == 3:
            paragraphs.extend(memos[(number // 4) % len(memos)])
        collector = TextCollector()
        collector.feed(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
        collector.close()
        collector.flush()
        paragraphs.extend(collector.paragraphs)
    once = "\n\n".join(paragraphs) + "\n\n"
    size = len(once.encode("utf-8"))
    repeats = max(1, round(target * 1_000_000 / size))
    with open(output, "w", encoding="utf-8") as out:
        out.write(once * repeats)
    print(f"{len(paragraphs)} paragraphs, {size / 1e6:.2f} MB once, x{repeats}", file=sys.stderr)


if __name__ == "__main__":
    main()
