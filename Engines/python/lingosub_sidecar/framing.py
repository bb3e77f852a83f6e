"""Splits a byte stream into lines at b"\\n" only (never at U+2028 or \\r), with a byte limit.

Bytes are framed before decoding, so a UTF-8 sequence split across reads is reassembled
naturally: 0x0A never occurs inside a multi-byte sequence.
"""

from typing import List, Tuple

LINE = "line"
OVERSIZED = "oversized"

Event = Tuple[str, bytes]


class LineFramer:
    """Incremental framer: ``feed(chunk)`` returns ``(LINE, bytes)`` and ``(OVERSIZED, b"")`` events.

    A line longer than ``max_line_bytes`` (not counting its ``\\n`` and a ``\\r`` before it) yields one
    OVERSIZED event as soon as the limit is passed; the rest of it, through the next ``\\n``, is discarded.
    """

    def __init__(self, max_line_bytes: int):
        if max_line_bytes < 1:
            raise ValueError("max_line_bytes must be >= 1")
        self.max_line_bytes = max_line_bytes
        self._buffer = bytearray()
        self._discarding = False

    def set_max_line_bytes(self, max_line_bytes: int) -> None:
        if max_line_bytes < 1:
            raise ValueError("max_line_bytes must be >= 1")
        self.max_line_bytes = max_line_bytes

    @property
    def buffered_bytes(self) -> int:
        return len(self._buffer)

    def feed(self, chunk: bytes) -> List[Event]:
        events: List[Event] = []
        start = 0
        size = len(chunk)
        while start < size:
            newline = chunk.find(b"\n", start)
            end = size if newline < 0 else newline
            if self._discarding:
                if newline >= 0:
                    self._discarding = False
            else:
                self._buffer += chunk[start:end]
                if newline >= 0:
                    self._finish_line(events)
                elif self._over_limit():
                    self._start_discarding(events)
            start = end + 1 if newline >= 0 else size
        return events

    def _finish_line(self, events: List[Event]) -> None:
        line = bytes(self._buffer)
        self._buffer.clear()
        if line.endswith(b"\r"):
            line = line[:-1]
        if len(line) > self.max_line_bytes:
            events.append((OVERSIZED, b""))
        else:
            events.append((LINE, line))

    def _over_limit(self) -> bool:
        size = len(self._buffer)
        if size <= self.max_line_bytes:
            return False
        # One extra byte may still be the \r of a \r\n ending.
        return not (size == self.max_line_bytes + 1 and self._buffer.endswith(b"\r"))

    def _start_discarding(self, events: List[Event]) -> None:
        self._buffer.clear()
        self._discarding = True
        events.append((OVERSIZED, b""))
