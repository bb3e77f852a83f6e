"""`lingosub transcribe` with the pocketsphinx engine over the shipped spoken samples (the issue's proof):
the SRT and VTT files exist and are well formed, and the word error rate of the transcripts against the
shipped texts, scored by our own `lingosub wer --json`, stays under WER_BOUND.

Needs pocketsphinx (ci/install-pocketsphinx) and lingosub ($LINGOSUB or .build/debug/lingosub, which
`swift build` makes); skipped otherwise. 10-25 s: three `transcribe` runs of the five samples."""

import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
LINGOSUB = os.environ.get("LINGOSUB") or os.path.join(REPO, ".build", "debug", "lingosub")
ENGINE = os.path.join(REPO, "Engines", "pocketsphinx", "pocketsphinx_engine.py")
SPEECH = os.path.join(REPO, "Examples", "audio", "speech")
RUN_SECONDS_MAX = 600
WER_BOUND = 0.40
"""Corpus WER (jiwer-pooled over the five samples, 45 reference words) must stay below this. Measured
2026-11-25 with pocketsphinx 5 and the default settings: 0.2889 (13 errors: 11 substitutions,
2 insertions), identical from the transcript JSON and from the SRT text."""

SRT_TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d),(\d\d\d) --> (\d\d):(\d\d):(\d\d),(\d\d\d)$")
VTT_TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$")


def milliseconds(match, first):
    hours, minutes, seconds, millis = (int(match.group(first + k)) for k in range(4))
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def cues_of(text, timing, numbered):
    """(start ms, end ms, words) of every cue; raises AssertionError naming the defect."""
    cues = []
    for block in [b for b in text.strip("\n").split("\n\n") if b.strip()]:
        lines = block.split("\n")
        if numbered:
            assert lines[0] == str(len(cues) + 1), "cue number %r, expected %d" % (lines[0], len(cues) + 1)
            lines = lines[1:]
        match = timing.match(lines[0]) if lines else None
        assert match, "no timing line in cue %r" % block
        start, end = milliseconds(match, 1), milliseconds(match, 5)
        assert start < end, "cue ends before it starts: %r" % lines[0]
        assert not cues or cues[-1][1] <= start, "cues overlap or go backwards: %r" % lines[0]
        assert len(lines) >= 2 and all(line.strip() for line in lines[1:]), "cue without text: %r" % block
        cues.append((start, end, " ".join(lines[1:]).split()))
    return cues


def srt_cues(text):
    return cues_of(text, SRT_TIMING, numbered=True)


def vtt_cues(text):
    assert text.startswith("WEBVTT\n"), "no WEBVTT header: %r" % text[:20]
    body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return cues_of(body, VTT_TIMING, numbered=False)


@unittest.skipUnless(importlib.util.find_spec("pocketsphinx"), "pocketsphinx is not installed (ci/install-pocketsphinx)")
@unittest.skipUnless(os.access(LINGOSUB, os.X_OK), "lingosub is not built (swift build --product lingosub)")
class TranscribeWithPocketsphinxTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.names = sorted(os.path.basename(path)[:-4] for path in glob.glob(os.path.join(SPEECH, "*.wav")))
        cls.references = [cls.read(os.path.join(SPEECH, name + ".txt")).strip() for name in cls.names]
        cls.temp = tempfile.TemporaryDirectory(prefix="lingosub-transcribe-")
        cls.outputs = {form: cls.transcribe(form) for form in ("srt", "vtt", "json")}

    @classmethod
    def tearDownClass(cls):
        cls.temp.cleanup()

    @staticmethod
    def read(path):
        with open(path, encoding="utf-8") as handle:
            return handle.read()

    @classmethod
    def transcribe(cls, form):
        directory = os.path.join(cls.temp.name, form)
        os.mkdir(directory)
        audio = [os.path.join(SPEECH, name + ".wav") for name in cls.names]
        command = [LINGOSUB, "transcribe"] + audio + ["--engine", "ps=%s %s" % (sys.executable, ENGINE),
                                                      "--format", form, "--out", directory, "--quiet"]
        completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   timeout=RUN_SECONDS_MAX, cwd=REPO)
        return completed.returncode, completed.stdout.decode("utf-8", "replace"), directory

    def files(self, form):
        status, output, directory = self.outputs[form]
        self.assertEqual(status, 0, output[-4000:])
        self.assertEqual(sorted(os.listdir(directory)), [name + "." + form for name in self.names])
        return [self.read(os.path.join(directory, name + "." + form)) for name in self.names]

    def json_hypotheses(self):
        hypotheses = []
        for text in self.files("json"):
            results = json.loads(text)["results"]
            self.assertEqual([(r["engine"], r["status"]) for r in results], [("ps", "completed")])
            hypotheses.append(" ".join(s["text"] for s in results[0]["transcript"]["segments"]))
        return hypotheses

    def wer(self, hypotheses):
        """`lingosub wer --json` over one line per sample (pooled over the corpus, as jiwer does over lists)."""
        reference_path = os.path.join(self.temp.name, "references.txt")
        hypothesis_path = os.path.join(self.temp.name, "hypotheses.txt")
        for path, lines in ((reference_path, self.references), (hypothesis_path, hypotheses)):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("\n".join(" ".join(line.split()) for line in lines) + "\n")
        completed = subprocess.run([LINGOSUB, "wer", reference_path, hypothesis_path, "--json"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(completed.returncode, 0, completed.stderr.decode("utf-8", "replace"))
        return json.loads(completed.stdout)

    def test_srt_files_are_written_one_per_sample_and_parse(self):
        for name, text in zip(self.names, self.files("srt")):
            with self.subTest(name=name):
                self.assertGreater(len(srt_cues(text)), 0)

    def test_vtt_files_are_written_one_per_sample_and_parse(self):
        for name, text in zip(self.names, self.files("vtt")):
            with self.subTest(name=name):
                self.assertGreater(len(vtt_cues(text)), 0)

    def test_srt_and_vtt_carry_the_same_cues_and_the_words_of_the_transcript(self):
        hypotheses = self.json_hypotheses()
        for name, srt, vtt, hypothesis in zip(self.names, self.files("srt"), self.files("vtt"), hypotheses):
            with self.subTest(name=name):
                self.assertEqual(srt_cues(srt), vtt_cues(vtt))
                self.assertEqual([w for cue in srt_cues(srt) for w in cue[2]], hypothesis.split())

    def test_the_word_error_rate_against_the_shipped_texts_stays_under_the_bound(self):
        report = self.wer(self.json_hypotheses())
        words = sum(len(reference.split()) for reference in self.references)
        self.assertEqual(report["hits"] + report["substitutions"] + report["deletions"], words)
        self.assertLess(report["wer"], WER_BOUND, report)

    def test_the_srt_text_scores_the_same_as_the_transcript(self):
        from_srt = [" ".join(w for cue in srt_cues(text) for w in cue[2]) for text in self.files("srt")]
        self.assertEqual(self.wer(from_srt), self.wer(self.json_hypotheses()))


if __name__ == "__main__":
    unittest.main()
