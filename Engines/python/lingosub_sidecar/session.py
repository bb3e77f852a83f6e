"""The protocol session as a pure state machine: bytes and time in, actions out.

No I/O, no clocks, no threads: every event method takes ``now_ms`` and returns a list of actions
(see actions.py) that the driver (server.py) performs. Tests drive it byte by byte.
"""

from typing import Any, Dict, List, Optional, Tuple

from . import actions as act
from .errors import ErrorCode, SidecarError, ValidationError
from .framing import LINE, LineFramer
from .jsonwire import JsonError, RawNumber, cook, dumps, id_text, parse
from .session_methods import SessionMethods
from .session_types import (ABANDONED_JOBS_MAX, HEALTH_TIMEOUT_MS_DEFAULT, MAX_MESSAGE_BYTES_DEFAULT,
                            PROTOCOL_VERSIONS, Batch, Context, Entry, Probe, SessionSettings, State, id_key)

__all__ = ["Session", "SessionSettings", "State", "PROTOCOL_VERSIONS", "MAX_MESSAGE_BYTES_DEFAULT",
           "HEALTH_TIMEOUT_MS_DEFAULT", "ABANDONED_JOBS_MAX"]


class Session(SessionMethods):
    """One engine's side of the protocol. Every public method returns the actions to perform."""

    def __init__(self, settings: SessionSettings, now_ms: int):
        self.settings = settings
        self.state = State.UNINITIALIZED
        self.start_ms = now_ms
        self.now_ms = now_ms
        self.framer = LineFramer(settings.max_message_bytes)
        self.max_message_bytes = settings.max_message_bytes
        self.requests: Dict[Tuple, Entry] = {}
        self.jobs: Dict[int, Entry] = {}
        self.abandoned_jobs: Dict[int, str] = {}
        self.queued: List[Entry] = []
        self.restart_waiters: List[Entry] = []
        self.failure_reason = ""
        self.heartbeat_interval_ms = 0
        self.heartbeat_seq = 0
        self.counters = {"total": 0, "succeeded": 0, "failed": 0, "cancelled": 0}
        self.duration_count = 0
        self.duration_sum_ms = 0
        self.duration_max_ms = 0
        self.requests_served = 0
        self._next_job = 0
        self._next_probe = 0
        self._probe: Optional[Probe] = None
        self._stale_probe: Optional[int] = None
        self._exit_pending = False
        self._actions: List[Any] = []
        self.preload = "running" if settings.preloading else None
        self.pending_config: Optional[Dict[str, Any]] = None

    # ----- events -------------------------------------------------------------------------------

    def receive(self, data: bytes, now_ms: int) -> List[Any]:
        """Bytes read from stdin (any chunking)."""
        self.now_ms = now_ms
        if self.state is State.STOPPED:
            return []
        for kind, line in self.framer.feed(data):
            if kind == LINE:
                self._handle_line(line)
            else:
                self._write_error_line("null", SidecarError(
                    "line longer than %d bytes" % self.max_message_bytes, ErrorCode.MESSAGE_TOO_LARGE,
                    {"limitBytes": self.max_message_bytes}))
            if self.state is State.STOPPED:
                break
        return self._take()

    def input_closed(self, now_ms: int) -> List[Any]:
        """stdin reached EOF: abandon in-flight work and exit 0 (nothing more on stdout)."""
        return self._shutdown_silently(now_ms, "stdin closed")

    def terminate(self, now_ms: int) -> List[Any]:
        """SIGTERM: same as EOF."""
        return self._shutdown_silently(now_ms, "SIGTERM")

    def timer_fired(self, key: Any, now_ms: int) -> List[Any]:
        self.now_ms = now_ms
        if self.state is State.STOPPED:
            return []
        if key == "heartbeat":
            self._heartbeat()
        elif isinstance(key, tuple) and key[0] == "timeout":
            self._job_timed_out(key[1])
        elif isinstance(key, tuple) and key[0] == "health":
            self._probe_timed_out(key[1])
        return self._take()

    def engine_ready(self, ok: bool, reason: str, now_ms: int) -> List[Any]:
        """The engine finished loading (after initialize or restart); ``ok`` False means it failed."""
        self.now_ms = now_ms
        if self.state is State.UNINITIALIZED and self.preload == "running":
            self.preload = "ok" if ok else "failed"
            self.failure_reason = reason
            return []
        if self.state is State.LOADING and self.pending_config is not None:
            config, self.pending_config = self.pending_config, None
            self._actions.append(act.StartEngine(config, reload=True))
            return self._take()
        if self.state not in (State.LOADING, State.RESTARTING):
            return []
        waiters, self.restart_waiters = self.restart_waiters, []
        queued, self.queued = self.queued, []
        if ok:
            self.state = State.READY
            self.failure_reason = ""
            for entry in waiters:
                self._finish(entry, result=None)
            for entry in queued:
                self._start_job(entry)
        else:
            self.state = State.FAILED
            self.failure_reason = reason
            error = SidecarError("engine failed to start: %s" % reason, ErrorCode.ENGINE_FAILURE)
            self._actions.append(act.Log("ERROR", "engine failed to start", {"reason": reason}))
            for entry in waiters + queued:
                self._finish(entry, error=error)
        return self._take()

    def job_progress(self, job: int, fraction: float, stage: str, now_ms: int) -> List[Any]:
        self.now_ms = now_ms
        entry = self.jobs.get(job)
        if entry is None or self.state is State.STOPPED or fraction < entry.last_fraction:
            return []
        entry.last_fraction = fraction
        self._write_notification("progress", entry.context.id_text, {"fraction": fraction, "stage": stage})
        return self._take()

    def job_draft(self, job: int, segment: Dict[str, Any], now_ms: int) -> List[Any]:
        self.now_ms = now_ms
        entry = self.jobs.get(job)
        if entry is None or self.state is State.STOPPED or not self.settings.capabilities.get("drafts"):
            return []
        segment = self._within_capabilities({"segments": [segment]})["segments"][0]
        entry.draft_seq += 1
        self._write_notification("draft", entry.context.id_text, {"seq": entry.draft_seq, "segment": segment})
        return self._take()

    def job_finished(self, job: int, result: Optional[Dict[str, Any]], error: Optional[SidecarError],
                     now_ms: int) -> List[Any]:
        """The worker returned (result) or raised (error). Ignored if the request already got its reply."""
        self.now_ms = now_ms
        if self.abandoned_jobs.pop(job, None) is not None:
            return self._take()
        entry = self.jobs.get(job)
        if entry is None or self.state is State.STOPPED:
            return []
        entry.running = False
        if result is not None:
            result = self._within_capabilities(result)
        self._finish(entry, result=result, error=error)
        return self._take()

    def health_finished(self, probe: int, status: str, detail: Dict[str, Any], now_ms: int) -> List[Any]:
        self.now_ms = now_ms
        if self._stale_probe == probe:
            self._stale_probe = None
            return []
        current = self._probe
        if current is None or current.probe != probe or self.state is State.STOPPED:
            return []
        self._probe = None
        self._actions.append(act.ClearTimer(("health", probe)))
        detail = dict(detail)
        if status == "ok" and self.abandoned_jobs:
            status = "degraded"
            detail["reason"] = "%d cancelled job(s) still running" % len(self.abandoned_jobs)
        detail.setdefault("activeRequests", self.active_requests)
        for entry in current.waiters:
            self._finish(entry, result={"status": status, "detail": detail})
        return self._take()

    def _within_capabilities(self, result: Dict[str, Any]) -> Dict[str, Any]:
        """Drops words or word confidences the capabilities do not announce (SPEC 5.2)."""
        capabilities = self.settings.capabilities
        keep_words = capabilities.get("wordTimestamps", True)
        keep_confidence = capabilities.get("wordConfidence", True)
        if keep_words and keep_confidence:
            return result
        segments = []
        for segment in result.get("segments", []):
            segment = dict(segment)
            if not keep_words:
                segment["words"] = []
            else:
                segment["words"] = [{k: v for k, v in word.items() if k != "confidence"} for word in segment["words"]]
            segments.append(segment)
        return dict(result, segments=segments)

    # ----- queries ------------------------------------------------------------------------------

    @property
    def active_requests(self) -> int:
        return sum(1 for entry in self.requests.values() if entry.kind == "transcribe")

    def uptime_ms(self) -> int:
        return max(0, self.now_ms - self.start_ms)

    # ----- lines and envelopes ------------------------------------------------------------------

    def _handle_line(self, line: bytes) -> None:
        if not line.strip(b" \t\r\n"):
            return
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            self._write_error_line("null", SidecarError("invalid UTF-8 at byte %d" % error.start,
                                                        ErrorCode.PARSE_ERROR))
            return
        try:
            message = parse(text)
        except JsonError as error:
            self._write_error_line("null", SidecarError(error.reason, ErrorCode.PARSE_ERROR))
            return
        if isinstance(message, list):
            self._handle_batch(message)
        else:
            self._handle_message(message, None)
        if self._exit_pending:
            self._exit_pending = False
            self.state = State.STOPPED
            self._actions.append(act.Exit(0))

    def _handle_batch(self, members: List[Any]) -> None:
        if not members:
            self._write_error_line("null", SidecarError("empty batch", ErrorCode.INVALID_REQUEST))
            return
        batch = Batch()
        for member in members:
            self._handle_message(member, batch)
        batch.sealed = True
        self._flush_batch(batch)

    def _handle_message(self, message: Any, batch: Optional[Batch]) -> None:
        if batch is not None and (not isinstance(message, dict) or "id" in message
                                  or self._envelope_problem(message, True)):
            batch.waiting += 1
        if not isinstance(message, dict):
            self._reply_error(Context("null", ("null",), "", batch),
                              SidecarError("a request must be a JSON object", ErrorCode.INVALID_REQUEST))
            return
        has_id = "id" in message
        raw_id = message.get("id")
        id_ok = raw_id is None or isinstance(raw_id, (RawNumber, str))
        context = Context(id_text(raw_id) if has_id and id_ok else "null", id_key(raw_id), "", batch)
        problem = self._envelope_problem(message, id_ok)
        if problem:
            self._reply_error(context, SidecarError(problem, ErrorCode.INVALID_REQUEST))
            return
        context.method = message["method"]
        params = message.get("params")
        if not has_id:
            self._handle_notification(context.method, params)
            return
        try:
            self._dispatch(context, params)
        except SidecarError as error:
            if context.method == "transcribe":
                self._count_outcome(error, 0)
            self._reply_error(context, error)
        except Exception as error:  # a bug in a handler or a validate_config hook: -32603, keep serving
            if self.requests.get(context.id_key) is None:
                self._actions.append(act.Log("ERROR", "internal error in %s" % context.method,
                                             {"error": "%s: %s" % (type(error).__name__, error)}))
                self._reply_error(context, SidecarError("internal error: %s: %s" % (type(error).__name__, error),
                                                        ErrorCode.INTERNAL_ERROR))

    @staticmethod
    def _envelope_problem(message: Dict[str, Any], id_ok: bool) -> str:
        if message.get("jsonrpc") != "2.0":
            return 'jsonrpc must be "2.0"'
        if not id_ok:
            return "id must be a string, a number or null"
        if not isinstance(message.get("method"), str):
            return "method must be a string"
        if "params" in message and not isinstance(message["params"], (dict, list)):
            return "params must be an object or an array"
        return ""

    def _handle_notification(self, method: str, params: Any) -> None:
        if method != "cancel" or self.state in (State.UNINITIALIZED, State.STOPPED):
            return
        if not isinstance(params, dict) or "id" not in params:
            return
        entry = self.requests.get(id_key(params["id"]))
        if entry is None or entry.kind != "transcribe":
            return
        self._finish(entry, error=SidecarError("cancelled by the client", ErrorCode.REQUEST_CANCELLED))

    # ----- methods ------------------------------------------------------------------------------

    def _dispatch(self, context: Context, raw_params: Any) -> None:
        """Checks in the SPEC's precedence (8.3): -32021, -32030, -32002, -32601, then the method's own."""
        method = context.method
        if context.id_key in self.requests:
            raise SidecarError("id %s is still in flight" % context.id_text, ErrorCode.DUPLICATE_REQUEST_ID)
        if self.state is State.STOPPED:
            raise SidecarError("the engine is stopping", ErrorCode.SHUTTING_DOWN)
        if self.state is State.UNINITIALIZED and method not in ("initialize", "stop"):
            raise SidecarError("send initialize first", ErrorCode.NOT_INITIALIZED)
        handler = _HANDLERS.get(method)
        if handler is None:
            raise SidecarError("unknown method %s" % dumps(method), ErrorCode.METHOD_NOT_FOUND)
        if method == "initialize" and self.state is not State.UNINITIALIZED:
            raise SidecarError("initialize was already accepted", ErrorCode.ALREADY_INITIALIZED)
        if isinstance(raw_params, list):
            raise ValidationError("params", "must be an object (all methods take named params)")
        try:
            params = cook(raw_params) if raw_params is not None else {}
        except JsonError as error:
            raise ValidationError("params", error.reason) from None
        handler(self, context, params)

    # ----- replies ------------------------------------------------------------------------------

    def _finish(self, entry: Entry, result: Any = None, error: Optional[SidecarError] = None) -> None:
        """Gives a table entry its one final reply and removes it."""
        context = entry.context
        if self.requests.get(context.id_key) is entry:
            del self.requests[context.id_key]
        if entry in self.queued:
            self.queued.remove(entry)
        if entry.kind == "transcribe":
            self._account(entry, error)
        if error is None:
            self._reply_result(context, result)
        else:
            self._reply_error(context, error)

    def _account(self, entry: Entry, error: Optional[SidecarError]) -> None:
        context = entry.context
        self._actions.append(act.ClearTimer(("timeout", context.id_key)))
        if entry.job is not None:
            self.jobs.pop(entry.job, None)
            if entry.running:
                # The worker has not returned: its reply is written now, its late result is dropped.
                self.abandoned_jobs[entry.job] = context.id_text
                self._actions.append(act.CancelJob(entry.job))
        elapsed = max(0, self.now_ms - entry.accepted_ms)
        outcome = self._count_outcome(error, elapsed)
        self._actions.append(act.JobDone(entry.job or 0, context.id_text, outcome, elapsed,
                                         None if error is None else int(error.code)))

    def _count_outcome(self, error: Optional[SidecarError], elapsed_ms: int) -> str:
        """Counts one transcribe final reply (get_status.requestsServed, get_metrics.requests)."""
        self.requests_served += 1
        self.counters["total"] += 1
        if error is None:
            outcome = "succeeded"
            self.duration_count += 1
            self.duration_sum_ms += elapsed_ms
            self.duration_max_ms = max(self.duration_max_ms, elapsed_ms)
        elif error.code is ErrorCode.REQUEST_CANCELLED:
            outcome = "cancelled"
        else:
            outcome = "failed"
        self.counters[outcome] += 1
        return outcome

    def _reply_result(self, context: Context, result: Any) -> None:
        try:
            text = '{"jsonrpc":"2.0","id":%s,"result":%s}' % (context.id_text, dumps(result))
            size = len(text.encode("utf-8"))
        except (TypeError, ValueError) as error:
            self._reply_error(context, SidecarError("result is not valid JSON: %s" % error, ErrorCode.INTERNAL_ERROR))
            return
        if size > self.max_message_bytes:
            self._reply_error(context, SidecarError("result of %d bytes exceeds maxMessageBytes %d" % (
                size, self.max_message_bytes), ErrorCode.ENGINE_FAILURE))
            return
        self._deliver(context, text)

    def _reply_error(self, context: Context, error: SidecarError) -> None:
        try:
            body = dumps(error.to_error_object())
        except (TypeError, ValueError):
            body = dumps(SidecarError(error.reason, error.code).to_error_object())
        self._deliver(context, '{"jsonrpc":"2.0","id":%s,"error":%s}' % (context.id_text, body))

    def _deliver(self, context: Context, text: str) -> None:
        batch = context.batch
        if batch is None:
            self._write_text(text)
            return
        batch.replies.append(text)
        batch.waiting -= 1
        self._flush_batch(batch)

    def _flush_batch(self, batch: Batch) -> None:
        if batch.sealed and batch.waiting <= 0 and batch.replies:
            text = "[" + ",".join(batch.replies) + "]"
            batch.replies = []
            self._write_text(text)

    def _write_error_line(self, id_json: str, error: SidecarError) -> None:
        self._write_text('{"jsonrpc":"2.0","id":%s,"error":%s}' % (id_json, dumps(error.to_error_object())))

    def _write_notification(self, method: str, id_json: str, params: Dict[str, Any]) -> None:
        try:
            members = dumps(params)[1:]
        except (TypeError, ValueError):
            return
        self._write_text('{"jsonrpc":"2.0","method":"%s","params":{"id":%s,%s}' % (method, id_json, members))

    def _write_text(self, text: str) -> None:
        try:
            data = text.encode("utf-8") + b"\n"
        except UnicodeEncodeError:
            data = text.encode("utf-8", "backslashreplace") + b"\n"
        self._actions.append(act.Write(data))

    def _take(self) -> List[Any]:
        taken, self._actions = self._actions, []
        return taken

    # ----- timers and shutdown ------------------------------------------------------------------

    def _heartbeat(self) -> None:
        self.heartbeat_seq += 1
        params = {"seq": self.heartbeat_seq, "uptimeMs": self.uptime_ms()}
        self._write_text('{"jsonrpc":"2.0","method":"heartbeat","params":%s}' % dumps(params))
        self._actions.append(act.SetTimer("heartbeat", self.now_ms + self.heartbeat_interval_ms))

    def _job_timed_out(self, id_key: Tuple) -> None:
        entry = self.requests.get(id_key)
        if entry is None or entry.kind != "transcribe":
            return
        seconds = self.settings.request_timeout_ms / 1000.0
        self._finish(entry, error=SidecarError("no result within %g s" % seconds, ErrorCode.ENGINE_FAILURE,
                                               {"timedOut": True}))

    def _probe_timed_out(self, probe: int) -> None:
        current = self._probe
        if current is None or current.probe != probe:
            return
        self._probe = None
        self._stale_probe = probe
        detail = {"reason": "health check did not return within %d ms" % self.settings.health_timeout_ms}
        for entry in current.waiters:
            self._finish(entry, result={"status": "degraded", "detail": detail})

    def _shutdown_silently(self, now_ms: int, why: str) -> List[Any]:
        self.now_ms = now_ms
        if self.state is State.STOPPED:
            return []
        self.state = State.STOPPED
        for job in sorted(self.jobs):
            self._actions.append(act.CancelJob(job))
        self._actions.append(act.Log("INFO", "exiting: %s" % why))
        self._actions.append(act.Exit(0))
        return self._take()


_HANDLERS = {
    "initialize": SessionMethods._initialize,
    "transcribe": SessionMethods._transcribe,
    "health_check": SessionMethods._health_check,
    "get_status": SessionMethods._get_status,
    "get_metrics": SessionMethods._get_metrics,
    "restart": SessionMethods._restart,
    "stop": SessionMethods._stop,
}
