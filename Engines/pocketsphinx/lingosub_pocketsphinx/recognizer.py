"""Block-wise recognition: an endpointer splits the audio at pauses into utterances (segments),
the decoder runs on each, drafts carry partial hypotheses and cancel is checked every block."""

import threading
from typing import Any, Dict, List, Tuple

from lingosub_sidecar import Segment

from .settings import DecoderSettings
from .words import normalised, segment_of, words_of

IDLE_DECODERS_PER_SETTINGS_MAX = 4
BYTES_PER_SECOND = 32000.0
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
        self.utterance_end = 0.0
        self.duration = 0.0

    def run(self, pcm: bytes, duration: float) -> List[Segment]:
        self.duration = duration
        # Every request starts from fresh feature extraction (noise estimate, cepstral mean), so a
        # result never depends on the requests before it.
        self.decoder.reinit_feat()
        self.decoder.set_cmn(self.settings.cmn_init or self.initial_cmn)
        try:
            self._feed(pcm)
        finally:
            if self.in_utterance:  # cancelled or failed mid-utterance: leave the decoder reusable
                self.decoder.end_utt()
                self.in_utterance = False
        return self.segments

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
            if last:  # end_stream refuses an empty frame: one silent sample stands in for it
                speech = self.endpointer.end_stream(frame or b"\x00\x00")
            else:
                speech = self.endpointer.process(frame)
            if speech is not None:
                self._speech(speech, position / BYTES_PER_SECOND)
            if last:
                break
            frames += 1
            if frames % frames_per_block == 0:
                self.reporter.raise_if_cancelled()
                self.reporter.progress(min(1.0, position / float(total)), "decoding")
            if frames_per_draft and self.in_utterance and frames % frames_per_draft == 0:
                self._draft(position / BYTES_PER_SECOND)
        if self.in_utterance:
            self._end_utterance(position / BYTES_PER_SECOND)

    def _speech(self, speech: bytes, now_seconds: float) -> None:
        if not self.in_utterance:
            self.decoder.start_utt()
            self.in_utterance = True
            start = float(self.endpointer.speech_start)
            # After a forced split the endpointer still reports the old start: continue from here.
            self.utterance_start = start if start >= self.utterance_end else self.utterance_end
        if speech:
            self.decoder.process_raw(speech, False, False)
        if not self.endpointer.in_speech:
            self._end_utterance(now_seconds)
        elif now_seconds - self.utterance_start >= self.settings.max_utterance_s:
            # end_utt holds the GIL for time growing with the utterance; bound it (health < 500 ms).
            self._end_utterance(now_seconds)

    def _draft(self, now_seconds: float) -> None:
        hypothesis = self.decoder.hyp()
        if hypothesis is None:
            return
        words = [word for word in (normalised(token) for token in hypothesis.hypstr.split()) if word]
        if not words:
            return
        end = max(self.utterance_start, min(self.duration, now_seconds))
        self.reporter.draft(Segment(self.utterance_start, end, " ".join(words), None, [], id=len(self.segments)))

    def _end_utterance(self, now_seconds: float) -> None:
        self.decoder.end_utt()
        self.in_utterance = False
        self.utterance_end = now_seconds
        if self.decoder.hyp() is None:
            return
        if self.settings.bestpath:
            self.decoder.get_lattice()  # computes word posteriors, read as seg().prob
        words = words_of(self.decoder.seg(), self.utterance_start, self.duration)
        if words:
            segment = segment_of(words, len(self.segments))
            self.segments.append(segment)
            self.reporter.draft(segment)
