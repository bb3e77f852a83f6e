"""Drives a Session by bytes and collects what it writes, without processes or clocks."""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lingosub_sidecar import actions as act  # noqa: E402
from lingosub_sidecar.session import Session, SessionSettings  # noqa: E402

CAPABILITIES = {"languages": ["en", "de"], "drafts": True, "wordTimestamps": True, "wordConfidence": True,
                "maxConcurrentRequests": 2}
CLIENT = {"name": "test", "version": "1"}
INITIALIZE = {"jsonrpc": "2.0", "id": 0, "method": "initialize",
              "params": {"protocolVersion": "1.0", "clientInfo": {"name": "test", "version": "1"},
                         "heartbeatIntervalMs": 0, "config": {}}}


def request(id_value, method, params=None):
    message = {"jsonrpc": "2.0", "id": id_value, "method": method}
    if params is not None:
        message["params"] = params
    return message


def transcribe(id_value, path="/audio.wav", language=None):
    return request(id_value, "transcribe", {"audio": {"path": path}, "language": language, "options": {}})


def line(message) -> bytes:
    if isinstance(message, bytes):
        return message
    return json.dumps(message, separators=(",", ":")).encode("utf-8") + b"\n"


class Harness:
    """A Session plus the actions it returned; ``writes`` holds every written line (bytes)."""

    def __init__(self, **settings):
        values = dict(engine_name="test-engine", engine_version="9.9", capabilities=dict(CAPABILITIES))
        values.update(settings)
        self.now = 1000
        self.session = Session(SessionSettings(**values), self.now)
        self.actions = []
        self.writes = []

    def take(self, actions):
        for action in actions:
            self.actions.append(action)
            if isinstance(action, act.Write):
                for raw in action.data.split(b"\n")[:-1]:
                    self.writes.append(raw)
        return actions

    def send(self, *messages) -> list:
        data = b"".join(line(message) for message in messages)
        return self.take(self.session.receive(data, self.now))

    def advance(self, ms: int) -> list:
        self.now += ms
        return []

    def replies(self) -> list:
        """Parsed JSON of every written line, then cleared."""
        parsed = [json.loads(raw) for raw in self.writes]
        self.writes = []
        return parsed

    def raw(self) -> list:
        taken, self.writes = self.writes, []
        return taken

    def of(self, kind) -> list:
        return [action for action in self.actions if isinstance(action, kind)]

    def clear(self):
        self.actions = []
        self.writes = []

    def initialized(self, ready=True, **params):
        message = json.loads(json.dumps(INITIALIZE))
        message["params"].update(params)
        self.send(message)
        if ready:
            self.take(self.session.engine_ready(True, "", self.now))
        self.clear()
        return self

    def jobs(self) -> list:
        return [action.job for action in self.of(act.StartJob)]

    def finish(self, job, result=None, error=None):
        return self.take(self.session.job_finished(job, result, error, self.now))

    def fire(self, key):
        return self.take(self.session.timer_fired(key, self.now))


RESULT = {"language": "en", "duration": 1.0, "segments": [], "metrics": {}}
