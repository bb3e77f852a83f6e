"""Engines/pocketsphinx: pure parts always; the real recogniser only when pocketsphinx is installed
(ci/install-pocketsphinx), otherwise those tests are skipped."""

import importlib.util
import os
import sys
import tempfile
import unittest
import wave
from types import SimpleNamespace

from tests.engine_process import EngineProcess, write_wav
from lingosub_sidecar import AudioFormatError, AudioNotFoundError, ValidationError

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
ENGINE_DIR = os.path.join(REPO, "Engines", "pocketsphinx")
ENGINE = os.path.join(ENGINE_DIR, "pocketsphinx_engine.py")
SPEECH = os.path.join(REPO, "Examples", "audio", "speech")
sys.path.insert(0, ENGINE_DIR)

from lingosub_sidecar.audio import load_for_decoding, read_pcm, to_mono_16k  # noqa: E402
from lingosub_pocketsphinx.settings import DecoderSettings, split_options  # noqa: E402
from lingosub_pocketsphinx.words import normalised, segment_of, words_of  # noqa: E402

HAVE_POCKETSPHINX = importlib.util.find_spec("pocketsphinx") is not None
WER_BOUND = 0.40
"""Word error rate over the shipped samples must stay below this (measured 0.289 with pocketsphinx 5.1.1 and the default settings)."""


def word_error_rate(references, hypotheses):
    errors = words = 0
    for reference, hypothesis in zip(references, hypotheses):
        ref, hyp = reference.split(), hypothesis.split()
        previous = list(range(len(hyp) + 1))
        for i, ref_word in enumerate(ref, 1):
            current = [i] + [0] * len(hyp)
            for j, hyp_word in enumerate(hyp, 1):
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word))
            previous = current
        errors += previous[-1]
        words += len(ref)
    return errors / float(words)


class PocketsphinxPureTests(unittest.TestCase):
    def test_fillers_are_removed_and_variants_normalised(self):
        cases = {"<s>": None, "</s>": None, "<sil>": None, "[NOISE]": None, "[SPEECH]": None, "++GARBAGE++": None,
                 "hello(2)": "hello", "read(12)": "read", "world": "world", "": None}
        self.assertEqual({word: normalised(word) for word in cases}, cases)

    def test_words_get_times_at_100_frames_per_second_and_posteriors(self):
        raw = [SimpleNamespace(word="<s>", start_frame=0, end_frame=9, prob=1.0),
               SimpleNamespace(word="hello(2)", start_frame=10, end_frame=49, prob=0.8),
               SimpleNamespace(word="<sil>", start_frame=50, end_frame=59, prob=1.0),
               SimpleNamespace(word="world", start_frame=60, end_frame=99, prob=1.7)]
        words = words_of(raw, 1.25, 2.2)
        self.assertEqual([(w.word, w.start, w.end, w.confidence) for w in words],
                         [("hello", 1.35, 1.75, 0.8), ("world", 1.85, 2.2, 1.0)])
        segment = segment_of(words, 3)
        self.assertEqual((segment.id, segment.text, segment.start, segment.end, segment.confidence),
                         (3, "hello world", 1.35, 2.2, 0.9))

    def test_settings_come_from_config_and_options_and_are_validated(self):
        settings = DecoderSettings().updated({"lw": 8, "dither": True, "seed": 7}, "config")
        self.assertEqual((settings.lw, settings.dither, settings.seed), (8.0, True, 7))
        self.assertNotEqual(settings.decoder_key(), DecoderSettings().decoder_key())
        self.assertEqual(split_options({"lw": 1, "speaker": "x"}), {"lw": 1})
        for values, field in [({"lw": "x"}, "options.lw"), ({"beam": 2}, "options.beam"),
                              ({"seed": 1.5}, "options.seed"), ({"nope": 1}, "options.nope"),
                              ({"dither": 1}, "options.dither"), ({"block_ms": 5}, "options.block_ms")]:
            with self.subTest(values=values), self.assertRaises(ValidationError) as caught:
                DecoderSettings().updated(values, "options")
            self.assertEqual(caught.exception.field, field)

    def test_audio_is_converted_to_16k_mono_or_rejected(self):
        with tempfile.TemporaryDirectory() as directory:
            stereo = os.path.join(directory, "s.wav")
            write_wav(stereo, seconds=0.5, rate=8000, channels=2)
            pcm, duration = load_for_decoding(stereo)
            self.assertAlmostEqual(len(pcm), 16000, delta=4)
            self.assertEqual(duration, 0.5)
            mono = os.path.join(directory, "m.wav")
            write_wav(mono, seconds=0.25)
            self.assertEqual(to_mono_16k(*read_pcm(mono)), read_pcm(mono)[0])
            eight = os.path.join(directory, "e.wav")
            write_wav(eight, seconds=0.1, sample_width=1)
            junk = os.path.join(directory, "j.wav")
            with open(junk, "wb") as handle:
                handle.write(b"RIFF1234WAVEfmt ")
            for path, error in [(eight, AudioFormatError), (junk, AudioFormatError),
                                (os.path.join(directory, "none.wav"), AudioNotFoundError), (directory, AudioNotFoundError)]:
                with self.subTest(path=path), self.assertRaises(error):
                    read_pcm(path)

    def test_a_missing_package_fails_the_startup_health_with_a_clear_message(self):
        with tempfile.TemporaryDirectory() as directory:
            with open(os.path.join(directory, "pocketsphinx.py"), "w") as handle:
                handle.write("raise ImportError('hidden for this test')\n")
            engine = EngineProcess(self, script=ENGINE, env={"PYTHONPATH": directory})
            engine.initialize()
            status = "loading"
            for attempt in range(500):
                engine.request(attempt, "health_check")
                health = engine.reply(attempt)["result"]
                status = health["status"]
                if status != "loading":
                    break
            self.assertEqual(status, "error")
            self.assertIn("ci/install-pocketsphinx", health["detail"]["reason"])


@unittest.skipUnless(HAVE_POCKETSPHINX, "pocketsphinx is not installed (ci/install-pocketsphinx)")
class PocketsphinxEngineTests(unittest.TestCase):
    """One engine process (one model load) serves the tests of this class, in order."""

    @classmethod
    def setUpClass(cls):
        cls.shared = EngineProcess(SimpleNamespace(addCleanup=cls.addClassCleanup), script=ENGINE)
        result = cls.shared.initialize()["result"]
        assert result["capabilities"]["languages"] == ["en"], result
        cls.shared.wait_ready()

    def engine(self):
        return self.shared

    def test_the_shipped_samples_are_transcribed_within_the_wer_bound(self):
        engine = self.engine()
        names = sorted(name[:-4] for name in os.listdir(SPEECH) if name.endswith(".wav"))
        references, hypotheses = [], []
        for index, name in enumerate(names):
            engine.request(index, "transcribe", {"audio": {"path": os.path.join(SPEECH, name + ".wav")}})
            messages = engine.until(lambda m, i=index: m.get("id") == i and "method" not in m, timeout=60)
            result = messages[-1]["result"]
            progress = [m["params"]["fraction"] for m in messages if m.get("method") == "progress"]
            self.assertEqual(progress, sorted(progress))
            for segment in result["segments"]:
                self.assertTrue(all(0 <= w["start"] <= w["end"] <= result["duration"] for w in segment["words"]))
                self.assertTrue(all(0 <= w["confidence"] <= 1 for w in segment["words"]))
            hypotheses.append(" ".join(segment["text"] for segment in result["segments"]))
            with open(os.path.join(SPEECH, name + ".txt")) as handle:
                references.append(handle.read().strip())
        engine.request("again", "transcribe", {"audio": {"path": os.path.join(SPEECH, "stereo.wav")}})
        again = engine.reply("again", timeout=60)["result"]
        self.assertEqual(" ".join(segment["text"] for segment in again["segments"]),
                         hypotheses[names.index("stereo")],
                         "a result does not depend on the requests before it")
        wer = word_error_rate(references, hypotheses)
        self.assertLess(wer, WER_BOUND, "WER %.3f: %s" % (wer, list(zip(references, hypotheses))))
        engine.request("m", "get_metrics")
        metrics = engine.reply("m")["result"]
        self.assertGreater(metrics["modelLoadMs"], 0)
        self.assertGreater(metrics["engine"]["audioSeconds"], 0)

    def test_long_audio_is_split_at_pauses_and_cancel_stops_decoding_within_a_block(self):
        engine = self.engine()
        with tempfile.TemporaryDirectory() as directory:
            joined = os.path.join(directory, "joined.wav")
            with wave.open(joined, "wb") as writer:
                writer.setnchannels(1)
                writer.setsampwidth(2)
                writer.setframerate(16000)
                for name in ("hello", "numbers"):
                    with wave.open(os.path.join(SPEECH, name + ".wav"), "rb") as reader:
                        writer.writeframes(reader.readframes(reader.getnframes()))
                    writer.writeframes(b"\x00\x00" * 12800)
            empty = os.path.join(directory, "empty.wav")
            write_wav(empty, seconds=0.0)
            engine.request("empty", "transcribe", {"audio": {"path": empty}})
            result = engine.reply("empty", timeout=60)["result"]
            self.assertEqual((result["duration"], result["segments"]), (0.0, []))
            engine.request(0, "transcribe", {"audio": {"path": joined}})
            segments = engine.reply(0, timeout=60)["result"]["segments"]
        self.assertEqual([segment["id"] for segment in segments], [0, 1])
        self.assertLess(segments[0]["end"], segments[1]["start"])
        self.assertIn("three four five", segments[1]["text"])
        engine.request(1, "transcribe", {"audio": {"path": os.path.join(SPEECH, "meeting.wav")}})
        engine.until(lambda m: m.get("method") == "progress" and m["params"]["stage"] == "decoding")
        engine.send({"jsonrpc": "2.0", "method": "cancel", "params": {"id": 1}})
        self.assertEqual(engine.reply(1)["error"]["code"], -32800)
        engine.wait_ready()  # "degraded" while the cancelled decode winds down, then "ok"

    def test_settings_come_from_initialize_config_and_request_options(self):
        engine = EngineProcess(self, script=ENGINE)
        engine.request(0, "initialize", {"protocolVersion": "1.0", "clientInfo": {"name": "t", "version": "1"},
                                         "config": {"beam": 2}})
        self.assertEqual(engine.reply(0)["error"]["data"]["member"], "config.beam")
        engine.initialize(config={"lw": 7.5, "dither": True, "seed": 3})
        engine.wait_ready()
        engine.request(1, "transcribe", {"audio": {"path": os.path.join(SPEECH, "stereo.wav")}, "options": {"lw": "x"}})
        self.assertEqual(engine.reply(1)["error"]["code"], -32602)
        engine.request(2, "transcribe", {"audio": {"path": os.path.join(SPEECH, "stereo.wav")}, "options": {"beam": 1e-40}})
        settings = engine.reply(2, timeout=60)["result"]["metrics"]["settings"]
        self.assertEqual((settings["lw"], settings["seed"], settings["beam"]), (7.5, 3, 1e-40))


if __name__ == "__main__":
    unittest.main()
