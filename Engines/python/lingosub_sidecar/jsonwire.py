"""Strict JSON for the wire: numbers keep their raw text (so ids echo exactly), NaN/Infinity,
duplicate member names and lone surrogates are rejected, output is compact and NaN-free.
"""

import json
import math
import re
from typing import Any, Dict, List, Tuple


class JsonError(ValueError):
    """The text is not strict JSON; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class RawNumber:
    """A JSON number as written (``1e2`` stays ``1e2``); ``value`` converts it."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    @property
    def value(self):
        if any(c in self.text for c in ".eE"):
            return float(self.text)
        return int(self.text)

    def __eq__(self, other):
        return isinstance(other, RawNumber) and other.text == self.text

    def __hash__(self):
        return hash(self.text)

    def __repr__(self):
        return "RawNumber(%s)" % self.text


def _reject_constant(name: str):
    raise JsonError("%s is not JSON" % name)


def _pairs(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
    result: Dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonError("duplicate member name %s" % json.dumps(key))
        result[key] = value
    return result


_DECODER = json.JSONDecoder(
    parse_int=RawNumber, parse_float=RawNumber, parse_constant=_reject_constant, object_pairs_hook=_pairs
)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def parse(text: str) -> Any:
    """Parses one JSON text strictly; numbers become RawNumber. Raises JsonError."""
    try:
        value = _DECODER.decode(text)
    except JsonError:
        raise
    except json.JSONDecodeError as error:
        raise JsonError("%s at offset %d" % (error.msg, error.pos)) from None
    except RecursionError:  # the C scanner bounds nesting by the interpreter's recursion limit
        raise JsonError("nesting too deep") from None
    if _SURROGATE_ESCAPE.search(text):
        _check_surrogates(value)
    return value


def _check_surrogates(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_string(item)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, member in item.items():
                _check_string(key)
                stack.append(member)


def _check_string(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise JsonError("lone surrogate in string") from None


def cook(value: Any) -> Any:
    """Replaces every RawNumber inside value with an int or float (1e400 stays a JsonError)."""
    if isinstance(value, RawNumber):
        number = value.value
        if isinstance(number, float) and not math.isfinite(number):
            raise JsonError("number %s is out of range" % value.text)
        return number
    if isinstance(value, list):
        return [cook(item) for item in value]
    if isinstance(value, dict):
        return {key: cook(member) for key, member in value.items()}
    return value


def dumps(value: Any) -> str:
    """Compact JSON text; raises ValueError for NaN/Infinity and TypeError for non-JSON values."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_default)


def _default(value: Any):
    if isinstance(value, RawNumber):
        return cook(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise TypeError("%s is not JSON serializable" % type(value).__name__)


def id_text(value: Any) -> str:
    """The JSON text that echoes an id: raw number text, the string re-encoded, or null."""
    if isinstance(value, RawNumber):
        return value.text
    if value is None:
        return "null"
    return dumps(value)
