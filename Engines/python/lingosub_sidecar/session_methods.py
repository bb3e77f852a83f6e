"""The protocol's methods, as a mixin of Session (state lives in Session.__init__)."""

import re
from typing import Any, Dict, Tuple

from . import actions as act
from .errors import ErrorCode, SidecarError, ValidationError
from .jsonwire import dumps
from .models import TranscriptionRequest
from .session_types import (ABANDONED_JOBS_MAX, PROTOCOL_VERSIONS, Context, Entry, Probe, State)


class SessionMethods:
    """initialize, transcribe, health_check, get_status, get_metrics, restart and stop."""

    def _initialize(self, context: Context, params: Any) -> None:
        if self.state is not State.UNINITIALIZED:
            raise SidecarError("initialize was already accepted", ErrorCode.ALREADY_INITIALIZED)
        version, heartbeat_ms, offered, config = _initialize_params(params)
        if int(version.split(".")[0]) != 1:
            raise SidecarError("protocol version %s is not supported" % version,
                               ErrorCode.UNSUPPORTED_PROTOCOL_VERSION, {"supported": list(PROTOCOL_VERSIONS)})
        if self.settings.validate_config is not None:
            self.settings.validate_config(config)
        self.state = self._state_after_initialize(config)
        self._reply_result(context, self._initialize_result())
        # The negotiated limit applies from the next line on (not to the initialize reply itself).
        self.max_message_bytes = min(self.settings.max_message_bytes, offered or self.settings.max_message_bytes)
        self.framer.set_max_line_bytes(self.max_message_bytes)
        if heartbeat_ms > 0:
            self.heartbeat_interval_ms = max(1, int(round(heartbeat_ms * self.settings.heartbeat_scale)))
            self._actions.append(act.SetTimer("heartbeat", self.now_ms + self.heartbeat_interval_ms))

    def _state_after_initialize(self, config: Dict[str, Any]) -> State:
        """Starts the engine, or takes over the preload (reloading it when config is not empty)."""
        if self.preload is None:
            self._actions.append(act.StartEngine(config))
            return State.LOADING
        if self.preload == "running":
            self.pending_config = config or None
            return State.LOADING
        if config:
            self._actions.append(act.StartEngine(config, reload=True))
            return State.LOADING
        if self.preload == "ok":
            return State.READY
        self._actions.append(act.Log("ERROR", "engine failed to start", {"reason": self.failure_reason}))
        return State.FAILED

    def _initialize_result(self) -> Dict[str, Any]:
        return {
            "protocolVersion": PROTOCOL_VERSIONS[0],
            "engine": {"name": self.settings.engine_name, "version": self.settings.engine_version},
            "capabilities": dict(self.settings.capabilities),
            "limits": {"maxMessageBytes": self.settings.max_message_bytes},
        }

    def _transcribe(self, context: Context, params: Any) -> None:
        request = self._validated_request(context, params)
        entry = Entry(context, "transcribe", self.now_ms, request=request)
        self.requests[context.id_key] = entry
        self._actions.append(act.Log("DEBUG", "transcribe accepted", {"request_id": context.id_text}))
        if self.settings.request_timeout_ms > 0:
            self._actions.append(act.SetTimer(("timeout", context.id_key),
                                              self.now_ms + self.settings.request_timeout_ms))
        if self.state is State.READY:
            self._start_job(entry)
        else:
            self.queued.append(entry)

    def _validated_request(self, context: Context, params: Any) -> TranscriptionRequest:
        """Checks in the SPEC's precedence (8.3): -32602, -32020, -32012, then -32000 for a failed engine."""
        task_id = context.id_key[1] if context.id_key[0] == "string" else context.id_text
        request = TranscriptionRequest.from_params(params, context.id_text, task_id)
        limit = self.settings.max_concurrent_requests
        if self.active_requests >= limit:
            raise SidecarError("%d transcription(s) in flight, the limit is %d" % (self.active_requests, limit),
                               ErrorCode.BUSY, {"maxConcurrentRequests": limit})
        if len(self.abandoned_jobs) >= ABANDONED_JOBS_MAX:
            raise SidecarError("%d cancelled transcription(s) have not stopped yet" % len(self.abandoned_jobs),
                               ErrorCode.BUSY, {"maxConcurrentRequests": limit})
        languages = self.settings.capabilities.get("languages") or []
        if request.language is not None and languages and request.language not in languages:
            raise SidecarError("language %s is not one of %s" % (dumps(request.language), dumps(languages)),
                               ErrorCode.LANGUAGE_UNSUPPORTED,
                               {"language": request.language, "supported": list(languages)})
        if self.state is State.FAILED:
            raise SidecarError("engine failed to start: %s" % self.failure_reason, ErrorCode.ENGINE_FAILURE)
        return request

    def _start_job(self, entry: Entry) -> None:
        self._next_job += 1
        entry.job = self._next_job
        entry.running = True
        self.jobs[entry.job] = entry
        self._actions.append(act.StartJob(entry.job, entry.request))

    def _health_check(self, context: Context, params: Any) -> None:
        if self.state in (State.LOADING, State.RESTARTING):
            self._reply_result(context, {"status": "loading", "detail": {
                "reason": "the model is loading" if self.state is State.LOADING else "the engine is restarting"}})
            return
        if self.state is State.FAILED:
            self._reply_result(context, {"status": "error", "detail": {"reason": self.failure_reason}})
            return
        if self._probe is None and self._stale_probe is not None:
            self._reply_result(context, {"status": "degraded", "detail": {
                "reason": "the previous health check has not returned"}})
            return
        entry = Entry(context, "health", self.now_ms)
        self.requests[context.id_key] = entry
        if self._probe is None:
            self._next_probe += 1
            self._probe = Probe(self._next_probe)
            self._actions.append(act.CheckHealth(self._probe.probe))
            self._actions.append(act.SetTimer(("health", self._probe.probe),
                                              self.now_ms + self.settings.health_timeout_ms))
        self._probe.waiters.append(entry)

    def _get_status(self, context: Context, params: Any) -> None:
        active = self.active_requests
        if self.state in (State.LOADING, State.RESTARTING, State.FAILED):
            state = "loading"
        elif active >= self.settings.max_concurrent_requests:
            state = "busy"
        else:
            state = "ready"
        result = {"state": state, "activeRequests": active,
                  "maxConcurrentRequests": self.settings.max_concurrent_requests,
                  "uptimeMs": self.uptime_ms(), "requestsServed": self.requests_served}
        if self.state is State.FAILED:
            result["engineState"] = "failed"
        self._reply_result(context, result)

    def _get_metrics(self, context: Context, params: Any) -> None:
        count = self.duration_count
        result: Dict[str, Any] = {}
        if self.settings.metrics_extras is not None:
            result.update(self.settings.metrics_extras())
        result["requests"] = dict(self.counters)
        result["uptimeMs"] = self.uptime_ms()
        result["durationMs"] = {"count": count, "mean": (self.duration_sum_ms / count) if count else 0,
                                "max": self.duration_max_ms}
        self._reply_result(context, result)

    def _restart(self, context: Context, params: Any) -> None:
        cancelled = SidecarError("cancelled by restart", ErrorCode.REQUEST_CANCELLED)
        for entry in [entry for entry in self.requests.values() if entry.kind == "transcribe"]:
            self._finish(entry, error=cancelled)
        entry = Entry(context, "restart", self.now_ms)
        self.requests[context.id_key] = entry
        self.restart_waiters.append(entry)
        if self.state in (State.READY, State.FAILED):
            self.state = State.RESTARTING
            self._actions.append(act.RestartEngine())

    def _stop(self, context: Context, params: Any) -> None:
        """Every request in flight gets -32030, then stop gets null; Exit follows the current line
        (later members of the same batch get -32030 and the batch is written first)."""
        stopping = SidecarError("the engine is stopping", ErrorCode.SHUTTING_DOWN)
        for entry in list(self.requests.values()):
            self._finish(entry, error=stopping)
        self._reply_result(context, None)
        self.state = State.STOPPED
        self._exit_pending = True


_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
HEARTBEAT_INTERVAL_MS_MIN = 100
HEARTBEAT_INTERVAL_MS_MAX = 3_600_000
MAX_MESSAGE_BYTES_MIN = 65_536


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _initialize_params(params: Any) -> Tuple[str, int, int, Dict[str, Any]]:
    """(protocolVersion, heartbeatIntervalMs, offered maxMessageBytes or 0, config); -32602 otherwise."""
    if not isinstance(params, dict):
        raise ValidationError("params", "must be an object")
    version = params.get("protocolVersion")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise ValidationError("protocolVersion", 'must be a string "MAJOR.MINOR" such as "1.0"')
    client = params.get("clientInfo")
    if not isinstance(client, dict):
        raise ValidationError("clientInfo", "must be an object {name, version}")
    for member in ("name", "version"):
        if not isinstance(client.get(member), str):
            raise ValidationError("clientInfo." + member, "must be a string")
    heartbeat_ms = params.get("heartbeatIntervalMs", 0)
    if not _integer(heartbeat_ms) or not (
            heartbeat_ms == 0 or HEARTBEAT_INTERVAL_MS_MIN <= heartbeat_ms <= HEARTBEAT_INTERVAL_MS_MAX):
        raise ValidationError("heartbeatIntervalMs", "must be 0 or an integer in %d..%d" % (
            HEARTBEAT_INTERVAL_MS_MIN, HEARTBEAT_INTERVAL_MS_MAX))
    config = params.get("config", {})
    if not isinstance(config, dict):
        raise ValidationError("config", "must be an object")
    offered = 0
    if "limits" in params:
        limits = params["limits"]
        if not isinstance(limits, dict):
            raise ValidationError("limits", "must be an object")
        if "maxMessageBytes" in limits:
            offered = limits["maxMessageBytes"]
            if not _integer(offered) or offered < MAX_MESSAGE_BYTES_MIN:
                raise ValidationError("limits.maxMessageBytes", "must be an integer >= %d" % MAX_MESSAGE_BYTES_MIN)
    return version, heartbeat_ms, offered, config
