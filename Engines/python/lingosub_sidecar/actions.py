"""What the pure Session asks its driver to do. Plain value objects; the driver performs them."""

from dataclasses import dataclass, field
from typing import Any, Dict, Hashable, Optional

from .models import TranscriptionRequest


@dataclass(frozen=True)
class Write:
    """Write these bytes (whole protocol lines, each ending in \\n) to stdout and flush."""

    data: bytes


@dataclass(frozen=True)
class StartEngine:
    """Load the engine (model) with these config overrides from ``initialize``; report ``engine_ready``.
    ``reload``: the engine was already started (preloaded), stop it first."""

    config: Dict[str, Any] = field(default_factory=dict)
    reload: bool = False


@dataclass(frozen=True)
class RestartEngine:
    """Stop and start the engine in-process; report ``engine_ready``."""


@dataclass(frozen=True)
class StartJob:
    """Run ``transcribe`` for this request in a worker; report progress/draft/``job_finished`` by ``job``."""

    job: int
    request: TranscriptionRequest


@dataclass(frozen=True)
class CancelJob:
    """Set the cancellation token of this job (its reply was already written or is no longer wanted)."""

    job: int


@dataclass(frozen=True)
class CheckHealth:
    """Run the engine's health check; report ``health_finished(probe, ...)``."""

    probe: int


@dataclass(frozen=True)
class SetTimer:
    """Call ``timer_fired(key)`` at ``at_ms`` (replaces a timer with the same key)."""

    key: Hashable
    at_ms: int


@dataclass(frozen=True)
class ClearTimer:
    key: Hashable


@dataclass(frozen=True)
class Log:
    """A log record for stderr (level is a logging level name)."""

    level: str
    message: str
    extra: Dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class JobDone:
    """A transcription got its final reply (for the performance monitor and logs)."""

    job: int
    request_id: str
    outcome: str
    duration_ms: int
    code: Optional[int] = None


@dataclass(frozen=True)
class Exit:
    """Flush and exit the process with this status. Nothing more is written."""

    status: int
