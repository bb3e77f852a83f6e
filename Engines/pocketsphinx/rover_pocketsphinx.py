#!/usr/bin/env python3
"""Three pocketsphinx instances with different decoder settings on the same audio, merged, and scored —
all through the lingosub CLI (needs ci/install-pocketsphinx and `swift build`):

  1. lingosub transcribe AUDIO… --engine default=… --engine lw8=… --engine cmn45=… --format json
  2. lingosub merge --strategy S  (per sample, over the three instances' transcripts)
  3. lingosub wer REF HYP --json  (one line per sample, pooled over the corpus as jiwer does)

    python3 Engines/pocketsphinx/rover_pocketsphinx.py [--audio DIR] [--lingosub PATH] [--json]
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
ENGINE = os.path.join(HERE, "pocketsphinx_engine.py")
INSTANCES = [("default", {}), ("lw8", {"lw": 8}), ("cmn45", {"cmn_init": "45,0,0"})]
STRATEGIES = ["rover", "avgconf", "maxconf", "best"]
RUN_SECONDS_MAX = 900


def engine_flag(name, extensions):
    """--engine NAME=COMMAND; COMMAND is split on spaces without a shell, so settings go through `env`."""
    command = "%s %s" % (sys.executable, ENGINE)
    if extensions:
        command = "env LINGOSUB_EXTENSIONS=%s %s" % (json.dumps(extensions, separators=(",", ":")), command)
    return ["--engine", "%s=%s" % (name, command)]


def run(command):
    completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=RUN_SECONDS_MAX)
    if completed.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(command[:2]), completed.returncode,
                                         completed.stderr.decode("utf-8", "replace")[-2000:]))
    return completed.stdout.decode("utf-8")


def write(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def text_of(transcript):
    return " ".join(" ".join(segment["text"].split()) for segment in transcript["segments"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--audio", default=os.path.join(REPO, "Examples", "audio", "speech"))
    parser.add_argument("--lingosub", default=os.path.join(REPO, ".build", "debug", "lingosub"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args()
    names = sorted(os.path.basename(path)[:-4] for path in glob.glob(os.path.join(arguments.audio, "*.wav")))
    with tempfile.TemporaryDirectory(prefix="lingosub-rover-") as temp:
        command = [arguments.lingosub, "transcribe"] + [os.path.join(arguments.audio, n + ".wav") for n in names]
        for name, extensions in INSTANCES:
            command += engine_flag(name, extensions)
        run(command + ["--format", "json", "--out", os.path.join(temp, "out"), "--quiet"])
        lines = {key: [] for key in [name for name, _ in INSTANCES] + STRATEGIES}
        for sample in names:
            with open(os.path.join(temp, "out", sample + ".json"), encoding="utf-8") as handle:
                results = {r["engine"]: r for r in json.load(handle)["results"]}
            paths = []
            for name, _ in INSTANCES:
                if results[name]["status"] != "completed":
                    sys.exit("%s: %s %s" % (sample, name, results[name]["status"]))
                lines[name].append(text_of(results[name]["transcript"]))
                paths.append(write(os.path.join(temp, "%s.%s.json" % (sample, name)),
                                   json.dumps(results[name]["transcript"])))
            for strategy in STRATEGIES:
                lines[strategy].append(text_of(json.loads(run([arguments.lingosub, "merge", "--strategy", strategy] + paths))))
        references = []
        for sample in names:
            with open(os.path.join(arguments.audio, sample + ".txt"), encoding="utf-8") as handle:
                references.append(" ".join(handle.read().split()))
        reference_path = write(os.path.join(temp, "references.txt"), "\n".join(references) + "\n")
        figures = {}
        for key, hypotheses in lines.items():
            hypothesis_path = write(os.path.join(temp, key + ".txt"), "\n".join(hypotheses) + "\n")
            figures[key] = json.loads(run([arguments.lingosub, "wer", reference_path, hypothesis_path, "--json"]))
    if arguments.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
        return
    print("%-10s %8s %5s %5s %5s %5s" % ("system", "WER", "hits", "sub", "del", "ins"))
    for key, report in figures.items():
        print("%-10s %7.2f%% %5d %5d %5d %5d" % (key, 100 * report["wer"], report["hits"], report["substitutions"],
                                                 report["deletions"], report["insertions"]))


if __name__ == "__main__":
    main()
