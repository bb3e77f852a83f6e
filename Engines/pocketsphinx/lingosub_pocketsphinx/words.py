"""Turns pocketsphinx segments into transcript words: fillers removed, variants normalised."""

import math
import re
from typing import Iterable, List, Optional

from lingosub_sidecar import Segment, Word

FRAMES_PER_SECOND = 100.0
_VARIANT = re.compile(r"\(\d+\)$")


def normalised(word: str) -> Optional[str]:
    """``hello(2)`` → ``hello``; fillers (``<s>``, ``<sil>``, ``[NOISE]``, ``++GARBAGE++``) → None."""
    if not word or word[0] in "<[" or word.startswith("++"):
        return None
    return _VARIANT.sub("", word) or None


def words_of(segments: Iterable, offset_seconds: float, limit_seconds: float) -> List[Word]:
    """Words with times (100 frames/s, shifted by the utterance start) and posterior confidences."""
    result = []
    for item in segments:
        text = normalised(item.word)
        if text is None:
            continue
        start = min(limit_seconds, offset_seconds + item.start_frame / FRAMES_PER_SECOND)
        end = min(limit_seconds, max(start, offset_seconds + (item.end_frame + 1) / FRAMES_PER_SECOND))
        confidence = min(1.0, max(0.0, float(item.prob)))
        result.append(Word(text, _floor_ms(start), _floor_ms(end), round(confidence, 4)))
    return result


def segment_of(words: List[Word], segment_id: int) -> Segment:
    confidence = sum(word.confidence for word in words) / len(words)
    return Segment(words[0].start, words[-1].end, " ".join(word.word for word in words),
                   round(confidence, 4), words, id=segment_id)


def _floor_ms(seconds: float) -> float:
    """Rounds down to whole ms, so a time never passes the audio's duration by rounding."""
    return math.floor(seconds * 1000.0 + 1e-6) / 1000.0
