"""Configuration: defaults < JSON file (YAML when PyYAML is installed) < LINGOSUB_* environment.

Environment variables name top-level keys (``LINGOSUB_ENGINE_ID``) or nested ones with a double
underscore (``LINGOSUB_PERFORMANCE__MAX_WORKERS``); a section may be given whole as a JSON object
(``LINGOSUB_LOGGING='{"level": "DEBUG"}'``). Every error names the key and where its value came from.
"""

import dataclasses
import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

from .models import DEVICES, EngineConfig, EngineType

ENV_PREFIX = "LINGOSUB_"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("json", "text")
TIMEOUT_SECONDS_MAX = 7 * 24 * 3600
"""Longest performance.timeout: a week."""


class ConfigError(ValueError):
    """A configuration value is wrong. ``key`` is dotted (``performance.max_workers``)."""

    def __init__(self, key: str, source: str, reason: str):
        super().__init__("config %s (from %s): %s" % (key or "<root>", source, reason))
        self.key = key
        self.source = source
        self.reason = reason


@dataclass
class PerformanceConfig:
    max_workers: int = 4
    """Concurrent transcriptions (the capability maxConcurrentRequests)."""
    timeout: int = 300
    """Seconds before a transcription is abandoned with -32000 (0 = never)."""
    memory_limit: int = 2048
    cpu_limit: float = 0.8
    batch_size: int = 1
    queue_size: int = 100
    max_message_bytes: int = 8_388_608
    """Longest protocol line accepted or written (negotiated down in initialize)."""
    health_timeout_ms: int = 400
    """A health check that takes longer is answered ``degraded`` (the protocol allows 500 ms)."""


@dataclass
class LoggingConfig:
    level: str = "INFO"
    format: str = "json"
    file_path: Optional[str] = None
    max_file_size: int = 10 * 1024 * 1024
    backup_count: int = 5
    console_output: bool = True


@dataclass
class SecurityConfig:
    enable_auth: bool = False
    secret_key: str = ""
    token_expiry: int = 3600
    allowed_origins: List[str] = field(default_factory=list)
    rate_limit: int = 100
    allowed_audio_dirs: List[str] = field(default_factory=list)
    """When not empty, audio paths must lie under one of these directories (else -32010)."""
    max_audio_bytes: int = 2 * 1024 * 1024 * 1024


@dataclass
class SidecarConfig:
    engine_id: str = "default"
    engine_type: EngineType = EngineType.CUSTOM
    model_name: str = "default"
    device: str = "cpu"
    language: str = "en"
    languages: List[str] = field(default_factory=list)
    performance: PerformanceConfig = field(default_factory=PerformanceConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    extensions: Dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        result = dataclasses.asdict(self)
        result["engine_type"] = self.engine_type.value
        return result


_SECTIONS = {"performance": PerformanceConfig, "logging": LoggingConfig, "security": SecurityConfig}


def load_config(config_file: Optional[str] = None, environ: Optional[Mapping[str, str]] = None) -> SidecarConfig:
    """Loads, merges and validates the configuration. Raises ConfigError."""
    environ = os.environ if environ is None else environ
    values: Dict[str, Tuple[Any, str]] = {}
    if config_file:
        source = "file %s" % config_file
        for key, value in _flatten(_read_file(config_file), source):
            values[key] = (value, source)
    for key, value, source in _environment(environ):
        values[key] = (value, source)
    return _build(values)


def _read_file(path: str) -> Dict[str, Any]:
    source = "file %s" % path
    try:
        with open(path, "r", encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise ConfigError("", source, "cannot read: %s" % error.strerror) from None
    if path.lower().endswith((".yaml", ".yml")):
        try:
            import yaml  # type: ignore
        except ImportError:
            raise ConfigError("", source, "YAML config needs PyYAML (pip install pyyaml); "
                                          "or write the config as JSON") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise ConfigError("", source, "invalid YAML: %s" % error) from None
    else:
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ConfigError("", source, "invalid JSON: %s" % error) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("", source, "must be an object at the top level")
    return data


def _flatten(data: Dict[str, Any], source: str) -> List[Tuple[str, Any]]:
    """``{"performance": {"timeout": 5}}`` → ``[("performance.timeout", 5)]``; unknown keys fail."""
    result = []
    top_fields = {item.name for item in dataclasses.fields(SidecarConfig)}
    for key, value in data.items():
        if key not in top_fields:
            raise ConfigError(key, source, "unknown key (known: %s)" % ", ".join(sorted(top_fields)))
        section = _SECTIONS.get(key)
        if section is None:
            result.append((key, value))
            continue
        if not isinstance(value, dict):
            raise ConfigError(key, source, "must be an object")
        names = {item.name for item in dataclasses.fields(section)}
        for name, member in value.items():
            if name not in names:
                raise ConfigError("%s.%s" % (key, name), source,
                                  "unknown key (known: %s)" % ", ".join(sorted(names)))
            result.append(("%s.%s" % (key, name), member))
    return result


def _environment(environ: Mapping[str, str]) -> List[Tuple[str, Any, str]]:
    result = []
    for name in sorted(environ):
        if not name.startswith(ENV_PREFIX):
            continue
        key = name[len(ENV_PREFIX):].lower().replace("__", ".")
        source = "env %s" % name
        field_type = _field_type(key)
        if field_type is None:
            continue  # other LINGOSUB_* variables belong to other tools
        raw = environ[name]
        if key in _SECTIONS:
            value = _json_value(raw, key, source)
            for flat_key, member in _flatten({key: value}, source):
                result.append((flat_key, member, source))
        else:
            result.append((key, _env_value(raw, field_type, key, source), source))
    return result


def _field_type(key: str) -> Any:
    parts = key.split(".")
    owner: Any = SidecarConfig
    for index, part in enumerate(parts):
        found = {item.name: item for item in dataclasses.fields(owner)}.get(part)
        if found is None:
            return None
        if index == len(parts) - 1:
            return found.type
        owner = _SECTIONS.get(part)
        if owner is None:
            return None
    return None


def _json_value(raw: str, key: str, source: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError as error:
        raise ConfigError(key, source, "must be JSON: %s" % error) from None


def _env_value(raw: str, field_type: Any, key: str, source: str) -> Any:
    text = str(field_type)
    if field_type is str or text in ("str", "typing.Optional[str]") or field_type is EngineType:
        return raw
    if field_type is bool:
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ConfigError(key, source, "must be true or false, got %r" % raw)
    return _json_value(raw, key, source)


def _build(values: Dict[str, Tuple[Any, str]]) -> SidecarConfig:
    config = SidecarConfig()
    for key in sorted(values):
        value, source = values[key]
        parts = key.split(".")
        owner = config if len(parts) == 1 else getattr(config, parts[0])
        field_type = _field_type(key)
        setattr(owner, parts[-1], _checked(value, field_type, key, source))
    _validate(config, values)
    return config


def _checked(value: Any, field_type: Any, key: str, source: str) -> Any:
    text = str(field_type)
    if field_type is EngineType:
        try:
            return EngineType(value)
        except ValueError:
            raise ConfigError(key, source, "must be one of %s, got %r" % (
                [item.value for item in EngineType], value)) from None
    if field_type is bool:
        if not isinstance(value, bool):
            raise ConfigError(key, source, "must be true or false, got %r" % (value,))
        return value
    if field_type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(key, source, "must be an integer, got %r" % (value,))
        return value
    if field_type is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(key, source, "must be a number, got %r" % (value,))
        return float(value)
    if field_type is str or text == "typing.Optional[str]":
        if value is None and text == "typing.Optional[str]":
            return None
        if not isinstance(value, str):
            raise ConfigError(key, source, "must be a string, got %r" % (value,))
        return value
    if text == "typing.List[str]":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(key, source, "must be a list of strings, got %r" % (value,))
        return list(value)
    if text.startswith("typing.Dict"):
        if not isinstance(value, dict):
            raise ConfigError(key, source, "must be an object, got %r" % (value,))
        return dict(value)
    raise ConfigError(key, source, "cannot be set")


_RULES = [
    ("device", lambda c: c.device in DEVICES, "must be one of %s" % list(DEVICES)),
    ("languages", lambda c: all(item.strip() for item in c.languages), "must not contain empty strings"),
    ("performance.max_workers", lambda c: c.performance.max_workers >= 1, "must be >= 1"),
    ("performance.timeout", lambda c: 0 <= c.performance.timeout <= TIMEOUT_SECONDS_MAX,
     "must be within 0..%d seconds (0 = no timeout)" % TIMEOUT_SECONDS_MAX),
    ("performance.max_message_bytes", lambda c: c.performance.max_message_bytes >= 1024, "must be >= 1024"),
    ("performance.health_timeout_ms", lambda c: 1 <= c.performance.health_timeout_ms <= 500,
     "must be within 1..500"),
    ("performance.queue_size", lambda c: c.performance.queue_size >= 1, "must be >= 1"),
    ("logging.level", lambda c: c.logging.level.upper() in LOG_LEVELS, "must be one of %s" % list(LOG_LEVELS)),
    ("logging.format", lambda c: c.logging.format in LOG_FORMATS, "must be one of %s" % list(LOG_FORMATS)),
    ("logging.max_file_size", lambda c: c.logging.max_file_size >= 1024, "must be >= 1024"),
    ("logging.backup_count", lambda c: c.logging.backup_count >= 0, "must be >= 0"),
    ("security.max_audio_bytes", lambda c: c.security.max_audio_bytes >= 1, "must be >= 1"),
]


def _validate(config: SidecarConfig, values: Dict[str, Tuple[Any, str]]) -> None:
    for key, rule, reason in _RULES:
        if not rule(config):
            source = values.get(key, (None, "default"))[1]
            raise ConfigError(key, source, "%s, got %r" % (reason, _lookup(config, key)))


def _lookup(config: SidecarConfig, key: str) -> Any:
    owner: Any = config
    for part in key.split("."):
        owner = getattr(owner, part)
    return owner


def engine_config_from(config: SidecarConfig, **overrides: Any) -> EngineConfig:
    """The EngineConfig a create_engine factory usually builds (the seed's get_engine_config)."""
    values: Dict[str, Any] = {
        "engine_id": config.engine_id, "engine_type": config.engine_type, "model_name": config.model_name,
        "device": config.device, "language": config.language, "languages": list(config.languages),
        "max_workers": config.performance.max_workers, "timeout": config.performance.timeout,
        "options": dict(config.extensions),
    }
    values.update(overrides)
    return EngineConfig(**values)
