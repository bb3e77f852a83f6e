"""End-to-end: examples/echo_engine.py and quickstart.py as child processes."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from tests.engine_process import ECHO_ENGINE, QUICKSTART, EngineProcess, write_wav

def process_state(pid):
    with open("/proc/%d/stat" % pid) as handle:
        return handle.read().rsplit(")", 1)[1].split()[0]


TEXT = "the quick brown fox jumps over the lazy dog and keeps running far away"


class EchoEngineProcessTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        base = cls.directory.name
        cls.speech = os.path.join(base, "speech.wav")
        write_wav(cls.speech, seconds=2.0)
        with open(os.path.join(base, "speech.txt"), "w") as handle:
            handle.write(TEXT + "\n")
        cls.tone = os.path.join(base, "tone.wav")
        write_wav(cls.tone, seconds=1.5, rate=8000, channels=2)
        cls.eight_bit = os.path.join(base, "eight.wav")
        write_wav(cls.eight_bit, seconds=0.5, sample_width=1)
        cls.corrupt = os.path.join(base, "corrupt.wav")
        with open(cls.corrupt, "wb") as handle:
            handle.write(b"RIFF\x00\x00\x00\x00WAVEjunk")

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    def engine(self, *args, env=None):
        return EngineProcess(self, args=args, env=env)

    def test_a_full_session_transcribes_with_progress_and_drafts_then_stops_with_status_0(self):
        engine = self.engine("--stray-print", "--latency-ms", "50")
        result = engine.initialize()["result"]
        self.assertEqual(result["capabilities"]["drafts"], True)
        engine.request(1, "transcribe", {"audio": {"path": self.speech}, "language": "en", "options": {}})
        messages = engine.until(lambda m: m.get("id") == 1 and "method" not in m)
        final = messages[-1]["result"]
        self.assertEqual(" ".join(word["word"] for s in final["segments"] for word in s["words"]), TEXT)
        self.assertEqual(final["duration"], 2.0)
        progress = [m["params"]["fraction"] for m in messages if m.get("method") == "progress"]
        drafts = [m["params"]["seq"] for m in messages if m.get("method") == "draft"]
        self.assertEqual(progress, sorted(progress))
        self.assertEqual(progress[-1], 1.0)
        self.assertEqual(drafts, list(range(1, len(drafts) + 1)))
        engine.send(b"{this is not json\n")
        self.assertEqual(engine.reply(None)["error"]["code"], -32700)
        engine.request(2, "no_such_method")
        self.assertEqual(engine.reply(2)["error"]["code"], -32601)
        engine.request(3, "stop")
        self.assertEqual(engine.reply(3), {"jsonrpc": "2.0", "id": 3, "result": None})
        self.assertEqual(engine.wait_exit(), 0)
        self.assertEqual(engine.process.stdout.read(), b"")
        self.assertIn("stray print from the echo engine", engine.stderr_text())
        for line in engine.stderr_text().splitlines():
            if line.startswith("{"):
                self.assertEqual(sorted(json.loads(line))[:4], ["extra", "function", "level", "line"])

    def test_words_come_from_the_audio_when_there_is_no_text_file(self):
        engine = self.engine()
        engine.initialize()
        engine.request(1, "transcribe", {"audio": {"path": self.tone}})
        first = engine.reply(1)["result"]
        engine.request(2, "transcribe", {"audio": {"path": self.tone}})
        second = engine.reply(2)["result"]
        self.assertEqual(second["segments"], first["segments"])
        self.assertEqual(sorted(second["metrics"]), ["processingMs", "realTimeFactor"])
        self.assertEqual(len([w for s in first["segments"] for w in s["words"]]), 3)

    def test_health_is_answered_while_a_long_transcription_runs(self):
        engine = self.engine("--latency-ms", "4000")
        engine.initialize()
        engine.wait_ready()
        engine.request(1, "transcribe", {"audio": {"path": self.speech}})
        engine.request(2, "health_check")
        messages = engine.until(lambda m: m.get("id") in (1, 2) and "method" not in m)
        self.assertEqual(messages[-1]["id"], 2)
        self.assertEqual(messages[-1]["result"]["status"], "ok")
        engine.send({"jsonrpc": "2.0", "method": "cancel", "params": {"id": 1}})
        self.assertEqual(engine.reply(1)["error"]["code"], -32800)

    def test_cancel_of_a_hung_engine_still_gets_one_reply_and_stop_still_exits(self):
        engine = self.engine("--hang")
        engine.initialize()
        engine.request("h", "transcribe", {"audio": {"path": self.speech}})
        engine.send({"jsonrpc": "2.0", "method": "cancel", "params": {"id": "h"}})
        self.assertEqual(engine.reply("h")["error"]["code"], -32800)
        engine.request("s", "stop")
        self.assertEqual(engine.reply("s")["result"], None)
        self.assertEqual(engine.wait_exit(), 0)

    def test_audio_errors_have_their_codes(self):
        engine = self.engine()
        engine.initialize()
        cases = {"missing": (os.path.join(self.directory.name, "nope.wav"), -32010),
                 "eight": (self.eight_bit, -32011), "corrupt": (self.corrupt, -32011)}
        for name, (path, code) in cases.items():
            engine.request(name, "transcribe", {"audio": {"path": path}})
            error = engine.reply(name)["error"]
            self.assertEqual(error["code"], code, name)
            self.assertIsInstance(error["data"]["reason"], str)

    def test_end_of_input_exits_with_status_0(self):
        engine = self.engine("--latency-ms", "5000")
        engine.initialize()
        engine.request(1, "transcribe", {"audio": {"path": self.speech}})
        engine.process.stdin.close()
        self.assertEqual(engine.wait_exit(), 0)

    def test_sigterm_exits_promptly_with_status_0(self):
        engine = self.engine()
        engine.initialize()
        engine.process.send_signal(signal.SIGTERM)
        self.assertIn(engine.wait_exit(), (0, -signal.SIGTERM, 143))

    def test_a_closed_stdout_makes_the_engine_exit(self):
        process = subprocess.Popen([sys.executable, ECHO_ENGINE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        self.addCleanup(lambda: process.poll() is None and process.kill())
        process.stdout.close()
        line = b'{"jsonrpc":"2.0","id":1,"method":"get_status"}\n'
        process.stdin.write(line * 3)
        process.stdin.flush()
        self.assertEqual(process.wait(timeout=5), 0)
        process.stdin.close()

    def test_crash_after_n_requests_kills_the_process(self):
        engine = self.engine("--crash-after", "2")
        engine.initialize()
        engine.request(1, "transcribe", {"audio": {"path": self.speech}})
        self.assertIn("result", engine.reply(1))
        engine.request(2, "transcribe", {"audio": {"path": self.speech}})
        self.assertEqual(engine.wait_exit(), 3)

    def test_health_fail_and_startup_delay_switches(self):
        engine = self.engine("--health-fail", "--loading-ms", "300")
        engine.initialize()
        engine.request(1, "health_check")
        self.assertEqual(engine.reply(1)["result"]["status"], "loading")
        deadline = time.monotonic() + 10
        status = "loading"
        while status == "loading" and time.monotonic() < deadline:
            time.sleep(0.02)
            engine.request("p", "health_check")
            status = engine.reply("p")["result"]["status"]
        self.assertEqual(status, "error")

    @unittest.skipUnless(os.path.exists("/proc/self/stat"), "reads the process state from /proc")
    def test_degraded_health_banner_and_freeze_switches(self):
        engine = self.engine("--health", "degraded", "--banner", "--hang-after", "1", "--languages", "en,de")
        self.assertEqual(engine.next_raw(), b"echo engine starting\n")
        self.assertEqual(engine.initialize()["result"]["capabilities"]["languages"], ["en", "de"])
        deadline = time.monotonic() + 10
        status = "loading"
        while status == "loading" and time.monotonic() < deadline:
            engine.request("p", "health_check")
            status = engine.reply("p")["result"]["status"]
        self.assertEqual(status, "degraded")
        engine.request(1, "transcribe", {"audio": {"path": self.speech}})
        deadline = time.monotonic() + 10
        while process_state(engine.process.pid) != "T" and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertEqual(process_state(engine.process.pid), "T", "the engine stopped itself")
        engine.request(2, "get_status")
        with self.assertRaises(AssertionError):
            engine.reply(2, timeout=0.3)  # frozen: nothing is answered any more

    def test_garbage_switch_writes_a_non_json_line(self):
        engine = self.engine("--garbage")
        engine.initialize()
        engine.request(1, "transcribe", {"audio": {"path": self.speech}})
        lines = [engine.next_raw()]
        while not lines[-1].startswith(b'{"jsonrpc":"2.0","id":1,'):
            lines.append(engine.next_raw())
        self.assertEqual([line for line in lines if not line.startswith(b"{")], [b"this line is not JSON\n"])

    def test_heartbeats_arrive_in_sequence(self):
        engine = self.engine()
        engine.initialize(heartbeat_ms=100)
        beats = [m["params"]["seq"] for m in engine.until(
            lambda m: m.get("method") == "heartbeat" and m["params"]["seq"] == 3) if m.get("method") == "heartbeat"]
        self.assertEqual(beats, [1, 2, 3])

    def test_an_invalid_config_exits_1_naming_the_key_and_source(self):
        engine = self.engine(env={"LINGOSUB_PERFORMANCE__MAX_WORKERS": "0"})
        self.assertEqual(engine.wait_exit(), 1)
        self.assertIn("performance.max_workers (from env LINGOSUB_PERFORMANCE__MAX_WORKERS)", engine.stderr_text())

    def test_max_workers_from_the_environment_is_the_concurrency_limit(self):
        engine = self.engine("--latency-ms", "3000", env={"LINGOSUB_PERFORMANCE__MAX_WORKERS": "1"})
        self.assertEqual(engine.initialize()["result"]["capabilities"]["maxConcurrentRequests"], 1)
        engine.request(1, "transcribe", {"audio": {"path": self.speech}})
        engine.request(2, "transcribe", {"audio": {"path": self.speech}})
        self.assertEqual(engine.reply(2)["error"]["code"], -32020)

    def test_the_quickstart_example_serves_a_transcription(self):
        engine = EngineProcess(self, script=QUICKSTART)
        self.assertEqual(engine.initialize()["result"]["engine"]["name"], "quickstart")
        engine.request(1, "transcribe", {"audio": {"path": self.speech}})
        result = engine.reply(1)["result"]
        self.assertEqual((result["duration"], result["segments"][0]["text"]), (2.0, "hello world"))

    def test_the_quickstart_example_rejects_unreadable_audio_and_serves_an_empty_wav(self):
        empty = os.path.join(self.directory.name, "empty.wav")
        write_wav(empty, seconds=0.0)
        engine = EngineProcess(self, script=QUICKSTART)
        engine.initialize()
        engine.request(1, "transcribe", {"audio": {"path": self.corrupt}})
        self.assertEqual(engine.reply(1)["error"]["code"], -32011)
        engine.request(2, "transcribe", {"audio": {"path": empty}})
        result = engine.reply(2)["result"]
        self.assertEqual((result["duration"], result["segments"]), (0.0, []))


if __name__ == "__main__":
    unittest.main()
