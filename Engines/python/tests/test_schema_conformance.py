"""Every message the echo engine writes in a broad session validates against Conformance/schemas,
using the checker of ci/check-spec.py (skipped when that script or the jsonschema package is absent)."""

import importlib.util
import json
import os
import tempfile
import unittest

from tests.engine_process import EngineProcess, write_wav

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
CHECK_SPEC = os.path.join(REPO, "ci", "check-spec.py")


def load_check_spec():
    if not os.path.isfile(CHECK_SPEC):
        return None
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        return None
    spec = importlib.util.spec_from_file_location("check_spec", CHECK_SPEC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CheckedEngine(EngineProcess):
    """Feeds every line sent and received to check-spec's SessionChecker."""

    def __init__(self, test_case, checker, *args, **kwargs):
        super().__init__(test_case, *args, **kwargs)
        self.checker = checker
        self.count = 0

    def send(self, *messages):
        for message in messages:
            if isinstance(message, (dict, list)):
                self.checker.outgoing("sent", message)
        super().send(*messages)

    def next_raw(self, timeout=10.0):
        raw = super().next_raw(timeout)
        self.count += 1
        self.checker.incoming("engine line %d" % self.count, json.loads(raw))
        return raw


class SchemaConformanceTests(unittest.TestCase):
    def test_a_broad_echo_engine_session_validates_against_the_schemas(self):
        module = load_check_spec()
        if module is None:
            self.skipTest("ci/check-spec.py or the jsonschema package is not available")
        module.failures.clear()
        checker = module.SessionChecker(module.make_validators())
        with tempfile.TemporaryDirectory() as directory:
            speech = os.path.join(directory, "speech.wav")
            write_wav(speech, seconds=2.0)
            with open(os.path.join(directory, "speech.txt"), "w") as handle:
                handle.write("one two three four five six seven eight nine ten\n")
            empty = os.path.join(directory, "empty.wav")
            write_wav(empty, seconds=0.0)
            engine = CheckedEngine(self, checker, args=["--latency-ms", "300"])
            self.run_session(engine, speech, empty, directory)
            self.assertEqual(engine.wait_exit(), 0)
        self.assertEqual(module.failures, [])
        self.assertGreater(checker.checked, 40)

    def run_session(self, engine, speech, empty, directory):
        engine.request(0, "get_status")
        engine.reply(0)
        engine.initialize(heartbeat_ms=100)
        engine.wait_ready()
        engine.request(2, "transcribe", {"audio": {"path": speech}, "language": "en", "options": {}})
        engine.request(3, "health_check")
        engine.until(lambda m: m.get("id") == 2 and "method" not in m)
        engine.request("job-7", "transcribe", {"audio": {"path": speech}, "language": None, "options": {}})
        engine.send({"jsonrpc": "2.0", "method": "cancel", "params": {"id": "job-7"}})
        self.assertEqual(engine.reply("job-7")["error"]["code"], -32800)
        engine.request(4, "Transcribe", {})
        engine.reply(4)
        errors = {5: os.path.join(directory, "missing.wav"), 6: speech + ".txt"}
        for id_value, path in errors.items():
            engine.request(id_value, "transcribe", {"audio": {"path": path}})
            engine.reply(id_value)
        engine.request(7, "transcribe", {"audio": {"path": speech}, "language": "fr"})
        engine.reply(7)
        engine.request(8, "transcribe", {"audio": {"path": empty}})
        self.assertEqual(engine.reply(8)["result"]["segments"], [])
        engine.send([{"jsonrpc": "2.0", "id": 18446744073709551616, "method": "get_status"},
                     {"jsonrpc": "2.0", "method": "cancel", "params": {"id": 99}},
                     {"jsonrpc": "2.0", "id": "7", "method": "get_metrics"}])
        engine.next_raw()
        engine.request(9, "restart")
        engine.reply(9)
        engine.request(10, "stop")
        engine.reply(10)


if __name__ == "__main__":
    unittest.main()
