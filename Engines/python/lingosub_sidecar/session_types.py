"""Value types shared by the Session and its method handlers."""

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

from .jsonwire import RawNumber
from .models import TranscriptionRequest

PROTOCOL_VERSIONS = ("1.0",)
MAX_MESSAGE_BYTES_DEFAULT = 8_388_608
HEALTH_TIMEOUT_MS_DEFAULT = 400
ABANDONED_JOBS_MAX = 8
"""Cancelled or timed-out jobs whose worker has not returned yet; beyond this, transcribe is busy."""


class State(enum.Enum):
    UNINITIALIZED = "uninitialized"
    LOADING = "loading"
    READY = "ready"
    RESTARTING = "restarting"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass
class SessionSettings:
    """What the session needs to know about the engine, fixed for the process lifetime."""

    engine_name: str
    engine_version: str
    capabilities: Dict[str, Any]
    default_language: str = "en"
    max_message_bytes: int = MAX_MESSAGE_BYTES_DEFAULT
    request_timeout_ms: int = 0
    health_timeout_ms: int = HEALTH_TIMEOUT_MS_DEFAULT
    heartbeat_scale: float = 1.0
    preloading: bool = False
    """The driver started loading the engine at process start, before initialize (a plain
    initialize then finds it ready sooner); initialize with a config object reloads it."""
    validate_config: Optional[Callable[[Dict[str, Any]], None]] = None
    metrics_extras: Optional[Callable[[], Dict[str, Any]]] = None

    @property
    def max_concurrent_requests(self) -> int:
        return int(self.capabilities.get("maxConcurrentRequests", 1))


class Batch:
    """Collects the replies of one batch; written as one array when every member has answered."""

    def __init__(self):
        self.replies: List[str] = []
        self.waiting = 0
        self.sealed = False


@dataclass
class Context:
    """Where a request came from and how to answer it."""

    id_text: str
    id_key: Tuple
    method: str
    batch: Optional[Batch]


@dataclass
class Entry:
    """One request in flight (the request table)."""

    context: Context
    kind: str
    accepted_ms: int
    job: Optional[int] = None
    running: bool = False
    last_fraction: float = 0.0
    draft_seq: int = 0
    request: Optional[TranscriptionRequest] = None


@dataclass
class Probe:
    probe: int
    waiters: List[Entry] = field(default_factory=list)
    timed_out: bool = False


def id_key(value: Any) -> Tuple:
    if isinstance(value, RawNumber):
        return ("number", value.text)
    if isinstance(value, str):
        return ("string", value)
    return ("null",)
