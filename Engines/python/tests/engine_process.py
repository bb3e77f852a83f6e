"""Runs an example engine as a child process with bounded waits; always killed on cleanup."""

import json
import os
import queue
import struct
import subprocess
import sys
import threading
import time
import wave

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ECHO_ENGINE = os.path.join(PYTHON_DIR, "examples", "echo_engine.py")
QUICKSTART = os.path.join(PYTHON_DIR, "examples", "quickstart.py")
WAIT_SECONDS = 10.0
"""Upper bound for any single wait; tests never wait for a fixed time."""


def write_wav(path, seconds=1.0, rate=16000, channels=1, sample_width=2):
    frames = int(seconds * rate)
    with wave.open(path, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(sample_width)
        writer.setframerate(rate)
        if sample_width == 2:
            data = b"".join(struct.pack("<h", (index * 37) % 20000 - 10000) for index in range(frames * channels))
        else:
            data = bytes((index * 7) % 256 for index in range(frames * channels * sample_width))
        writer.writeframes(data)


class EngineProcess:
    def __init__(self, test_case, script=ECHO_ENGINE, args=(), env=None):
        environment = dict(os.environ)
        environment.update(env or {})
        self.process = subprocess.Popen([sys.executable, script] + list(args), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
                                        start_new_session=True)
        self.lines: "queue.Queue[bytes]" = queue.Queue()
        self.stderr_chunks = []
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._pump_stderr, daemon=True).start()
        test_case.addCleanup(self.kill)

    def _pump(self):
        for raw in iter(self.process.stdout.readline, b""):
            self.lines.put(raw)
        self.lines.put(b"")

    def _pump_stderr(self):
        for raw in iter(self.process.stderr.readline, b""):
            self.stderr_chunks.append(raw)

    def stderr_text(self):
        return b"".join(self.stderr_chunks).decode("utf-8", "replace")

    def send(self, *messages):
        data = b""
        for message in messages:
            data += message if isinstance(message, bytes) else json.dumps(message).encode("utf-8") + b"\n"
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def request(self, id_value, method, params=None):
        message = {"jsonrpc": "2.0", "id": id_value, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def next_raw(self, timeout=WAIT_SECONDS) -> bytes:
        try:
            raw = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("no line from the engine within %.1f s; stderr:\n%s" % (
                timeout, self.stderr_text()[-2000:])) from None
        if raw == b"":
            self.lines.put(b"")
            raise AssertionError("engine stdout closed; stderr:\n%s" % self.stderr_text()[-2000:])
        return raw

    def until(self, predicate, timeout=WAIT_SECONDS):
        """Messages up to and including the first one matching predicate (skips none)."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            raw = self.next_raw(max(0.01, deadline - time.monotonic()))
            message = json.loads(raw)
            seen.append(message)
            if predicate(message):
                return seen

    def reply(self, id_value, timeout=WAIT_SECONDS):
        return self.until(lambda m: "method" not in m and m.get("id") == id_value, timeout)[-1]

    def initialize(self, heartbeat_ms=0, config=None):
        self.request(0, "initialize", {"protocolVersion": "1.0", "clientInfo": {"name": "tests", "version": "1"},
                                       "heartbeatIntervalMs": heartbeat_ms, "config": config or {}})
        return self.reply(0)

    def wait_ready(self):
        for attempt in range(200):
            self.request("ready-%d" % attempt, "health_check")
            if self.reply("ready-%d" % attempt)["result"]["status"] == "ok":
                return
            time.sleep(0.02)
        raise AssertionError("engine never became ready")

    def wait_exit(self, timeout=5.0):
        return self.process.wait(timeout=timeout)

    def kill(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, 9)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=5)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except OSError:
                pass
