"""Python peer of `memoscope-bench tokenize`'s match pass: pyahocorasick over the same text.

Usage: python3 scoring_peer.py PHRASES_FILE TEXT_FILE [ROUNDS]

PHRASES_FILE holds the lexicon's expanded phrases, one per line, lower-case, as printed by
`memoscope-bench phrases`. Two ways are timed, alternating, best of ROUNDS each, in CPU time:

- raw: lower-case the whole text and run one Aho-Corasick automaton over it. No tokenization,
  Unicode normalization or word boundaries ("ai first" also matches inside "chai first"), so it
  does less work than Memoscope: the plain-string baseline.
- words: lower-case, split into words with a regular expression (letters and digits, inner
  apostrophes kept), join them with single spaces and match " phrase " with spaces around it,
  so matches fall on word boundaries and "AI-first" meets "ai first": closer to what Memoscope
  does (still without NFKC, "A.I." or longest-match resolution).

Prints MB/s (UTF-8 bytes of the text) and hit counts.
"""
import re
import sys
import time

import ahocorasick

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def build(phrases, pad):
    automaton = ahocorasick.Automaton()
    for index, phrase in enumerate(phrases):
        automaton.add_word(f" {phrase} " if pad else phrase, index)
    automaton.make_automaton()
    return automaton


def main():
    phrases = [line.strip() for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    text = open(sys.argv[2], encoding="utf-8").read()
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    megabytes = len(text.encode("utf-8")) / 1e6
    raw, words = build(phrases, False), build(phrases, True)
    best_raw = best_words = float("inf")
    hits_raw = hits_words = 0
    for _ in range(rounds):
        start = time.process_time()
        hits_raw = sum(1 for _ in raw.iter(text.lower()))
        best_raw = min(best_raw, time.process_time() - start)
        start = time.process_time()
        joined = " " + " ".join(WORD.findall(text.lower())) + " "
        hits_words = sum(1 for _ in words.iter(joined))
        best_words = min(best_words, time.process_time() - start)
    print(f"python pyahocorasick raw:   {megabytes / best_raw:7.1f} MB/s ({hits_raw} hits, {len(phrases)} phrases)")
    print(f"python pyahocorasick words: {megabytes / best_words:7.1f} MB/s ({hits_words} hits)")


if __name__ == "__main__":
    main()
