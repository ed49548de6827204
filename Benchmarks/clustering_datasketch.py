"""Peer for Benchmarks/clustering.sh: datasketch MinHashLSH on the same JSONL corpus.

Word 5-gram shingles (lower-cased \\w+ words, no masking), MinHash with num_perm=128,
MinHashLSH at the given threshold, candidate pairs from LSH queries checked against the exact
Jaccard of the shingle sets (skip with --no-verify), then connected components. Writes `memo<TAB>label` lines for `memoscope-bench ari`.
Runs only inside the benchmark virtualenv (never for build or tests).
"""

import argparse
import json
import re
import sys
import time

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
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--shingle", type=int, default=5)
    parser.add_argument(
        "--no-verify", dest="verify", action="store_false",
        help="union every LSH candidate pair without checking its exact Jaccard")
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
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    with lsh.insertion_session() as session:
        for index, minhash in enumerate(hashes):
            session.insert(index, minhash, check_duplication=False)
    parent = list(range(len(sources)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for index, minhash in enumerate(hashes):
        for other in lsh.query(minhash):
            if other <= index:
                continue
            if args.verify:
                x, y = sets[index], sets[other]
                shared = len(x & y)
                if not x or not y or shared / (len(x) + len(y) - shared) < args.threshold:
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
