"""Performance monitor: CPU time, RSS, model load time and request durations for get_metrics."""

import os
import resource
import threading
import time
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Optional

DURATIONS_KEPT_MAX = 1024
"""Most recent request durations kept for percentiles."""


def resident_bytes() -> int:
    """Current RSS from /proc (Linux); peak RSS from getrusage elsewhere."""
    try:
        with open("/proc/self/statm", "r") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class PerformanceMonitor:
    """Thread-safe counters; ``get_metrics()`` returns the engine extras of get_metrics."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self.model_load_ms: Optional[float] = None
        self.model_loads = 0
        self._durations_ms = []
        self._outcomes: Dict[str, int] = {}
        self._custom: Dict[str, float] = {}

    def record_model_load(self, seconds: float) -> None:
        with self._lock:
            self.model_load_ms = seconds * 1000.0
            self.model_loads += 1

    def record_request(self, duration_ms: float, outcome: str) -> None:
        with self._lock:
            self._outcomes[outcome] = self._outcomes.get(outcome, 0) + 1
            if outcome == "succeeded":
                self._durations_ms.append(float(duration_ms))
                del self._durations_ms[:-DURATIONS_KEPT_MAX]

    def record_metric(self, name: str, value: float) -> None:
        with self._lock:
            self._custom[name] = value

    @contextmanager
    def time_operation(self, name: str) -> Iterator[None]:
        start = self._clock()
        try:
            yield
        finally:
            self.record_metric(name + "Ms", (self._clock() - start) * 1000.0)

    def get_metrics(self) -> Dict[str, Any]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with self._lock:
            durations = sorted(self._durations_ms)
            result: Dict[str, Any] = {
                "cpuTimeMs": round((usage.ru_utime + usage.ru_stime) * 1000.0, 3),
                "rssBytes": resident_bytes(),
                "modelLoads": self.model_loads,
                "workerDurationMs": {
                    "count": len(durations),
                    "p50": _percentile(durations, 0.5),
                    "p99": _percentile(durations, 0.99),
                },
            }
            if self.model_load_ms is not None:
                result["modelLoadMs"] = round(self.model_load_ms, 3)
            if self._custom:
                result["custom"] = {key: self._custom[key] for key in sorted(self._custom)}
        return result


def _percentile(ordered, fraction: float) -> float:
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))
    return round(ordered[index], 3)
