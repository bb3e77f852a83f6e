"""BaseSidecarEngine: the seed's engine API. Subclass it and implement the five hooks."""

import abc
import asyncio
import inspect
import logging
import time
from typing import Any, Dict, Optional

from .errors import ValidationError, error_from_exception
from .models import EngineConfig, HealthStatus, TranscriptionRequest, TranscriptionResponse


class BaseSidecarEngine(abc.ABC):
    """An ASR engine. The SDK calls ``start()`` once after ``initialize``, ``transcribe`` in worker
    threads (up to ``config.max_workers`` at a time), ``health_check()`` on request and ``stop()``
    on exit. ``transcribe(request)`` may also take a second argument, the Reporter (progress,
    drafts, cancellation); seed-style engines find it as ``request.reporter``.
    """

    supports_drafts = False
    supports_word_timestamps = True
    supports_word_confidence = True
    preload = True
    """Start loading the model at process start, before initialize (an initialize whose config is
    not empty then reloads it with that config). False: load only when initialize arrives."""
    load_holds_gil = False
    """True when _start_engine holds Python's GIL for the whole load (a C extension such as
    pocketsphinx's Decoder()): no thread can answer health_check or send heartbeats meanwhile, so the
    SDK then loads before it serves anything with a deadline: the preload before reading stdin, and
    an initialize config's reload before the initialize reply (heartbeats start with that reply).
    Such an engine should make restart cheap (keep what it loaded; see the pocketsphinx engine)."""
    heartbeat_scale = 1.0
    """Multiplies the negotiated heartbeat interval (only fault-injecting test engines change it)."""

    def __init__(self, config: Optional[EngineConfig] = None):
        self.config = config or EngineConfig()
        self.engine_id = self.config.engine_id
        self.logger = logging.getLogger("engine.%s" % self.engine_id)
        self.status = "initializing"
        self.created_at = time.time()
        self.started_at: Optional[float] = None
        self.load_seconds: Optional[float] = None
        self._raw_writer = None
        self._initialize_engine()

    # ----- hooks to implement ----------------------------------------------------------------

    @abc.abstractmethod
    def _initialize_engine(self) -> None:
        """Cheap set-up at construction (no model loading here; do that in _start_engine)."""

    @abc.abstractmethod
    async def _start_engine(self) -> None:
        """Load the model. Health says ``loading`` meanwhile; transcriptions wait for it."""

    @abc.abstractmethod
    async def _stop_engine(self) -> None:
        """Release the model (also called before a restart's _start_engine)."""

    @abc.abstractmethod
    async def _check_engine_health(self) -> bool:
        """True when the engine can transcribe. Must return quickly (under 400 ms)."""

    @abc.abstractmethod
    async def transcribe(self, request: TranscriptionRequest) -> TranscriptionResponse:
        """Transcribe ``request.file_path``; poll the cancellation token between chunks."""

    # ----- provided --------------------------------------------------------------------------

    async def start(self) -> None:
        self.status = "starting"
        began = time.monotonic()
        try:
            await self._start_engine()
        except BaseException:
            self.status = "failed"
            raise
        self.load_seconds = time.monotonic() - began
        self.started_at = time.time()
        self.status = "running"
        self.logger.info("engine started", extra={"load_seconds": round(self.load_seconds, 6)})

    async def stop(self) -> None:
        try:
            await self._stop_engine()
        finally:
            self.status = "stopped"

    async def health_check(self) -> HealthStatus:
        uptime = time.time() - self.created_at
        try:
            healthy = await self._check_engine_health()
        except Exception as error:  # the engine's own check failed: report, do not raise
            return HealthStatus("error", self.engine_id, uptime, {"reason": "%s: %s" % (type(error).__name__, error)})
        details = {"engineStatus": self.status}
        if self.load_seconds is not None:
            details["modelLoadMs"] = round(self.load_seconds * 1000.0, 3)
        if not healthy:
            details.setdefault("reason", "engine reports unhealthy")
        return HealthStatus("ok" if healthy else "error", self.engine_id, uptime, details)

    async def process_request(self, request_data: Dict[str, Any]) -> Dict[str, Any]:
        """The seed's direct-call API: ``{"type": "transcribe"|"health_check"|"get_metrics", "payload"}``."""
        request_type = request_data.get("type")
        try:
            if request_type == "transcribe":
                payload = request_data.get("payload") or {}
                request = TranscriptionRequest(**payload)
                response = await self.call_transcribe(request, None)
                return {"status": "success", "data": response.to_result(self.config.language)}
            if request_type == "health_check":
                return {"status": "success", "data": (await self.health_check()).to_result()}
            if request_type == "get_metrics":
                return {"status": "success", "data": self.metrics()}
            raise ValidationError("type", "unknown request type %r" % request_type)
        except Exception as error:
            mapped = error_from_exception(error)
            return {"status": "error", "error": mapped.reason, "type": type(error).__name__,
                    "code": int(mapped.code)}

    def get_info(self) -> Dict[str, Any]:
        return {
            "engine_id": self.engine_id,
            "engine_type": self.__class__.__name__,
            "status": self.status,
            "created_at": self.created_at,
            "config": self.config.to_dict(),
            "capabilities": self.get_capabilities(),
        }

    def get_capabilities(self) -> Dict[str, Any]:
        """The ``capabilities`` of the initialize result."""
        languages = list(self.config.languages) or [self.config.language]
        return {
            "languages": languages,
            "drafts": bool(self.supports_drafts),
            "wordTimestamps": bool(self.supports_word_timestamps),
            "wordConfidence": bool(self.supports_word_confidence),
            "maxConcurrentRequests": int(self.config.max_workers),
        }

    def validate_config(self, overrides: Dict[str, Any]) -> None:
        """Checks ``initialize``'s ``config`` object; raise ValidationError("config.<key>", why)."""

    def apply_config(self, overrides: Dict[str, Any]) -> None:
        """Applies the ``initialize`` config before start(); by default it lands in config.options."""
        self.config.options.update(overrides)

    def metrics(self) -> Dict[str, Any]:
        """Engine-specific extras merged into get_metrics (JSON values only)."""
        return {}

    def write_raw_protocol_bytes(self, data: bytes) -> None:
        """Test hook for fault-injecting engines: writes bytes to protocol stdout unchecked.
        Real engines never need this (and it does nothing outside run_sidecar)."""
        if self._raw_writer is not None:
            self._raw_writer(bytes(data))

    async def call_transcribe(self, request: TranscriptionRequest, reporter: Any) -> TranscriptionResponse:
        """Calls transcribe with or without the reporter, sync or async."""
        request.reporter = reporter  # type: ignore[attr-defined]
        if _accepts_reporter(self.transcribe):
            outcome = self.transcribe(request, reporter)  # type: ignore[call-arg]
        else:
            outcome = self.transcribe(request)
        if inspect.isawaitable(outcome):
            outcome = await outcome
        return outcome


def _accepts_reporter(method: Any) -> bool:
    try:
        parameters = list(inspect.signature(method).parameters.values())
    except (TypeError, ValueError):
        return False
    positional = [item for item in parameters
                  if item.kind in (item.POSITIONAL_ONLY, item.POSITIONAL_OR_KEYWORD, item.VAR_POSITIONAL)]
    return len(positional) >= 2


def run_coroutine(coroutine: Any) -> Any:
    """Runs a coroutine to completion on a fresh event loop in the calling (worker) thread."""
    return asyncio.run(coroutine)
