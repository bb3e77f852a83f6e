"""Data models of the seed's API as dataclasses; validation raises ValidationError (-32602).

``Segment``/``Word`` serialise to the protocol's transcript shape; ``TimeStamp`` is the seed's
name for a segment and is kept as an alias.
"""

import enum
import math
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .errors import ValidationError


class EngineType(str, enum.Enum):
    FUNASR = "funasr"
    FASTER_WHISPER = "faster_whisper"
    POCKETSPHINX = "pocketsphinx"
    ECHO = "echo"
    TEST = "test"
    CUSTOM = "custom"


class TaskStatus(str, enum.Enum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


DEVICES = ("cpu", "cuda", "auto")
HEALTH_STATES = ("ok", "loading", "degraded", "error")
_SEED_HEALTH = {"healthy": "ok", "unhealthy": "error"}


def check_number(name: str, value: Any, minimum: Optional[float] = None, maximum: Optional[float] = None) -> float:
    """A finite int/float (not bool) within [minimum, maximum]; else ValidationError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(name, "must be a number, got %s" % type(value).__name__)
    if not math.isfinite(value):
        raise ValidationError(name, "must be finite")
    if minimum is not None and value < minimum:
        raise ValidationError(name, "must be >= %s, got %s" % (minimum, value))
    if maximum is not None and value > maximum:
        raise ValidationError(name, "must be <= %s, got %s" % (maximum, value))
    return value


def check_string(name: str, value: Any, allow_none: bool = False) -> Optional[str]:
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise ValidationError(name, "must be a string, got %s" % type(value).__name__)
    return value


def check_object(name: str, value: Any) -> Dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(name, "must be an object, got %s" % type(value).__name__)
    return value


@dataclass
class Word:
    """One recognised word; times in seconds, ``end >= start``, confidence in 0..1."""

    word: str
    start: float
    end: float
    confidence: Optional[float] = None

    def __post_init__(self):
        self.validate("word")

    def validate(self, path: str) -> None:
        check_string(path + ".word", self.word)
        check_number(path + ".start", self.start, minimum=0)
        check_number(path + ".end", self.end, minimum=self.start)
        if self.confidence is not None:
            check_number(path + ".confidence", self.confidence, 0, 1)

    def to_dict(self) -> Dict[str, Any]:
        result: Dict[str, Any] = {"word": self.word, "start": float(self.start), "end": float(self.end)}
        if self.confidence is not None:
            result["confidence"] = float(self.confidence)
        return result

    @classmethod
    def coerce(cls, value: Any, path: str) -> "Word":
        if isinstance(value, Word):
            value.validate(path)
            return value
        data = check_object(path, value)
        try:
            return cls(data["word"], data["start"], data["end"], data.get("confidence"))
        except KeyError as missing:
            raise ValidationError(path, "missing %s" % missing) from None
        except ValidationError as error:
            raise ValidationError(path + "." + error.field.split(".", 1)[-1], error.reason.split(": ", 1)[-1]) from None


@dataclass
class Segment:
    """A stretch of transcript. ``id`` may be left None; the SDK numbers segments in order."""

    start: float
    end: float
    text: str
    confidence: Optional[float] = None
    words: List[Any] = field(default_factory=list)
    id: Optional[int] = None

    def __post_init__(self):
        self.validate("segment")

    def validate(self, path: str) -> None:
        if self.id is not None and (isinstance(self.id, bool) or not isinstance(self.id, int) or self.id < 0):
            raise ValidationError(path + ".id", "must be an integer >= 0")
        check_number(path + ".start", self.start, minimum=0)
        check_number(path + ".end", self.end, minimum=self.start)
        check_string(path + ".text", self.text)
        if self.confidence is not None:
            check_number(path + ".confidence", self.confidence, 0, 1)
        if not isinstance(self.words, list):
            raise ValidationError(path + ".words", "must be a list")
        self.words = [Word.coerce(word, "%s.words[%d]" % (path, index)) for index, word in enumerate(self.words)]

    def to_dict(self, default_id: int = 0) -> Dict[str, Any]:
        result: Dict[str, Any] = {
            "id": self.id if self.id is not None else default_id,
            "start": float(self.start),
            "end": float(self.end),
            "text": self.text,
        }
        if self.confidence is not None:
            result["confidence"] = float(self.confidence)
        result["words"] = [word.to_dict() for word in self.words]
        return result

    @classmethod
    def coerce(cls, value: Any, path: str) -> "Segment":
        if isinstance(value, Segment):
            value.validate(path)
            return value
        data = check_object(path, value)
        try:
            segment = cls.__new__(cls)
            segment.start, segment.end, segment.text = data["start"], data["end"], data["text"]
        except KeyError as missing:
            raise ValidationError(path, "missing %s" % missing) from None
        segment.confidence = data.get("confidence")
        segment.words = data.get("words", [])
        segment.id = data.get("id")
        segment.validate(path)
        return segment


TimeStamp = Segment
"""The seed's name for a segment."""


@dataclass
class TranscriptionRequest:
    """What ``transcribe`` receives. ``request_id`` is the JSON text of the JSON-RPC id."""

    file_path: str = ""
    language: Optional[str] = None
    options: Dict[str, Any] = field(default_factory=dict)
    task_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    metadata: Dict[str, Any] = field(default_factory=dict)
    request_id: Optional[str] = None

    def __post_init__(self):
        check_string("audio.path", self.file_path)
        if not self.file_path.strip():
            raise ValidationError("audio.path", "must not be empty")
        check_string("language", self.language, allow_none=True)
        check_object("options", self.options)
        check_object("metadata", self.metadata)

    @property
    def audio_path(self) -> str:
        return self.file_path

    @classmethod
    def from_params(cls, params: Any, request_id: Optional[str] = None,
                    task_id: Optional[str] = None) -> "TranscriptionRequest":
        """Builds a request from ``transcribe`` params; unknown members are ignored."""
        params = check_object("params", params)
        if "audio" not in params:
            raise ValidationError("audio", "is required")
        audio = check_object("audio", params["audio"])
        if "path" not in audio:
            raise ValidationError("audio.path", "is required")
        options = params.get("options", {})
        return cls(
            file_path=audio["path"],
            language=params.get("language"),
            options={} if options is None else options,
            task_id=task_id or request_id or str(uuid.uuid4()),
            request_id=request_id,
        )


@dataclass
class TranscriptionResponse:
    """What ``transcribe`` returns. ``timestamps`` is the seed's name for ``segments``."""

    task_id: str = ""
    status: TaskStatus = TaskStatus.COMPLETED
    text: str = ""
    segments: List[Any] = field(default_factory=list)
    confidence: Optional[float] = None
    language: Optional[str] = None
    duration: Optional[float] = None
    processing_time: Optional[float] = None
    metadata: Dict[str, Any] = field(default_factory=dict)
    metrics: Dict[str, Any] = field(default_factory=dict)
    timestamps: Optional[List[Any]] = None

    def __post_init__(self):
        self.status = TaskStatus(self.status)
        if self.timestamps and not self.segments:
            self.segments = list(self.timestamps)
        if self.confidence is not None:
            check_number("confidence", self.confidence, 0, 1)
        if self.duration is not None:
            check_number("duration", self.duration, minimum=0)

    def to_result(self, default_language: str) -> Dict[str, Any]:
        """The protocol's ``transcribe`` result. Raises ValidationError on a malformed transcript."""
        segments = [Segment.coerce(item, "segments[%d]" % index) for index, item in enumerate(self.segments)]
        if not segments and self.text.strip():
            end = self.duration or 0.0
            segments = [Segment(0.0, end, self.text.strip(), self.confidence)]
        duration = self.duration
        if duration is None:
            duration = max([segment.end for segment in segments] or [0.0])
        ids = [segment.id if segment.id is not None else index for index, segment in enumerate(segments)]
        if len(set(ids)) != len(ids):
            raise ValidationError("segments", "segment ids must be unique within a transcript")
        metrics = dict(self.metrics)
        if self.processing_time is not None:
            metrics.setdefault("processingMs", int(round(self.processing_time * 1000)))
        check_object("metrics", metrics)
        return {
            "language": self.language or default_language,
            "duration": float(duration),
            "segments": [segment.to_dict(index) for index, segment in enumerate(segments)],
            "metrics": metrics,
        }


@dataclass
class EngineConfig:
    """The engine's own settings (the seed's fields); ``options`` holds engine-specific ones."""

    engine_id: str = "default"
    engine_type: EngineType = EngineType.CUSTOM
    model_name: str = "default"
    device: str = "cpu"
    language: str = "en"
    max_workers: int = 1
    timeout: int = 300
    options: Dict[str, Any] = field(default_factory=dict)
    languages: List[str] = field(default_factory=list)
    engine_version: str = "0.1.0"

    def __post_init__(self):
        self.engine_type = EngineType(self.engine_type)
        if self.device not in DEVICES:
            raise ValidationError("device", "must be one of %s, got %r" % (list(DEVICES), self.device))
        if isinstance(self.max_workers, bool) or not isinstance(self.max_workers, int) or self.max_workers < 1:
            raise ValidationError("max_workers", "must be an integer >= 1")
        check_number("timeout", self.timeout, minimum=0)
        check_object("options", self.options)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "engine_id": self.engine_id, "engine_type": self.engine_type.value, "model_name": self.model_name,
            "device": self.device, "language": self.language, "max_workers": self.max_workers,
            "timeout": self.timeout, "options": dict(self.options), "languages": list(self.languages),
            "engine_version": self.engine_version,
        }

    def model_dump(self) -> Dict[str, Any]:
        """The seed (pydantic) spelling of ``to_dict``."""
        return self.to_dict()


@dataclass
class HealthStatus:
    """Health as the engine sees it; ``status`` is ok/loading/degraded/error (seed: healthy/unhealthy)."""

    status: str = "ok"
    engine_id: str = ""
    uptime: float = 0.0
    details: Dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        self.status = _SEED_HEALTH.get(self.status, self.status)
        if self.status not in HEALTH_STATES:
            raise ValidationError("status", "must be one of %s, got %r" % (list(HEALTH_STATES), self.status))
        check_object("details", self.details)

    def to_result(self) -> Dict[str, Any]:
        return {"status": self.status, "detail": dict(self.details)}
