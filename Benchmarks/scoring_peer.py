"""Python peer of `memoscope-bench tokenize`'s match pass: pyahocorasick over the same text.

Usage: python3 scoring_peer.py PHRASES_FILE TEXT_FILE [ROUNDS]

Builds one Aho-Corasick automaton from the lexicon's expanded phrases (one per line, lower-case,
as printed by `memoscope-bench phrases`), then, per round, lower-cases the whole text and counts
every phrase occurrence. Prints the best round's MB/s (UTF-8 bytes of the text, CPU time) and the count.
It does no tokenization, Unicode normalization or word-boundary check, so it does less work
than Memoscope's matcher; it is the plain-string baseline a Python user would reach for.
"""
import sys
import time

import ahocorasick


def main():
    phrases = [line.strip() for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    text = open(sys.argv[2], encoding="utf-8").read()
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    megabytes = len(text.encode("utf-8")) / 1e6
    automaton = ahocorasick.Automaton()
    for index, phrase in enumerate(phrases):
        automaton.add_word(phrase, index)
    automaton.make_automaton()
    best, hits = float("inf"), 0
    for _ in range(rounds):
        start = time.process_time()
        lowered = text.lower()
        hits = sum(1 for _ in automaton.iter(lowered))
        best = min(best, time.process_time() - start)
    print(f"python pyahocorasick: {megabytes / best:7.1f} MB/s ({hits} hits, {len(phrases)} phrases)")


if __name__ == "__main__":
    main()
