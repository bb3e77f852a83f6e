"""The cancellation token an engine polls and the reporter it sends progress and drafts through."""

import logging
import math
import threading
import time
from typing import Any, Callable, Optional

from .errors import RequestCancelledError, ValidationError
from .models import Segment

_log = logging.getLogger("lingosub_sidecar.reporter")
PROGRESS_INTERVAL_SECONDS_MIN = 0.01
"""Progress reports closer together than this (same stage, not 1.0) are dropped: a tight loop
cannot flood the protocol."""


class CancellationToken:
    """Set by the SDK on cancel, restart, stop, EOF or timeout. Poll it between chunks of work."""

    def __init__(self):
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    is_cancelled = cancelled

    def raise_if_cancelled(self) -> None:
        """Raises RequestCancelledError (the SDK replies -32800) once cancelled."""
        if self._event.is_set():
            raise RequestCancelledError()

    def wait(self, seconds: float) -> bool:
        """Sleeps up to ``seconds``; returns True early if cancelled meanwhile."""
        return self._event.wait(max(0.0, seconds))


class Reporter:
    """Passed to ``transcribe``: ``progress(fraction, stage)`` and ``draft(segment)`` notifications.

    The SDK enforces the protocol's order: a fraction lower than the last one is dropped (with a
    warning), and nothing is sent once the request has its final reply.
    """

    def __init__(self, post: Callable[[tuple], None], job: int, token: Optional[CancellationToken] = None,
                 clock: Callable[[], float] = time.monotonic):
        self._post = post
        self._clock = clock
        self._last_sent = (None, float("-inf"))
        self._job = job
        self._lock = threading.Lock()
        self._fraction = 0.0
        self._closed = False
        self._next_segment_id = 0
        self._warned = False
        self.token = token or CancellationToken()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def raise_if_cancelled(self) -> None:
        self.token.raise_if_cancelled()

    def sleep(self, seconds: float) -> bool:
        """Waits, waking early on cancel; returns True if cancelled."""
        return self.token.wait(seconds)

    def progress(self, fraction: float, stage: str = "transcribing") -> bool:
        """Reports progress 0..1; returns False if it was dropped (backwards, or after the reply)."""
        if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) or not math.isfinite(fraction):
            raise ValidationError("fraction", "must be a finite number")
        if not 0.0 <= fraction <= 1.0:
            raise ValidationError("fraction", "must be within 0..1, got %s" % fraction)
        if not isinstance(stage, str) or not stage:
            raise ValidationError("stage", "must be a non-empty string")
        with self._lock:
            if self._closed:
                return False
            if fraction < self._fraction:
                if not self._warned:
                    self._warned = True
                    _log.warning("progress went backwards (%s after %s); dropped", fraction, self._fraction)
                return False
            self._fraction = float(fraction)
            now = self._clock()
            last_stage, last_time = self._last_sent
            if stage == last_stage and fraction < 1.0 and now - last_time < PROGRESS_INTERVAL_SECONDS_MIN:
                return False
            self._last_sent = (stage, now)
            self._post(("progress", self._job, float(fraction), stage))
        return True

    def draft(self, segment: Any) -> bool:
        """Reports a partial segment (Segment or dict). Without an id it gets the next free one."""
        checked = Segment.coerce(segment, "segment")
        with self._lock:
            if self._closed:
                return False
            if checked.id is None:
                segment_id = self._next_segment_id
            else:
                segment_id = checked.id
            self._next_segment_id = max(self._next_segment_id, segment_id + 1)
            self._post(("draft", self._job, checked.to_dict(segment_id)))
        return True

    def close(self) -> None:
        """Called by the SDK when the request is over; later calls are ignored."""
        with self._lock:
            self._closed = True
