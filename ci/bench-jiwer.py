#!/usr/bin/env python3
"""Times jiwer 4.x on the corpora `lsbench aggregation` generates and prints the same lines
(rate, counts, alignment checksum), so identity and speed can be compared in one run.

Usage: ci/bench-jiwer.py [--seed N] [--repeat N] [--ours PATH-TO-lsbench]
Installs jiwer into /tmp/jiwer-venv when it is missing (re-executing itself under that venv).
Also runs `lsbench aggregation` (--ours, default .build/release/lsbench when it exists; build it
with `swift build -c release --product lsbench`) and prints a side-by-side verdict; exit 1 when
any figure differs.
"""
import argparse
import os
import subprocess
import sys
import time

VENV = "/tmp/jiwer-venv"
MASK = (1 << 64) - 1


def ensure_jiwer():
    try:
        import jiwer  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        if not os.path.exists(python):
            subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([python, "-m", "pip", "install", "-q", "jiwer>=4,<5"])
        os.execv(python, [python] + sys.argv)
    raise SystemExit("jiwer could not be installed into " + VENV)


class SplitMix64:
    """Same steps as Sources/Aggregation/SplitMix64.swift."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        return (self.next() * bound) >> 64


def vocabulary(generator, count):
    words = []
    for _ in range(count):
        length = 2 + generator.below(8)
        words.append("".join(chr(97 + generator.below(26)) for _ in range(length)))
    return words


def pair(generator, vocab, length):
    """Same as BenchmarkCorpus.pair in Sources/Aggregation/Metrics/BenchmarkCorpus.swift."""
    def pick():
        return vocab[generator.below(1 + generator.below(len(vocab)))]

    reference, hypothesis = [], []
    for _ in range(length):
        word = pick()
        reference.append(word)
        roll = generator.below(100)
        if roll < 6:
            continue
        if roll < 12:
            hypothesis.append(pick())
            continue
        hypothesis.append(word)
        if roll < 16:
            hypothesis.append(pick())
    return " ".join(reference), " ".join(hypothesis)


def checksum(output):
    codes = {"equal": 1, "substitute": 2, "insert": 3, "delete": 4}
    h = 0
    for chunks in output.alignments:
        for chunk in chunks:
            for value in (codes[chunk.type], chunk.ref_start_idx, chunk.ref_end_idx,
                          chunk.hyp_start_idx, chunk.hyp_end_idx):
                h = (h * 1000003 + value) & MASK
        h = (h * 1000003 + 7) & MASK
    return h


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ours", help="path to lsbench, to run it on the same corpora")
    args = parser.parse_args()
    default_ours = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "lsbench")
    if args.ours is None and os.path.exists(default_ours):
        args.ours = default_ours
    ensure_jiwer()
    import jiwer

    generator = SplitMix64(args.seed)
    vocab = vocabulary(generator, 2000)
    references, hypotheses = [], []
    for _ in range(10000):
        reference, hypothesis = pair(generator, vocab, 20)
        references.append(reference)
        hypotheses.append(hypothesis)
    long_reference, long_hypothesis = pair(generator, vocab, 5000)
    workloads = [
        ("wer 10000 pairs x 20 words", lambda: jiwer.process_words(references, hypotheses), "wer"),
        ("wer one 5000-word pair", lambda: jiwer.process_words(long_reference, long_hypothesis), "wer"),
        ("cer one 5000-word pair", lambda: jiwer.process_characters(long_reference, long_hypothesis), "cer"),
    ]
    theirs = {}
    from importlib.metadata import version
    print(f"jiwer {version('jiwer')}, rapidfuzz {version('rapidfuzz')}")
    for name, work, rate_name in workloads:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            output = work()
            best = min(best, time.perf_counter() - start)
        rate = getattr(output, rate_name)
        line = (f"rate={rate!r} hits={output.hits} substitutions={output.substitutions} "
                f"deletions={output.deletions} insertions={output.insertions} checksum={checksum(output)}")
        theirs[name] = (best * 1000, line)
        print(f"{name}: jiwer_ms={best * 1000:.2f} {line}")
    if not args.ours:
        return 0
    result = subprocess.run([args.ours, "aggregation", "--seed", str(args.seed), "--repeat", str(args.repeat)],
                            check=True, capture_output=True, text=True)
    identical = True
    for raw in result.stdout.splitlines():
        name, _, rest = raw.partition(": ")
        ours_ms, _, line = rest.partition(" ")
        ours_ms = float(ours_ms.split("=")[1])
        jiwer_ms, their_line = theirs[name]
        same = line == their_line
        identical = identical and same
        print(f"{name}: ours {ours_ms:.2f} ms vs jiwer {jiwer_ms:.2f} ms "
              f"({ours_ms / jiwer_ms:.2f}x) figures {'identical' if same else 'DIFFER'}")
        if not same:
            print(f"  ours:  {line}\n  jiwer: {their_line}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
