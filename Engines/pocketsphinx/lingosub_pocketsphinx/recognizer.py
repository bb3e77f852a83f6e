"""Block-wise recognition: an endpointer splits the audio at pauses into utterances (segments),
the decoder runs on each, drafts carry partial hypotheses and cancel is checked every block."""

import threading
from typing import Any, Dict, List, Tuple

from lingosub_sidecar import Segment

from .settings import DecoderSettings
from .words import normalised, segment_of, words_of

IDLE_DECODERS_PER_SETTINGS_MAX = 4
PRIME_BLOCK_BYTES = 32000 * 2
"""Two seconds of 16 kHz audio per step of the feature-only pass (cancel is checked between steps)."""
SETTINGS_CACHED_MAX = 3


class DecoderPool:
    """Decoders by settings; a decoder serves one request at a time. Creating one loads the model."""

    def __init__(self, pocketsphinx_module: Any):
        self._module = pocketsphinx_module
        self._lock = threading.Lock()
        self._idle: Dict[Tuple, List[Any]] = {}
        self._initial_cmn: Dict[Tuple, str] = {}
        self.created = 0

    def take(self, settings: DecoderSettings) -> Any:
        key = settings.decoder_key()
        with self._lock:
            idle = self._idle.get(key)
            if idle:
                return idle.pop()
        decoder = self._module.Decoder(samprate=16000, loglevel="FATAL", **settings.decoder_arguments())
        with self._lock:
            self.created += 1
            self._initial_cmn.setdefault(key, decoder.get_cmn(False))
        return decoder

    def initial_cmn(self, settings: DecoderSettings) -> str:
        """The cepstral mean a fresh decoder starts from (restored before every request)."""
        with self._lock:
            return self._initial_cmn[settings.decoder_key()]

    def put(self, settings: DecoderSettings, decoder: Any) -> None:
        key = settings.decoder_key()
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if len(idle) < IDLE_DECODERS_PER_SETTINGS_MAX:
                idle.append(decoder)
            while len(self._idle) > SETTINGS_CACHED_MAX:
                oldest = next(iter(self._idle))
                del self._idle[oldest]


class Recognizer:
    """Decodes one 16 kHz mono PCM buffer with one decoder, reporting through ``reporter``."""

    def __init__(self, module: Any, decoder: Any, settings: DecoderSettings, reporter: Any, initial_cmn: str):
        self.decoder = decoder
        self.initial_cmn = initial_cmn
        self.settings = settings
        self.reporter = reporter
        self.endpointer = module.Endpointer(window=settings.vad_window, ratio=settings.vad_ratio)
        self.segments: List[Segment] = []
        self.in_utterance = False
        self.utterance_start = 0.0
        self.duration = 0.0

    def run(self, pcm: bytes, duration: float) -> List[Segment]:
        self.duration = duration
        try:
            self._prime_cepstral_mean(pcm)
            self._feed(pcm)
        finally:
            if self.in_utterance:  # cancelled or failed mid-utterance: leave the decoder reusable
                self.decoder.end_utt()
                self.in_utterance = False
        return self.segments

    def _prime_cepstral_mean(self, pcm: bytes) -> None:
        """Starts every request from the same state (results do not depend on earlier requests):
        the model's initial cepstral mean, then one feature-only pass over this audio to adapt it."""
        self.decoder.set_cmn(self.initial_cmn)
        if not self.settings.cmn_prime or not pcm:
            return
        block = PRIME_BLOCK_BYTES
        self.decoder.start_utt()
        self.in_utterance = True
        for start in range(0, len(pcm), block):
            self.reporter.raise_if_cancelled()
            self.decoder.process_raw(pcm[start:start + block], True, False)
        self.decoder.end_utt()
        self.in_utterance = False
        self.decoder.set_cmn(self.decoder.get_cmn(True))

    def _feed(self, pcm: bytes) -> None:
        frame_bytes = self.endpointer.frame_bytes
        frames_per_block = max(1, int(round(self.settings.block_ms / (1000.0 * self.endpointer.frame_length))))
        frames_per_draft = int(round(self.settings.draft_ms / (1000.0 * self.endpointer.frame_length)))
        total = max(1, len(pcm))
        position = frames = 0
        while True:
            frame = pcm[position:position + frame_bytes]
            position += len(frame)
            last = len(frame) < frame_bytes
            was_in_speech = self.endpointer.in_speech
            speech = self.endpointer.end_stream(frame) if last else self.endpointer.process(frame)
            if speech is not None:
                self._speech(speech, was_in_speech)
            if last:
                break
            frames += 1
            if frames % frames_per_block == 0:
                self.reporter.raise_if_cancelled()
                self.reporter.progress(min(1.0, position / float(total)), "decoding")
            if frames_per_draft and self.in_utterance and frames % frames_per_draft == 0:
                self._draft(position / 32000.0)
        if self.in_utterance:
            self._end_utterance()

    def _speech(self, speech: bytes, was_in_speech: bool) -> None:
        if not was_in_speech and not self.in_utterance:
            self.decoder.start_utt()
            self.in_utterance = True
            self.utterance_start = float(self.endpointer.speech_start)
        if speech:
            self.decoder.process_raw(speech, False, False)
        if not self.endpointer.in_speech:
            self._end_utterance()

    def _draft(self, now_seconds: float) -> None:
        hypothesis = self.decoder.hyp()
        if hypothesis is None:
            return
        words = [word for word in (normalised(token) for token in hypothesis.hypstr.split()) if word]
        if not words:
            return
        end = max(self.utterance_start, min(self.duration, now_seconds))
        self.reporter.draft(Segment(self.utterance_start, end, " ".join(words), None, [], id=len(self.segments)))

    def _end_utterance(self) -> None:
        self.decoder.end_utt()
        self.in_utterance = False
        if self.decoder.hyp() is None:
            return
        if self.settings.bestpath:
            self.decoder.get_lattice()  # computes word posteriors, read as seg().prob
        words = words_of(self.decoder.seg(), self.utterance_start, self.duration)
        if words:
            segment = segment_of(words, len(self.segments))
            self.segments.append(segment)
            self.reporter.draft(segment)
