"""The thin I/O driver around Session: stdin reader, timers, worker threads, protocol stdout.

Everything protocol-related is decided by the Session; this module only performs its actions.
"""

import logging
import os
import queue
import signal
import sys
import threading
import time
from typing import Any, Callable, Dict, List, Optional

from . import actions as act
from .cancellation import CancellationToken, Reporter
from .config import ConfigError, SidecarConfig, load_config
from .engine import BaseSidecarEngine, run_coroutine
from .errors import (AudioFormatError, AudioNotFoundError, EngineFailureError, ErrorCode, RequestCancelledError,
                     SidecarError, ValidationError, error_from_exception)
from .logger import LogContext, SidecarLogger, setup_logging
from .models import TaskStatus, TranscriptionRequest, TranscriptionResponse
from .monitor import PerformanceMonitor
from .session import Session, SessionSettings

READ_CHUNK_BYTES = 65536
# stdin chunks read ahead of the main loop. While a stdout write blocks (the coordinator is not reading),
# the reader stops after these and the coordinator's writes block in turn: backpressure, bounded memory.
INPUT_CHUNKS_AHEAD_MAX = 4
ENGINE_STOP_WAIT_SECONDS = 2.0
"""How long exit waits for the engine's stop() (the protocol allows 5 s from EOF/SIGTERM)."""
RESTART_DRAIN_SECONDS = 2.0
"""How long a restart waits for cancelled workers before stopping the engine."""
EVENT_WAIT_SECONDS_MAX = 3600.0
"""Longest single wait for an event; a later timer is waited for in several steps."""

_log = logging.getLogger("lingosub_sidecar.server")


class SidecarServer:
    """Runs one engine over the given file descriptors until stop, EOF or SIGTERM."""

    def __init__(self, engine: BaseSidecarEngine, config: SidecarConfig, output_fd: int, input_fd: int = 0,
                 sidecar_logger: Optional[SidecarLogger] = None, monitor: Optional[PerformanceMonitor] = None,
                 preload: Optional[bool] = None):
        self.engine = engine
        self.config = config
        self.output_fd = output_fd
        self.input_fd = input_fd
        self.sidecar_logger = sidecar_logger or SidecarLogger(config.logging, engine.engine_id)
        self.monitor = monitor or PerformanceMonitor()
        self.events: "queue.SimpleQueue[tuple]" = queue.SimpleQueue()
        self.input_slots = threading.Semaphore(INPUT_CHUNKS_AHEAD_MAX)
        self.timers: Dict[Any, int] = {}
        self.tokens: Dict[int, CancellationToken] = {}
        self.reporters: Dict[int, Reporter] = {}
        self.workers: Dict[int, threading.Thread] = {}
        self.exit_status: Optional[int] = None
        self.started = time.monotonic()
        self.preload = bool(engine.preload) if preload is None else preload
        engine._raw_writer = lambda data: self.events.put(("raw", data))
        self.session = Session(self._settings(), self._now())

    def _settings(self) -> SessionSettings:
        engine, config = self.engine, self.config
        return SessionSettings(
            engine_name=engine.config.engine_id, engine_version=engine.config.engine_version,
            capabilities=engine.get_capabilities(), default_language=engine.config.language,
            max_message_bytes=config.performance.max_message_bytes,
            request_timeout_ms=int(engine.config.timeout * 1000),
            health_timeout_ms=config.performance.health_timeout_ms,
            heartbeat_scale=float(engine.heartbeat_scale),
            validate_config=self._validate_engine_config,
            preloading=self.preload,
            metrics_extras=lambda: dict(self.monitor.get_metrics(), engine=self.engine.metrics()),
        )

    def _validate_engine_config(self, overrides: Dict[str, Any]) -> None:
        try:
            self.engine.validate_config(overrides)
        except ValidationError as error:
            field = error.field if error.field.startswith("config") else "config." + error.field
            raise ValidationError(field, "%s (from initialize.config)" % error.reason.split(": ", 1)[-1]) from None

    def _now(self) -> int:
        return int((time.monotonic() - self.started) * 1000)

    # ----- main loop --------------------------------------------------------------------------

    def run(self, install_signal_handler: bool = True) -> int:
        """Serves until exit; returns the exit status."""
        if install_signal_handler:
            for number in (signal.SIGTERM, signal.SIGINT):  # SIGINT too: Ctrl-C exits cleanly
                signal.signal(number, lambda *_: self.events.put(("term",)))
        if self.preload and self.engine.load_holds_gil:
            self._start_engine(None, False)  # before stdin is read: nothing with a deadline can wait on it
        elif self.preload:
            self._spawn("engine-preload", self._start_engine, None, False)
        threading.Thread(target=self._read_input, name="stdin-reader", daemon=True).start()
        while self.exit_status is None:
            event = self._next_event()
            now = self._now()
            for key in self._due_timers(now):
                self._perform(self.session.timer_fired(key, now))
            if event is not None and self.exit_status is None:
                try:
                    actions = self._dispatch(event, now)
                except Exception:  # a bug must not kill the engine; the request table stays consistent
                    _log.exception("internal error handling %s", event[0])
                    continue
                self._perform(actions)
        self._shutdown()
        return self.exit_status

    def _next_event(self) -> Optional[tuple]:
        timeout = None
        if self.timers:
            # Clamped: a timer years away (a huge request timeout) must not overflow the wait.
            timeout = min(max(0.0, (min(self.timers.values()) - self._now()) / 1000.0), EVENT_WAIT_SECONDS_MAX)
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return None

    def _due_timers(self, now: int) -> List[Any]:
        due = sorted(((at, repr(key), key) for key, at in self.timers.items() if at <= now), key=lambda t: t[:2])
        for _, _, key in due:
            del self.timers[key]
        return [key for _, _, key in due]

    def _dispatch(self, event: tuple, now: int) -> List[Any]:
        kind = event[0]
        session = self.session
        if kind == "data":
            self.input_slots.release()
            return session.receive(event[1], now)
        if kind == "eof":
            return session.input_closed(now)
        if kind == "term":
            return session.terminate(now)
        if kind == "progress":
            return session.job_progress(event[1], event[2], event[3], now)
        if kind == "draft":
            return session.job_draft(event[1], event[2], now)
        if kind == "done":
            self._forget_job(event[1])
            return session.job_finished(event[1], event[2], event[3], now)
        if kind == "health":
            return session.health_finished(event[1], event[2], event[3], now)
        if kind == "ready":
            return session.engine_ready(event[1], event[2], now)
        if kind == "raw":
            self._write(event[1])
        return []

    def _read_input(self) -> None:
        while True:
            self.input_slots.acquire()
            try:
                data = os.read(self.input_fd, READ_CHUNK_BYTES)
            except OSError:
                data = b""
            if not data:
                self.events.put(("eof",))
                return
            self.events.put(("data", data))

    # ----- actions ----------------------------------------------------------------------------

    def _perform(self, actions: List[Any]) -> None:
        if self.engine.load_holds_gil:
            actions = self._load_first(actions)
        for action in actions:
            if self.exit_status is not None:
                return
            if isinstance(action, act.Write):
                self._write(action.data)
            elif isinstance(action, act.SetTimer):
                self.timers[action.key] = action.at_ms
            elif isinstance(action, act.ClearTimer):
                self.timers.pop(action.key, None)
            elif isinstance(action, act.StartJob):
                self._start_job(action.job, action.request)
            elif isinstance(action, act.CancelJob):
                self._cancel_job(action.job)
            elif isinstance(action, act.CheckHealth):
                self._spawn("health-%d" % action.probe, self._check_health, action.probe)
            elif isinstance(action, act.StartEngine):
                self._spawn("engine-start", self._start_engine, action.config, action.reload)
            elif isinstance(action, act.RestartEngine):
                self._spawn("engine-restart", self._start_engine, None, True)
            elif isinstance(action, act.JobDone):
                self.sidecar_logger.log_response(action.request_id, action.outcome, action.duration_ms / 1000.0)
            elif isinstance(action, act.Log):
                _log.log(getattr(logging, action.level, logging.INFO), action.message, extra=action.extra)
            elif isinstance(action, act.Exit):
                self.exit_status = action.status

    def _load_first(self, actions: List[Any]) -> List[Any]:
        """Runs a StartEngine inline before the batch's writes (the initialize reply), so a load that
        holds the GIL ends before the reply starts the heartbeat and health_check deadlines."""
        rest, began = [], self._now()
        for action in actions:
            if isinstance(action, act.StartEngine) and self.exit_status is None:
                self._start_engine(action.config, action.reload)
            else:
                rest.append(action)
        loaded_ms = self._now() - began
        for index, action in enumerate(rest):  # the first heartbeat is due one interval after the reply
            if isinstance(action, act.SetTimer) and action.key == "heartbeat":
                rest[index] = act.SetTimer(action.key, action.at_ms + loaded_ms)
        return rest

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                written = os.write(self.output_fd, view)
                view = view[written:]
        except OSError as error:
            _log.warning("protocol stdout closed (%s); exiting", error)
            self._perform(self.session.input_closed(self._now()))

    def _spawn(self, name: str, target: Callable, *args: Any) -> threading.Thread:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        thread.start()
        return thread

    # ----- engine calls (worker threads) ------------------------------------------------------

    def _start_job(self, job: int, request: TranscriptionRequest) -> None:
        token = CancellationToken()
        reporter = Reporter(self.events.put, job, token)
        request.cancel_token = token  # type: ignore[attr-defined]
        self.tokens[job] = token
        self.reporters[job] = reporter
        self.sidecar_logger.log_request(request.request_id or "", "transcribe", request.options)
        self.workers[job] = self._spawn("job-%d" % job, self._run_job, job, request, reporter)

    def _cancel_job(self, job: int) -> None:
        token = self.tokens.get(job)
        if token is not None:
            token.cancel()
        reporter = self.reporters.get(job)
        if reporter is not None:
            reporter.close()

    def _forget_job(self, job: int) -> None:
        self.tokens.pop(job, None)
        self.reporters.pop(job, None)
        self.workers.pop(job, None)

    def _run_job(self, job: int, request: TranscriptionRequest, reporter: Reporter) -> None:
        began = time.monotonic()
        result, error = None, None
        with LogContext(request_id=request.request_id, job_id=request.task_id):
            try:
                self._check_audio_policy(request.file_path)
                response = run_coroutine(self.engine.call_transcribe(request, reporter))
                result = self._result_of(response, request, time.monotonic() - began)
            except BaseException as raised:  # noqa: B902 - every failure becomes one final reply
                error = _mapped(raised, reporter.token)
                if error.code in (ErrorCode.AUDIO_NOT_FOUND, ErrorCode.AUDIO_UNSUPPORTED_FORMAT):
                    error.data.setdefault("path", request.file_path)
                if error.code.name == "ENGINE_FAILURE":
                    _log.error("transcribe failed: %s", error.reason, exc_info=(type(raised), raised,
                                                                               raised.__traceback__))
        reporter.close()
        duration_ms = (time.monotonic() - began) * 1000.0
        self.monitor.record_request(duration_ms, "succeeded" if error is None else "failed")
        self.events.put(("done", job, result, error))

    def _result_of(self, response: Any, request: TranscriptionRequest, seconds: float) -> Dict[str, Any]:
        if isinstance(response, dict):
            response = TranscriptionResponse(**response)
        if not isinstance(response, TranscriptionResponse):
            raise EngineFailureError("transcribe returned %s, not a TranscriptionResponse" % type(response).__name__)
        if response.status is TaskStatus.CANCELLED:
            raise RequestCancelledError()
        if response.status is TaskStatus.FAILED:
            raise EngineFailureError(str(response.metadata.get("error", "transcription failed")))
        if request.language is not None:
            response.language = request.language  # SPEC 6.1-MUST-4
        try:
            result = response.to_result(self.engine.config.language)
        except ValidationError as invalid:
            raise EngineFailureError("engine returned an invalid transcript: %s" % invalid.reason) from None
        metrics = result["metrics"]
        metrics.setdefault("processingMs", int(round(seconds * 1000)))
        if result["duration"] > 0:
            metrics.setdefault("realTimeFactor", round(seconds / result["duration"], 6))
        return result

    def _check_audio_policy(self, path: str) -> None:
        security = self.config.security
        if security.allowed_audio_dirs:
            real = os.path.realpath(path)
            roots = [os.path.realpath(item) for item in security.allowed_audio_dirs]
            if not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots):
                raise AudioNotFoundError("audio path is outside security.allowed_audio_dirs")
        try:
            size = os.path.getsize(path)
        except OSError:
            return  # the engine reports a missing file itself (FileNotFoundError maps to -32010)
        if size > security.max_audio_bytes:
            raise AudioFormatError("audio file of %d bytes exceeds security.max_audio_bytes" % size)

    def _check_health(self, probe: int) -> None:
        try:
            health = run_coroutine(self.engine.health_check())
            status, detail = health.status, health.details
        except BaseException as error:  # noqa: B902
            status, detail = "error", {"reason": "%s: %s" % (type(error).__name__, error)}
        self.events.put(("health", probe, status, dict(detail)))

    def _start_engine(self, overrides: Optional[Dict[str, Any]], restart: bool) -> None:
        try:
            if restart:
                self._drain_workers()
                self._stop_engine_quietly()
            if overrides:
                self.engine.apply_config(overrides)
            began = time.monotonic()
            run_coroutine(self.engine.start())
            self.monitor.record_model_load(time.monotonic() - began)
            self.sidecar_logger.log_performance("model_load", time.monotonic() - began)
        except BaseException as error:  # noqa: B902
            _log.error("engine start failed: %s", error, exc_info=(type(error), error, error.__traceback__))
            self.events.put(("ready", False, "%s: %s" % (type(error).__name__, error)))
            return
        self.events.put(("ready", True, ""))

    def _drain_workers(self) -> None:
        deadline = time.monotonic() + RESTART_DRAIN_SECONDS
        for thread in list(self.workers.values()):
            thread.join(max(0.0, deadline - time.monotonic()))

    def _shutdown(self) -> None:
        for job in list(self.tokens):
            self._cancel_job(job)
        stopper = self._spawn("engine-stop", self._stop_engine_quietly)
        stopper.join(ENGINE_STOP_WAIT_SECONDS)

    def _stop_engine_quietly(self) -> None:
        try:
            run_coroutine(self.engine.stop())
        except BaseException as error:  # noqa: B902
            _log.warning("engine stop failed: %s", error)


def _mapped(raised: BaseException, token: CancellationToken) -> SidecarError:
    if token.cancelled and not isinstance(raised, SidecarError):
        return RequestCancelledError()
    import asyncio
    if isinstance(raised, asyncio.CancelledError):
        return RequestCancelledError()
    if isinstance(raised, (KeyboardInterrupt, SystemExit)):
        return EngineFailureError("engine raised %s" % type(raised).__name__)
    return error_from_exception(raised)


def protect_stdout() -> int:
    """Keeps a private handle on the real stdout for the protocol and points fd 1 (and sys.stdout)
    at stderr, so a stray print() or C library write can never corrupt the protocol stream."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return protocol_fd


def run_sidecar(create_engine: Callable[[SidecarConfig], BaseSidecarEngine], config_file: Optional[str] = None) -> None:
    """Runs an engine as a sidecar on stdin/stdout and exits the process when done.

    ``create_engine(config)`` gets the loaded SidecarConfig (defaults < ``config_file`` or
    ``$LINGOSUB_CONFIG`` < LINGOSUB_* variables) and returns the engine.
    """
    protocol_fd = protect_stdout()
    config_file = config_file or os.environ.get("LINGOSUB_CONFIG") or None
    try:
        config = load_config(config_file)
    except ConfigError as error:
        setup_logging()
        _log.critical("invalid configuration: %s", error, extra={"key": error.key, "source": error.source})
        logging.shutdown()
        os._exit(1)
    sidecar_logger = setup_logging(config.logging, config.engine_id)
    try:
        engine = create_engine(config)
    except Exception as error:
        sidecar_logger.log_error(error, {"stage": "create_engine"})
        logging.shutdown()
        os._exit(1)
    server = SidecarServer(engine, config, protocol_fd, 0)
    status = server.run()
    logging.shutdown()
    os._exit(status)
