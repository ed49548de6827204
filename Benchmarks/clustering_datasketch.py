"""Peer for Benchmarks/clustering.sh: datasketch MinHashLSH on the same JSONL corpus.

Word 5-gram shingles (lower-cased \\w+ words, no masking), MinHash with num_perm=128 (bulk),
MinHashLSH with explicit (bands, rows), candidate pairs from LSH queries screened on the MinHash
estimate (equal values / num_perm >= 0.6 x threshold, vectorized with numpy, the screen
memoscope applies too), then checked exactly on the shingle sets (Jaccard >= threshold, or
containment >= 0.5 as memoscope does), then connected components. Writes `memo<TAB>label` lines
for `memoscope-bench ari`. Runs only inside the benchmark virtualenv (never for build or tests).

Best setting, from a sweep on the 10,000-memo corpus (seed 11, 800 families; datasketch 2.0.0;
wall times on the shared 2-core machine, one Python process):

    shingle  bands x rows  verify                         candidates  time     ARI
    5        51 x 2 (*)    exact Jaccard >= 0.15          914,734     19.9 s   0.9963
    5        42 x 3        exact Jaccard >= 0.15           48,113      8.0 s   0.9436
    5        32 x 4        exact Jaccard >= 0.15            8,647      6.7 s   0.5880
    5        25 x 5        exact Jaccard >= 0.15            1,787      6.2 s   0.1500
    4        42 x 3        exact Jaccard >= 0.15           85,040      9.3 s   0.9685
    3        42 x 3        exact Jaccard >= 0.20          562,444     16.8 s   0.9906
    5        51 x 2        estimate only >= 0.20          914,734      ~8 s    0.8743
    5 masked 51 x 2        exact Jaccard >= 0.20        1,586,774     ~25 s    0.9979
    5 masked 51 x 2        screen + exact >= 0.20       1,586,774     17.1 s   0.9979
    5        51 x 2        screen + exact/containment   914,734      9.4 s   0.9963
    5        64 x 2        screen + exact/containment 1,752,340     10.3 s   0.9968  <- chosen
    5        42 x 3        screen + exact/containment    48,113      7.0 s   0.9436

(*) what MinHashLSH(threshold=0.15) picks by itself. "masked": numbers and the memo's company
words replaced by placeholders, as memoscope does (slower, since shingling in Python costs more).
No setting reached ARI 0.999 here: unmasked 5-grams of memos that swap names and numbers share
too little, and more rows per band (fewer candidates, faster) lose family members. The chosen
setting has the best ARI; the screen halves the time of plain exact checking at no loss.
"""

import argparse
import json
import re
import sys
import time

import numpy as np
from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def shingles(memo, size):
    words = WORD.findall(" ".join(memo["paragraphs"]).lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jsonl")
    parser.add_argument("labels")
    parser.add_argument("--threshold", type=float, default=0.15)
    parser.add_argument("--containment", type=float, default=0.5)
    parser.add_argument("--bands", type=int, default=64)
    parser.add_argument("--rows", type=int, default=2)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--shingle", type=int, default=5)
    parser.add_argument(
        "--screen", type=float, default=0.6,
        help="drop candidates whose MinHash estimate is below SCREEN x threshold (0: no screen)")
    args = parser.parse_args()

    start = time.time()
    sources, sets = [], []
    with open(args.jsonl, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                memo = json.loads(line)
                sources.append(memo["source"])
                sets.append(shingles(memo, args.shingle))
    hashes = MinHash.bulk([list(s) for s in sets], num_perm=args.num_perm)
    lsh = MinHashLSH(num_perm=args.num_perm, params=(args.bands, args.rows))
    with lsh.insertion_session() as session:
        for index, minhash in enumerate(hashes):
            session.insert(index, minhash, check_duplication=False)
    pairs = np.array(
        [(index, other) for index, minhash in enumerate(hashes)
         for other in lsh.query(minhash) if other > index],
        dtype=np.int64).reshape(-1, 2)
    if args.screen > 0 and len(pairs):
        values = np.stack([minhash.hashvalues for minhash in hashes])
        keep = np.empty(len(pairs), dtype=bool)
        for first in range(0, len(pairs), 100_000):
            chunk = pairs[first : first + 100_000]
            estimate = (values[chunk[:, 0]] == values[chunk[:, 1]]).mean(axis=1)
            keep[first : first + 100_000] = estimate >= args.screen * args.threshold
        pairs = pairs[keep]
    parent = list(range(len(sources)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for index, other in pairs.tolist():
        x, y = sets[index], sets[other]
        if not x or not y:
            continue
        shared = len(x & y)
        if (shared / (len(x) + len(y) - shared) < args.threshold
                and shared / min(len(x), len(y)) < args.containment):
            continue
        a, b = root(index), root(other)
        if a != b:
            parent[max(a, b)] = min(a, b)
    with open(args.labels, "w", encoding="utf-8") as out:
        for index, source in enumerate(sources):
            out.write(f"{source}\tc{root(index)}\n")
    print(f"datasketch: {len(sources)} memos in {time.time() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
