"""Structured JSON logs on stderr in the seed's shape, with a LogContext for request ids.

One record per line: ``{"timestamp", "level", "logger", "message", "module", "function", "line",
"extra": {...}}``; ``extra`` carries the fields passed with ``extra=`` plus the active LogContext
(``job_id``, ``chunk_id``, ``request_id``).
"""

import contextvars
import datetime
import json
import logging
import logging.handlers
import os
import sys
from typing import Any, Dict, Optional

from .config import LoggingConfig

_CONTEXT: contextvars.ContextVar = contextvars.ContextVar("lingosub_log_context", default={})
_STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys()) | {"message", "asctime"}


class LogContext:
    """``with LogContext(request_id="7", job_id="j1"):`` adds these fields to every record inside.

    Context variables follow the code into ``asyncio`` tasks; each worker thread starts empty.
    """

    def __init__(self, **fields: Any):
        self.fields = {key: value for key, value in fields.items() if value is not None}
        self._token = None

    def __enter__(self) -> "LogContext":
        merged = dict(_CONTEXT.get())
        merged.update(self.fields)
        self._token = _CONTEXT.set(merged)
        return self

    def __exit__(self, *exc_info) -> None:
        _CONTEXT.reset(self._token)

    @staticmethod
    def current() -> Dict[str, Any]:
        return dict(_CONTEXT.get())


class StructuredFormatter(logging.Formatter):
    """Formats a record as one JSON line in the seed's shape."""

    def format(self, record: logging.LogRecord) -> str:
        entry: Dict[str, Any] = {
            "timestamp": datetime.datetime.fromtimestamp(record.created, datetime.timezone.utc)
            .isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "msg": record.getMessage(),
            "module": record.module,
            "function": record.funcName,
            "line": record.lineno,
        }
        extra = LogContext.current()
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                extra[key] = value
        if record.exc_info:
            extra["exception"] = self.formatException(record.exc_info)
        entry["extra"] = extra
        return json.dumps(entry, ensure_ascii=False, default=str)


class SidecarLogger:
    """The seed's logger facade: request/response/error/metric/performance records."""

    def __init__(self, config: Optional[LoggingConfig] = None, engine_id: str = "default"):
        self.config = config or LoggingConfig()
        self.engine_id = engine_id
        self.logger = logging.getLogger("sidecar.%s" % engine_id)
        self.metrics_logger = logging.getLogger("metrics.%s" % engine_id)
        self.performance_logger = logging.getLogger("performance.%s" % engine_id)

    def log_request(self, request_id: str, method: str, params: Any = None) -> None:
        count = len(params) if isinstance(params, (dict, list)) else 0
        self.logger.info("Request received: %s", method, extra={
            "request_id": request_id, "method": method, "params_count": count, "event_type": "request"})

    def log_response(self, request_id: str, status: str, processing_time: float) -> None:
        level = logging.INFO if status in ("success", "succeeded") else logging.WARNING
        self.logger.log(level, "Request completed: %s", status, extra={
            "request_id": request_id, "status": status, "processing_time": processing_time,
            "event_type": "response"})

    def log_error(self, error: BaseException, context: Optional[Dict[str, Any]] = None) -> None:
        self.logger.error("Error occurred: %s", error, extra={
            "error_type": type(error).__name__, "context": context or {}, "event_type": "error"},
            exc_info=(type(error), error, error.__traceback__))

    def log_metric(self, metric_name: str, value: float, tags: Optional[Dict[str, str]] = None) -> None:
        self.metrics_logger.info("Metric: %s = %s", metric_name, value, extra={
            "metric_name": metric_name, "metric_value": value, "tags": tags or {}, "event_type": "metric"})

    def log_performance(self, operation: str, duration: float, metadata: Optional[Dict[str, Any]] = None) -> None:
        self.performance_logger.info("Performance: %s took %.3fs", operation, duration, extra={
            "operation": operation, "duration": duration, "metadata": metadata or {},
            "event_type": "performance"})

    def get_logger(self, name: Optional[str] = None) -> logging.Logger:
        return logging.getLogger("sidecar.%s.%s" % (self.engine_id, name)) if name else self.logger


def setup_logging(config: Optional[LoggingConfig] = None, engine_id: str = "default",
                  stream: Any = None) -> SidecarLogger:
    """Configures the root logger: JSON (or text) lines on stderr, optional rotating file."""
    config = config or LoggingConfig()
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(getattr(logging, config.level.upper()))
    formatter: logging.Formatter = StructuredFormatter()
    if config.format == "text":
        formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if config.console_output:
        handler = logging.StreamHandler(stream or sys.stderr)
        handler.setFormatter(formatter)
        root.addHandler(handler)
    if config.file_path:
        directory = os.path.dirname(config.file_path)
        if directory:
            os.makedirs(directory, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            config.file_path, maxBytes=config.max_file_size, backupCount=config.backup_count, encoding="utf-8")
        file_handler.setFormatter(StructuredFormatter())
        root.addHandler(file_handler)
    return SidecarLogger(config, engine_id)
