"""Decoder settings from the engine config or a request's options, validated."""

from dataclasses import asdict, dataclass, fields
from typing import Any, Dict, Tuple

from lingosub_sidecar import ValidationError

DECODER_KEYS = ("dither", "seed", "lw", "beam", "wbeam", "pbeam", "maxhmmpf", "fwdflat", "bestpath")
"""Settings passed to pocketsphinx.Decoder (a change needs another decoder instance)."""


@dataclass(frozen=True)
class DecoderSettings:
    dither: bool = False
    seed: int = 1
    """Seed of the dither noise; fixed so dithered runs are repeatable."""
    lw: float = 6.5
    """Language-model weight."""
    beam: float = 1e-48
    wbeam: float = 7e-29
    pbeam: float = 1e-48
    maxhmmpf: int = 30000
    fwdflat: bool = True
    bestpath: bool = True
    block_ms: int = 100
    """Audio fed per step: cancel takes effect and progress moves within one block."""
    draft_ms: int = 500
    """Audio between two drafts (partial hypotheses) of the current segment; 0 = no drafts."""
    vad_window: float = 0.3
    """Seconds of audio the endpointer looks at to find pauses (segment boundaries)."""
    vad_ratio: float = 0.9
    max_utterance_s: float = 6.0
    """Longest stretch decoded as one utterance; longer speech is split (bounds end_utt's GIL hold)."""
    cmn_init: str = ""
    """Initial cepstral mean restored before every request ("" = the model's own, e.g. "40,3,-1")."""

    def decoder_key(self) -> Tuple:
        return tuple(getattr(self, key) for key in DECODER_KEYS)

    def decoder_arguments(self) -> Dict[str, Any]:
        return {key: getattr(self, key) for key in DECODER_KEYS}

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    def updated(self, values: Dict[str, Any], where: str) -> "DecoderSettings":
        """A copy with ``values`` applied; unknown keys and wrong types are ValidationErrors."""
        known = {item.name: item.type for item in fields(self)}
        current = asdict(self)
        for key, value in values.items():
            if key not in known:
                raise ValidationError("%s.%s" % (where, key), "unknown setting (known: %s)" % ", ".join(sorted(known)))
            current[key] = _checked(value, known[key], "%s.%s" % (where, key))
        settings = DecoderSettings(**current)
        settings.validate(where)
        return settings

    def validate(self, where: str) -> None:
        rules = [("lw", self.lw > 0, "must be > 0"), ("beam", 0 < self.beam < 1, "must be in (0, 1)"),
                 ("wbeam", 0 < self.wbeam < 1, "must be in (0, 1)"), ("pbeam", 0 < self.pbeam < 1, "must be in (0, 1)"),
                 ("maxhmmpf", self.maxhmmpf >= -1, "must be >= -1"),
                 ("block_ms", 10 <= self.block_ms <= 1000, "must be in 10..1000"),
                 ("draft_ms", 0 <= self.draft_ms <= 60000, "must be in 0..60000"),
                 ("vad_window", 0.03 <= self.vad_window <= 3.0, "must be in 0.03..3.0"),
                 ("vad_ratio", 0.0 < self.vad_ratio <= 1.0, "must be in (0, 1]"),
                 ("max_utterance_s", 1.0 <= self.max_utterance_s <= 60.0, "must be in 1..60"),
                 ("cmn_init", all(_is_number(part) for part in self.cmn_init.split(",")) if self.cmn_init else True,
                  "must be comma-separated numbers")]
        for key, ok, reason in rules:
            if not ok:
                raise ValidationError("%s.%s" % (where, key), reason)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _checked(value: Any, kind: Any, name: str) -> Any:
    if kind is str:
        if not isinstance(value, str):
            raise ValidationError(name, "must be a string")
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise ValidationError(name, "must be true or false")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(name, "must be a number")
    if kind is int:
        if value != int(value):
            raise ValidationError(name, "must be an integer")
        return int(value)
    return float(value)


def split_options(options: Dict[str, Any]) -> Dict[str, Any]:
    """The decoder settings among a request's options (other options are left to others)."""
    names = {item.name for item in fields(DecoderSettings)}
    return {key: value for key, value in options.items() if key in names}
