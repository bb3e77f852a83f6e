"""LingoSub sidecar SDK for Python engines (standard library only, Python >= 3.9).

Subclass BaseSidecarEngine, write ``create_engine(config)``, call ``run_sidecar(create_engine)``.
The SDK speaks the protocol of Conformance/SPEC.md on stdin/stdout.
"""

from .cancellation import CancellationToken, Reporter
from .config import (ConfigError, LoggingConfig, PerformanceConfig, SecurityConfig, SidecarConfig,
                     engine_config_from, load_config)
from .engine import BaseSidecarEngine
from .errors import (AudioFormatError, AudioNotFoundError, EngineFailureError, ErrorCode,
                     LanguageUnsupportedError, RequestCancelledError, SidecarError, ValidationError)
from .logger import LogContext, SidecarLogger, StructuredFormatter, setup_logging
from .models import (EngineConfig, EngineType, HealthStatus, Segment, TaskStatus, TimeStamp,
                     TranscriptionRequest, TranscriptionResponse, Word)
from .monitor import PerformanceMonitor
from .server import SidecarServer, run_sidecar
from .session import PROTOCOL_VERSIONS, Session, SessionSettings

__version__ = "0.1.0"

__all__ = [
    "AudioFormatError", "AudioNotFoundError", "BaseSidecarEngine", "CancellationToken", "ConfigError",
    "EngineConfig", "EngineFailureError", "EngineType", "ErrorCode", "HealthStatus", "LanguageUnsupportedError",
    "LogContext", "LoggingConfig", "PROTOCOL_VERSIONS", "PerformanceConfig", "PerformanceMonitor", "Reporter",
    "RequestCancelledError", "SecurityConfig", "Segment", "Session", "SessionSettings", "SidecarConfig",
    "SidecarError", "SidecarLogger", "SidecarServer", "StructuredFormatter", "TaskStatus", "TimeStamp",
    "TranscriptionRequest", "TranscriptionResponse", "ValidationError", "Word", "engine_config_from",
    "load_config", "run_sidecar", "setup_logging",
]
