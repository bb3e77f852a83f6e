"""SidecarServer (the I/O driver) in-process over pipes, with engines whose hooks misbehave."""

import json
import os
import select
import threading
import time
import unittest

from tests.harness import CLIENT
from lingosub_sidecar import (BaseSidecarEngine, EngineConfig, SidecarConfig, SidecarServer,
                              TranscriptionResponse)

WAIT_SECONDS = 10.0


class SlowHealthEngine(BaseSidecarEngine):
    """Health takes 1 s (longer than the 400 ms answer bound); start fails on demand."""

    def _initialize_engine(self):
        self.health_seconds = 1.0

    async def _start_engine(self):
        if self.config.options.get("fail_start"):
            raise RuntimeError("model file missing")

    async def _stop_engine(self):
        pass

    async def _check_engine_health(self):
        time.sleep(self.health_seconds)
        return True

    def transcribe(self, request, reporter):
        return TranscriptionResponse(text="x", duration=0.5)


class GilLoadEngine(BaseSidecarEngine):
    """Declares a GIL-holding load; records the config each load saw."""

    load_holds_gil = True

    def _initialize_engine(self):
        self.loads = []

    async def _start_engine(self):
        self.loads.append(dict(self.config.options))

    async def _stop_engine(self):
        pass

    async def _check_engine_health(self):
        return True

    def transcribe(self, request, reporter):
        return TranscriptionResponse(text="x", duration=0.5)


class ServerHarness:
    def __init__(self, test_case, engine, preload=False):
        self.to_engine_read, self.to_engine = os.pipe()
        self.from_engine, self.from_engine_write = os.pipe()
        self.server = SidecarServer(engine, SidecarConfig(), self.from_engine_write, self.to_engine_read,
                                    preload=preload)
        self.status = []
        self.thread = threading.Thread(target=lambda: self.status.append(self.server.run(False)), daemon=True)
        self.thread.start()
        self.buffer = b""
        test_case.addCleanup(self.close)

    def send(self, message):
        os.write(self.to_engine, json.dumps(message).encode() + b"\n")

    def line(self):
        deadline = time.monotonic() + WAIT_SECONDS
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.from_engine], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError("no line from the server within %.0f s" % WAIT_SECONDS)
            chunk = os.read(self.from_engine, 65536)
            if not chunk:
                raise AssertionError("the server closed its output")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def reply(self, id_value):
        while True:
            message = json.loads(self.line())
            if message.get("id") == id_value and "method" not in message:
                return message

    def close(self):
        for fd in (self.to_engine, self.from_engine_write):
            try:
                os.close(fd)
            except OSError:
                pass
        self.thread.join(WAIT_SECONDS)
        os.close(self.from_engine)
        os.close(self.to_engine_read)


class ServerTests(unittest.TestCase):
    def test_a_timer_centuries_away_does_not_overflow_the_event_wait(self):
        server = SidecarServer(SlowHealthEngine(EngineConfig()), SidecarConfig(), output_fd=-1, input_fd=-1)
        server.timers[("timeout", ("n", "1"))] = 10 ** 13  # 10^10 s: beyond threading.TIMEOUT_MAX
        server.events.put(("eof",))
        self.assertEqual(server._next_event(), ("eof",))

    def test_a_health_check_slower_than_its_bound_is_answered_degraded(self):
        h = ServerHarness(self, SlowHealthEngine(EngineConfig()))
        h.send({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                "params": {"protocolVersion": "1.0", "clientInfo": CLIENT}})
        h.reply(0)
        status, deadline = "loading", time.monotonic() + WAIT_SECONDS
        while status == "loading" and time.monotonic() < deadline:
            h.send({"jsonrpc": "2.0", "id": "h", "method": "health_check"})
            health = h.reply("h")["result"]
            status = health["status"]
        self.assertEqual(status, "degraded")
        self.assertIn("did not return within 400 ms", health["detail"]["reason"])
        h.send({"jsonrpc": "2.0", "id": "s", "method": "stop"})
        self.assertIsNone(h.reply("s")["result"])
        h.thread.join(WAIT_SECONDS)
        self.assertEqual(h.status, [0])

    def test_a_failing_start_reports_error_health_and_engine_failure(self):
        h = ServerHarness(self, SlowHealthEngine(EngineConfig(options={"fail_start": True})))
        h.send({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                "params": {"protocolVersion": "1.0", "clientInfo": CLIENT}})
        h.reply(0)
        status, deadline = "loading", time.monotonic() + WAIT_SECONDS
        while status == "loading" and time.monotonic() < deadline:
            h.send({"jsonrpc": "2.0", "id": "h", "method": "health_check"})
            health = h.reply("h")["result"]
            status = health["status"]
        self.assertEqual((status, health["detail"]["reason"]), ("error", "RuntimeError: model file missing"))
        h.send({"jsonrpc": "2.0", "id": 1, "method": "transcribe", "params": {"audio": {"path": "/x.wav"}}})
        self.assertEqual(h.reply(1)["error"]["code"], -32000)

    def test_an_engine_whose_load_holds_the_gil_is_loaded_before_the_initialize_reply(self):
        for preload, config, loads in ((False, {}, [{}]), (True, {}, [{}]), (True, {"lw": 8}, [{}, {"lw": 8}])):
            with self.subTest(preload=preload, config=config):
                engine = GilLoadEngine(EngineConfig())
                h = ServerHarness(self, engine, preload=preload)
                h.send({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                        "params": {"protocolVersion": "1.0", "clientInfo": CLIENT, "config": config}})
                h.reply(0)
                self.assertEqual(engine.loads, loads)
                h.send({"jsonrpc": "2.0", "id": "h", "method": "health_check"})
                self.assertEqual(h.reply("h")["result"]["status"], "ok")
                h.send({"jsonrpc": "2.0", "id": "s", "method": "stop"})
                self.assertIsNone(h.reply("s")["result"])


if __name__ == "__main__":
    unittest.main()


class InputReadAheadTest(unittest.TestCase):
    """The stdin reader stays at most INPUT_CHUNKS_AHEAD_MAX chunks ahead of the main loop, so an engine
    whose stdout writes block (a coordinator that stopped reading) stops reading stdin instead of
    queueing it without bound."""

    def test_reader_stops_at_the_read_ahead_bound_until_a_chunk_is_dispatched(self):
        from lingosub_sidecar.server import INPUT_CHUNKS_AHEAD_MAX
        read_fd, write_fd = os.pipe()
        sink_read, sink_write = os.pipe()
        self.addCleanup(lambda: [os.close(fd) for fd in (read_fd, sink_read, sink_write)])
        server = SidecarServer(GilLoadEngine(EngineConfig()), SidecarConfig(), sink_write, read_fd)

        def feed():  # blank lines only: the session ignores them
            try:
                os.write(write_fd, b"\n" * (8 * 65536))
            except OSError:  # the test ended with the reader parked: the pipe was closed under us
                pass
            os.close(write_fd)
        threading.Thread(target=feed, daemon=True).start()
        threading.Thread(target=server._read_input, daemon=True).start()  # pylint: disable=protected-access
        taken = [server.events.get(timeout=WAIT_SECONDS) for _ in range(INPUT_CHUNKS_AHEAD_MAX)]
        self.assertEqual([event[0] for event in taken], ["data"] * INPUT_CHUNKS_AHEAD_MAX)
        self.assertFalse(server.input_slots.acquire(blocking=False), "no read beyond the bound")
        self.assertEqual(server._dispatch(taken[0], 0), [])  # pylint: disable=protected-access
        self.assertEqual(server.events.get(timeout=WAIT_SECONDS)[0], "data")
        self.assertFalse(server.input_slots.acquire(blocking=False), "one chunk dispatched, one more read")
