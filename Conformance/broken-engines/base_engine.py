#!/usr/bin/env python3
"""A small engine that follows Conformance/SPEC.md (protocol 1.0), standard library only.

It is the correct baseline for lsconform's own tests: `python3 base_engine.py` must pass every case.
Each broken engine in this directory is a three-line wrapper that calls `main([FLAW])`, switching on
exactly one flaw from FLAWS below; the flaw names say which rule they break.

"Transcription" is simulated: the WAV is decoded with the `wave` module, and decoding takes
duration × RTF seconds (env LSCONFORM_BASE_RTF, default 0.05), in short chunks that check for
cancellation. One segment per second of audio, one word per segment.
"""
import json
import os
import signal
import sys
import threading
import time
import wave

from json_values import Num, dump, id_key, is_int

FLAWS = {
    "banner",                  # 2.1-MUST-NOT-1: prints a banner on stdout at start-up
    "pretty_metrics",          # 2.2-MUST-NOT-1: pretty-prints the get_metrics reply over several lines
    "buffered_notifications",  # 2.5-MUST-1: notifications are block-buffered, not flushed
    "float_ids",               # 3.2-MUST-2: integer ids beyond 64 bits pass through a float
    "answers_notifications",   # 3.3-MUST-NOT-1: unknown notifications get a -32601 reply
    "unknown_method_32600",    # 3.6-MUST-2: unknown methods get -32600 instead of -32601
    "serves_before_init",      # 5.4-MUST-1: no -32002 before initialize
    "double_initialize",       # 5.4-MUST-3: a second initialize succeeds again
    "accepts_any_version",     # 5.3-MUST-2: accepts protocolVersion 2.0
    "stop_without_exit",       # 5.5-MUST-2: replies to stop but keeps running
    "ignores_eof",             # 5.6-MUST-1: keeps running after stdin EOF
    "progress_backwards",      # 7.3-MUST-1: a progress fraction goes down
    "draft_after_reply",       # 7.5-MUST-NOT-1: sends a draft after the final reply
    "cancel_no_reply",         # 7.1-MUST-1: a cancelled request never gets its final reply
    "cancel_two_replies",      # 7.1-MUST-1: a cancelled request gets -32800 and then its result
    "health_waits",            # 6.2-MUST-1: health_check waits for running transcriptions
    "slow_heartbeat",          # 7.2-MUST-1: heartbeats come at three times the interval
    "batch_separate_lines",    # 4.2-MUST-2: batch replies written one per line
    "no_oversize_error",       # 2.3-MUST-3: oversized lines are dropped without -32001
    "error_without_reason",    # 3.5-MUST-2: application errors carry data without "reason"
    "plain_stderr",            # 2.6-SHOULD-1: stderr logs are plain text, not JSON lines
    "restart_health_ok",       # 6.5-MUST-2: health_check and get_status say ok/ready while reloading
    "restart_rejects_transcribe",  # 6.5-MUST-3: a transcribe read while reloading gets -32000
    "restart_no_cancel",       # 9.4-MUST-1: restart lets running transcriptions finish instead of -32800
}

DEFAULT_LIMIT = 8_388_608
ENGINE_LIMIT = 4_194_304
LANGUAGES = ["en", "de"]
MAX_CONCURRENT = 2
START = time.monotonic()
METHODS = {"initialize", "transcribe", "health_check", "get_status", "get_metrics", "restart", "stop"}
MESSAGES = {-32700: "Parse error", -32600: "Invalid Request", -32601: "Method not found",
            -32602: "Invalid params", -32603: "Internal error"}
NAMES = {-32700: "parse_error", -32600: "invalid_request", -32601: "method_not_found",
         -32602: "invalid_params", -32000: "engine_failure", -32001: "message_too_large",
         -32002: "not_initialized", -32003: "already_initialized",
         -32004: "unsupported_protocol_version", -32010: "audio_not_found",
         -32011: "audio_unsupported_format", -32012: "language_unsupported", -32020: "busy",
         -32021: "duplicate_request_id", -32030: "shutting_down", -32800: "request_cancelled"}


class Request:
    def __init__(self, request_id, batch=None):
        self.id = request_id
        self.batch = batch
        self.answered = False
        self.transcribe = False
        self.cancel = threading.Event()
        self.started = time.monotonic()


class Batch:
    def __init__(self):
        self.responses = []
        self.pending = 0
        self.sealed = False


class Engine:
    def __init__(self, flaws):
        self.flaws = flaws
        self.lock = threading.Lock()
        self.initialized = False
        self.stopping = False
        self.limit = DEFAULT_LIMIT
        self.heartbeat_ms = 0
        self.in_flight = {}
        self.transcribing = 0
        self.loading = threading.Event()
        self.loading.set()
        self.restart_waiters = []
        self.counts = {"total": 0, "succeeded": 0, "failed": 0, "cancelled": 0}
        self.durations = []
        self.notification_buffer = []
        self.rtf = float(os.environ.get("LSCONFORM_BASE_RTF", "0.05"))

    def has(self, flaw):
        return flaw in self.flaws

    # ── output ──

    def write_line(self, text):
        data = (text + "\n").encode("utf-8")
        while data:
            try:
                written = os.write(1, data)
            except BrokenPipeError:
                os._exit(0)
            data = data[written:]

    def notify(self, method, params):
        line = dump({"jsonrpc": "2.0", "method": method, "params": params})
        with self.lock:
            if self.stopping:
                return
            if self.has("buffered_notifications"):
                self.notification_buffer.append(line)
                if sum(len(x) for x in self.notification_buffer) > 8192:
                    self.write_line("\n".join(self.notification_buffer))
                    self.notification_buffer = []
                return
            self.write_line(line)

    def response(self, request_id, result=None, error=None):
        message = {"jsonrpc": "2.0", "id": request_id}
        if error is not None:
            message["error"] = error
        else:
            message["result"] = result
        return message

    def error(self, code, reason, **extra):
        error = {"code": code, "message": MESSAGES.get(code, NAMES.get(code, "Error").replace("_", " ").capitalize())}
        data = {"name": NAMES[code], "reason": reason} if code in NAMES else {"reason": reason}
        data.update(extra)
        if self.has("error_without_reason") and -32100 < code <= -32000:
            del data["reason"]
        error["data"] = data
        return error

    def emit(self, request, message):
        """Writes the final reply of `request` (or files it in its batch); only the first one counts."""
        with self.lock:
            if request.answered and not self.has("cancel_two_replies"):
                return False
            first = not request.answered
            request.answered = True
            if first:
                self.in_flight.pop(id_key(request.id), None)
            batch = request.batch
            if batch is None:
                text = dump(message)
                if self.has("pretty_metrics") and isinstance(message.get("result"), dict) and "requests" in message["result"]:
                    text = json.dumps(json.loads(text), indent=2)
                self.write_line(text)
                return True
            batch.responses.append(message)
            batch.pending -= 1
            self.flush_batch(batch)
            return True

    def flush_batch(self, batch):
        if batch.sealed and batch.pending == 0 and batch.responses:
            if self.has("batch_separate_lines"):
                for message in batch.responses:
                    self.write_line(dump(message))
            else:
                self.write_line(dump(batch.responses))
            batch.responses = []

    def reply(self, request, result):
        return self.emit(request, self.response(request.id, result=result))

    def fail(self, request, code, reason, **extra):
        return self.emit(request, self.response(request.id, error=self.error(code, reason, **extra)))

    # ── input ──

    def handle_line(self, raw):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self.write_line(dump(self.response(None, error=self.error(-32700, "invalid UTF-8"))))
            return
        try:
            value = json.loads(text, parse_int=Num, parse_float=Num, parse_constant=self.bad_constant)
        except ValueError as problem:
            self.write_line(dump(self.response(None, error=self.error(-32700, str(problem)))))
            return
        if isinstance(value, list):
            self.handle_batch(value)
        else:
            self.dispatch(value, None)

    @staticmethod
    def bad_constant(name):
        raise ValueError("invalid literal " + name)

    def handle_batch(self, elements):
        if not elements:
            self.write_line(dump(self.response(None, error=self.error(-32600, "empty batch"))))
            return
        batch = Batch()
        for element in elements:
            self.dispatch(element, batch)
        with self.lock:
            batch.sealed = True
            self.flush_batch(batch)

    def classify(self, message):
        """Returns (kind, id, method, params, reason): kind is request, notification or invalid."""
        if not isinstance(message, dict):
            return "invalid", None, None, None, "message is not a JSON object"
        request_id = message.get("id")
        if "id" in message and not (request_id is None or isinstance(request_id, (str, Num))):
            return "invalid", None, None, None, "id must be a string, a number or null"
        if message.get("jsonrpc") != "2.0":
            return "invalid", request_id, None, None, 'jsonrpc must be "2.0"'
        if "method" not in message:
            return "invalid", request_id, None, None, "no method"
        method = message["method"]
        if not isinstance(method, str):
            return "invalid", request_id, None, None, "method must be a string"
        params = message.get("params", {})
        if "params" in message and not isinstance(params, (dict, list)):
            return "invalid", request_id, None, None, "params must be an object or an array"
        kind = "request" if "id" in message else "notification"
        return kind, request_id, method, params, None

    def dispatch(self, message, batch):
        kind, request_id, method, params, reason = self.classify(message)
        if kind == "notification":
            self.handle_notification(method, params)
            return
        if self.has("float_ids") and isinstance(request_id, Num) and is_int(request_id) \
                and abs(int(request_id.text)) >= 2 ** 63:
            request_id = Num(repr(float(request_id.text)))
        request = Request(request_id, batch)
        if batch is not None:
            with self.lock:
                batch.pending += 1
        if kind == "invalid":
            self.fail(request, -32600, reason)
            return
        key = id_key(request_id)
        with self.lock:
            duplicate = key in self.in_flight
            if not duplicate:
                self.in_flight[key] = request
        if duplicate:
            self.fail(request, -32021, "id already in flight")
            return
        self.handle_request(request, method, params)

    def handle_notification(self, method, params):
        if method == "cancel":
            if not self.initialized or not isinstance(params, dict) or "id" not in params:
                return
            with self.lock:
                target = self.in_flight.get(id_key(params["id"]))
            if target is not None:
                target.cancel.set()
            return
        if self.has("answers_notifications") and method not in METHODS:
            self.write_line(dump(self.response(None, error=self.error(-32601, "unknown method " + method))))

    def handle_request(self, request, method, params):
        if self.stopping:
            self.fail(request, -32030, "engine is stopping")
            return
        if method == "stop":
            self.handle_stop(request)
            return
        if not self.initialized and method != "initialize" and not self.has("serves_before_init"):
            self.fail(request, -32002, "send initialize first")
            return
        handler = {"initialize": self.handle_initialize, "transcribe": self.handle_transcribe,
                   "health_check": self.handle_health, "get_status": self.handle_status,
                   "get_metrics": self.handle_metrics, "restart": self.handle_restart}.get(method)
        if handler is None:
            code = -32600 if self.has("unknown_method_32600") else -32601
            self.fail(request, code, "unknown method " + repr(method))
            return
        if not isinstance(params, dict):
            self.fail(request, -32602, "params must be an object")
            return
        handler(request, params)

    # ── lifecycle ──

    def handle_initialize(self, request, params):
        if self.initialized and not self.has("double_initialize"):
            self.fail(request, -32003, "already initialized")
            return
        version = params.get("protocolVersion")
        client = params.get("clientInfo")
        heartbeat = params.get("heartbeatIntervalMs", Num("0"))
        limits = params.get("limits", {"maxMessageBytes": Num(str(DEFAULT_LIMIT))})
        valid = (isinstance(version, str) and isinstance(client, dict)
                 and isinstance(client.get("name"), str) and isinstance(client.get("version"), str)
                 and (is_int(heartbeat, 0, 0) or is_int(heartbeat, 100, 3_600_000))
                 and isinstance(params.get("config", {}), dict)
                 and isinstance(limits, dict) and is_int(limits.get("maxMessageBytes"), 65_536))
        parts = version.split(".") if isinstance(version, str) else []
        if not valid or len(parts) != 2 or not all(p.isdigit() and (p == "0" or p[0] != "0") for p in parts):
            self.fail(request, -32602, "invalid initialize params")
            return
        if parts[0] != "1" and not self.has("accepts_any_version"):
            self.fail(request, -32004, "unsupported protocol version " + version, supported=["1.0"])
            return
        first = not self.initialized
        if first:
            self.heartbeat_ms = int(heartbeat.text)
            self.limit = min(int(limits["maxMessageBytes"].text), ENGINE_LIMIT)
        result = {"protocolVersion": "1.0", "engine": {"name": "base_engine", "version": "0.1.0"},
                  "capabilities": {"languages": LANGUAGES, "drafts": True, "wordTimestamps": True,
                                   "wordConfidence": True, "maxConcurrentRequests": MAX_CONCURRENT},
                  "limits": {"maxMessageBytes": ENGINE_LIMIT}}
        self.reply(request, result)
        self.initialized = True
        if first and self.heartbeat_ms > 0:
            threading.Thread(target=self.heartbeat_loop, daemon=True).start()

    def heartbeat_loop(self):
        interval = self.heartbeat_ms / 1000.0 * (3 if self.has("slow_heartbeat") else 1)
        seq = 0
        next_at = time.monotonic() + interval
        while True:
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += interval
            seq += 1
            self.notify("heartbeat", {"seq": seq, "uptimeMs": uptime_ms()})

    def handle_stop(self, request):
        with self.lock:
            self.stopping = True
            victims = [r for r in self.in_flight.values() if r is not request and not r.answered]
        for victim in victims:
            victim.cancel.set()
            self.stop_reply(victim, self.error(-32030, "engine is stopping"))
        self.stop_reply(request, None)
        if self.has("stop_without_exit"):
            return
        os._exit(0)

    def stop_reply(self, request, error):
        """Writes a reply while stopping (notify() is muted, emit() is not)."""
        message = self.response(request.id, result=None) if error is None else self.response(request.id, error=error)
        self.emit(request, message)

    def handle_restart(self, request, params):
        with self.lock:
            victims = [r for r in self.in_flight.values() if r.transcribe and not r.answered
                       and not self.has("restart_no_cancel")]
            self.restart_waiters.append(request)
            already = not self.loading.is_set()
            self.loading.clear()
        for victim in victims:
            victim.cancel.set()
            self.finish(victim, self.response(victim.id, error=self.error(-32800, "cancelled by restart")), "cancelled")
        if not already:
            threading.Thread(target=self.reload, daemon=True).start()

    def reload(self):
        time.sleep(0.2)
        with self.lock:
            waiters, self.restart_waiters = self.restart_waiters, []
            self.loading.set()
        for waiter in waiters:
            self.reply(waiter, None)

    # ── status ──

    def handle_health(self, request, params):
        if self.has("health_waits"):
            while self.transcribing > 0:
                time.sleep(0.01)
        if not self.loading.is_set() and not self.has("restart_health_ok"):
            self.reply(request, {"status": "loading", "detail": {"reason": "reloading the model"}})
            return
        self.reply(request, {"status": "ok", "detail": {"activeRequests": self.transcribing}})

    def handle_status(self, request, params):
        with self.lock:
            active = self.transcribing
            served = self.counts["total"]
        state = "loading" if not self.loading.is_set() and not self.has("restart_health_ok") else ("busy" if active >= MAX_CONCURRENT else "ready")
        self.reply(request, {"state": state, "activeRequests": active, "maxConcurrentRequests": MAX_CONCURRENT,
                             "uptimeMs": uptime_ms(), "requestsServed": served})

    def handle_metrics(self, request, params):
        with self.lock:
            counts = dict(self.counts)
            durations = list(self.durations)
        mean = sum(durations) / len(durations) if durations else 0.0
        self.reply(request, {"requests": counts, "uptimeMs": uptime_ms(),
                             "durationMs": {"count": len(durations), "mean": float(mean),
                                            "max": float(max(durations) if durations else 0.0)}})

    # ── transcribe ──

    def handle_transcribe(self, request, params):
        audio = params.get("audio")
        language = params.get("language")
        if not isinstance(audio, dict) or not isinstance(audio.get("path"), str) \
                or not (language is None or isinstance(language, str)) \
                or not isinstance(params.get("options", {}), dict):
            self.fail(request, -32602, "transcribe needs audio.path (string), language (string or null)")
            return
        if self.has("restart_rejects_transcribe") and not self.loading.is_set():
            self.fail(request, -32000, "the model is reloading")
            return
        request.transcribe = True
        with self.lock:
            busy = self.transcribing >= MAX_CONCURRENT
            if not busy:
                self.transcribing += 1
        if busy:
            request.transcribe = False
            self.fail(request, -32020, "too many requests", maxConcurrentRequests=MAX_CONCURRENT)
            return
        if language is not None and language not in LANGUAGES:
            self.finish(request, self.response(request.id, error=self.error(
                -32012, "language not supported", language=language, supported=LANGUAGES)), "failed")
            return
        threading.Thread(target=self.transcribe, args=(request, audio["path"], language or "en"), daemon=True).start()

    def finish(self, request, message, outcome):
        with self.lock:
            if request.answered and not self.has("cancel_two_replies"):
                return
            counted = not request.answered
            if counted and request.transcribe:
                self.transcribing -= 1
                self.counts["total"] += 1
                self.counts[outcome] += 1
                if outcome == "succeeded":
                    self.durations.append((time.monotonic() - request.started) * 1000.0)
        self.emit(request, message)

    def transcribe(self, request, path, language):
        try:
            samples_duration = read_duration(path)
        except FileNotFoundError:
            self.finish(request, self.response(request.id, error=self.error(-32010, "no such file", path=path)), "failed")
            return
        except (wave.Error, EOFError, ValueError) as problem:
            self.finish(request, self.response(request.id, error=self.error(
                -32011, "cannot decode: " + str(problem), path=path)), "failed")
            return
        self.loading.wait()
        self.decode(request, samples_duration, language)

    def decode(self, request, duration, language):
        work = duration * self.rtf
        steps = max(1, int(duration))
        segments = []
        fractions = [i / steps for i in range(steps)]
        if self.has("progress_backwards") and steps >= 2:
            fractions[1], fractions[0] = fractions[0], 0.5
        for step in range(steps):
            self.notify("progress", {"id": request.id, "fraction": fractions[step], "stage": "decoding"})
            deadline = time.monotonic() + work / steps
            while time.monotonic() < deadline:
                if request.cancel.wait(min(0.02, max(0.0, deadline - time.monotonic()))):
                    self.cancelled(request)
                    return
            start, end = float(step), float(min(step + 1, duration))
            word = {"word": "tone", "start": start, "end": end, "confidence": 0.9}
            segment = {"id": step, "start": start, "end": end, "text": "tone", "confidence": 0.9, "words": [word]}
            if duration > 0:
                segments.append(segment)
                self.notify("draft", {"id": request.id, "seq": step + 1, "segment": segment})
        if request.cancel.is_set():
            self.cancelled(request)
            return
        self.notify("progress", {"id": request.id, "fraction": 1.0, "stage": "finalizing"})
        elapsed = (time.monotonic() - request.started) * 1000.0
        result = {"language": language, "duration": float(duration), "segments": segments,
                  "metrics": {"processingMs": int(elapsed),
                              "realTimeFactor": elapsed / 1000.0 / duration if duration > 0 else 0.0}}
        self.finish(request, self.response(request.id, result=result), "succeeded")
        if self.has("draft_after_reply") and segments:
            self.notify("draft", {"id": request.id, "seq": len(segments) + 1, "segment": segments[-1]})

    def cancelled(self, request):
        if self.has("cancel_no_reply"):
            with self.lock:
                self.transcribing -= 1
                self.in_flight.pop(id_key(request.id), None)
            return
        self.finish(request, self.response(request.id, error=self.error(-32800, "cancelled by the coordinator")),
                    "cancelled")
        if self.has("cancel_two_replies"):
            self.emit(request, self.response(request.id, result={"language": "en", "duration": 0.0,
                                                                  "segments": [], "metrics": {}}))

    # ── main loop ──

    def serve(self):
        pending = bytearray()
        discarding = False
        while True:
            chunk = os.read(0, 65536)
            if not chunk:
                if self.has("ignores_eof"):
                    while True:
                        time.sleep(3600)
                os._exit(0)
            start = 0
            while True:
                newline = chunk.find(b"\n", start)
                piece = chunk[start:] if newline < 0 else chunk[start:newline]
                if discarding:
                    pass
                elif len(pending) + len(piece) > self.limit + 1:
                    discarding = True
                    pending = bytearray()
                else:
                    pending += piece
                if newline < 0:
                    break
                start = newline + 1
                if discarding:
                    discarding = False
                    if not self.has("no_oversize_error"):
                        self.write_line(dump(self.response(None, error=self.error(
                            -32001, "line longer than %d bytes" % self.limit, limitBytes=self.limit))))
                    continue
                line = bytes(pending[:-1] if pending.endswith(b"\r") else pending)
                pending = bytearray()
                if len(line) > self.limit:
                    self.write_line(dump(self.response(None, error=self.error(-32001, "line too long"))))
                elif line.strip(b" \t\r"):
                    self.handle_line(line)


def uptime_ms():
    return int((time.monotonic() - START) * 1000)


def read_duration(path):
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    with wave.open(path, "rb") as reader:
        if reader.getsampwidth() != 2 or reader.getnchannels() not in (1, 2) or reader.getframerate() <= 0:
            raise ValueError("need 16-bit PCM, mono or stereo")
        frames = reader.getnframes()
        available = os.path.getsize(path) - 44
        if frames * reader.getsampwidth() * reader.getnchannels() > max(0, available):
            raise ValueError("data chunk larger than the file")
        return frames / reader.getframerate()


def main(flaws=()):
    unknown = set(flaws) - FLAWS
    if unknown:
        sys.stderr.write("unknown flaw(s): %s\n" % ", ".join(sorted(unknown)))
        sys.exit(2)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    engine = Engine(set(flaws))
    if "plain_stderr" in flaws:
        sys.stderr.write("INFO base engine started\n")
    else:
        sys.stderr.write(json.dumps({"level": "info", "msg": "base engine started", "flaws": sorted(flaws)}) + "\n")
    sys.stderr.flush()
    if engine.has("banner"):
        engine.write_line("base_engine 0.1.0 ready")
    engine.serve()


if __name__ == "__main__":
    main(sys.argv[1:])
