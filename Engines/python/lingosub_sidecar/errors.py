"""Error codes of the protocol (Conformance/DECISIONS.md) and the exceptions that carry them.

Engine code raises these (or lets the SDK map its exceptions) and the SDK turns them into
JSON-RPC error objects: ``{"code": int, "message": str, "data": {"reason": str, ...}}``.
"""

import enum
from typing import Any, Dict, Optional


class ErrorCode(enum.IntEnum):
    """Every error code the SDK writes; the values are fixed by the protocol."""

    PARSE_ERROR = -32700
    INVALID_REQUEST = -32600
    METHOD_NOT_FOUND = -32601
    INVALID_PARAMS = -32602
    INTERNAL_ERROR = -32603
    ENGINE_FAILURE = -32000
    MESSAGE_TOO_LARGE = -32001
    NOT_INITIALIZED = -32002
    ALREADY_INITIALIZED = -32003
    UNSUPPORTED_PROTOCOL_VERSION = -32004
    AUDIO_NOT_FOUND = -32010
    AUDIO_UNSUPPORTED_FORMAT = -32011
    LANGUAGE_UNSUPPORTED = -32012
    BUSY = -32020
    DUPLICATE_REQUEST_ID = -32021
    SHUTTING_DOWN = -32030
    REQUEST_CANCELLED = -32800

    @property
    def error_name(self) -> str:
        """The stable snake_case id, e.g. ``audio_not_found``."""
        return self.name.lower()

    @property
    def message(self) -> str:
        """The short human message written in the error object's ``message``."""
        return _MESSAGES[self]


_MESSAGES = {
    ErrorCode.PARSE_ERROR: "Parse error",
    ErrorCode.INVALID_REQUEST: "Invalid Request",
    ErrorCode.METHOD_NOT_FOUND: "Method not found",
    ErrorCode.INVALID_PARAMS: "Invalid params",
    ErrorCode.INTERNAL_ERROR: "Internal error",
    ErrorCode.ENGINE_FAILURE: "Engine failure",
    ErrorCode.MESSAGE_TOO_LARGE: "Message too large",
    ErrorCode.NOT_INITIALIZED: "Not initialized",
    ErrorCode.ALREADY_INITIALIZED: "Already initialized",
    ErrorCode.UNSUPPORTED_PROTOCOL_VERSION: "Unsupported protocol version",
    ErrorCode.AUDIO_NOT_FOUND: "Audio not found",
    ErrorCode.AUDIO_UNSUPPORTED_FORMAT: "Audio format unsupported",
    ErrorCode.LANGUAGE_UNSUPPORTED: "Language unsupported",
    ErrorCode.BUSY: "Busy",
    ErrorCode.DUPLICATE_REQUEST_ID: "Duplicate request id",
    ErrorCode.SHUTTING_DOWN: "Shutting down",
    ErrorCode.REQUEST_CANCELLED: "Request cancelled",
}


class SidecarError(Exception):
    """An error with a protocol code and a human-readable reason.

    ``data`` adds members to the error object's ``data`` next to ``reason``.
    """

    code: ErrorCode = ErrorCode.ENGINE_FAILURE

    def __init__(self, reason: str, code: Optional[ErrorCode] = None, data: Optional[Dict[str, Any]] = None):
        super().__init__(reason)
        if code is not None:
            self.code = ErrorCode(code)
        self.reason = reason
        self.data = dict(data or {})

    def to_error_object(self) -> Dict[str, Any]:
        """The JSON-RPC error object for this error."""
        data = {"name": self.code.error_name, "reason": self.reason}
        data.update(self.data)
        return {"code": int(self.code), "message": self.code.message, "data": data}

    def __repr__(self) -> str:
        return "%s(%s, %r)" % (type(self).__name__, self.code.error_name, self.reason)


class ValidationError(SidecarError, ValueError):
    """A model or params value is wrong; ``field`` names it (dotted path)."""

    code = ErrorCode.INVALID_PARAMS

    def __init__(self, field: str, reason: str):
        super().__init__("%s: %s" % (field, reason) if field else reason, data={"member": field} if field else None)
        self.field = field


class EngineFailureError(SidecarError):
    code = ErrorCode.ENGINE_FAILURE


class AudioNotFoundError(SidecarError):
    code = ErrorCode.AUDIO_NOT_FOUND


class AudioFormatError(SidecarError):
    code = ErrorCode.AUDIO_UNSUPPORTED_FORMAT


class LanguageUnsupportedError(SidecarError):
    code = ErrorCode.LANGUAGE_UNSUPPORTED


class RequestCancelledError(SidecarError):
    """Raised by ``CancellationToken.raise_if_cancelled()``; the SDK replies -32800."""

    code = ErrorCode.REQUEST_CANCELLED

    def __init__(self, reason: str = "request cancelled"):
        super().__init__(reason)


def error_from_exception(error: BaseException) -> SidecarError:
    """Maps any exception from engine code to a SidecarError (unknown ones are engine failures)."""
    if isinstance(error, SidecarError):
        return error
    if isinstance(error, FileNotFoundError):
        return AudioNotFoundError("audio file not found: %s" % (error.filename or error))
    if isinstance(error, PermissionError):
        return AudioNotFoundError("audio file not readable: %s" % (error.filename or error))
    return EngineFailureError("%s: %s" % (type(error).__name__, error))
