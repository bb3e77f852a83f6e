#!/usr/bin/env python3
"""LingoSub sidecar engine on pocketsphinx 5 (en-us model bundled in the PyPI wheel).

    ci/install-pocketsphinx                      # once: pip install 'pocketsphinx>=5,<6'
    python3 Engines/pocketsphinx/pocketsphinx_engine.py

Decoder settings (dither, seed, lw, beam, wbeam, pbeam, maxhmmpf, fwdflat, bestpath, block_ms,
draft_ms, vad_window, vad_ratio) come from the engine config — LINGOSUB_EXTENSIONS='{"lw": 8}', a
config file's "extensions", or initialize's "config" — and per request from transcribe "options".
Several differently configured instances run side by side as separate engines.
"""

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))
sys.path.insert(0, HERE)

from lingosub_sidecar import (BaseSidecarEngine, EngineType, TranscriptionResponse,  # noqa: E402
                              engine_config_from, run_sidecar)
from lingosub_sidecar.audio import load_for_decoding  # noqa: E402
from lingosub_pocketsphinx.recognizer import DecoderPool, Recognizer  # noqa: E402
from lingosub_pocketsphinx.settings import DecoderSettings, split_options  # noqa: E402

MISSING_PACKAGE = "pocketsphinx is not installed: run ci/install-pocketsphinx (pip install 'pocketsphinx>=5,<6')"


class PocketsphinxEngine(BaseSidecarEngine):
    supports_drafts = True
    load_holds_gil = True  # Decoder() holds the GIL for 0.3-0.8 s: the SDK loads before replying

    def _initialize_engine(self):
        self.settings = DecoderSettings().updated(split_options(self.config.options), "config")
        self.module = None
        self.pool = None
        self.loaded = None  # the pool kept across stop/start: a restart reuses its idle decoders
        self.audio_seconds = 0.0
        self.decode_seconds = 0.0

    async def _start_engine(self):
        try:
            import pocketsphinx
        except ImportError:
            raise RuntimeError(MISSING_PACKAGE) from None
        self.module = pocketsphinx
        pool = self.loaded or DecoderPool(pocketsphinx)
        # Loads the model once, up front. A restart finds the decoders its cancelled requests returned
        # (each request starts a fresh utterance and restores the initial CMN), so it does not hold the
        # GIL past health_check's 500 ms; new settings from initialize's config load a new decoder.
        pool.put(self.settings, pool.take(self.settings))
        self.pool = self.loaded = pool

    async def _stop_engine(self):
        self.pool = None

    async def _check_engine_health(self):
        return self.pool is not None

    def validate_config(self, overrides):
        DecoderSettings().updated(split_options(overrides), "config")

    def apply_config(self, overrides):
        super().apply_config(overrides)
        self.settings = self.settings.updated(split_options(overrides), "config")

    def transcribe(self, request, reporter):
        settings = self.settings.updated(split_options(request.options), "options")
        reporter.progress(0.0, "loading_audio")
        pcm, duration = load_for_decoding(request.file_path)
        began = time.monotonic()
        pool = self.pool
        decoder = pool.take(settings)
        try:
            recognizer = Recognizer(self.module, decoder, settings, reporter, pool.initial_cmn(settings))
            segments = recognizer.run(pcm, duration)
        finally:
            pool.put(settings, decoder)
        seconds = time.monotonic() - began
        self.audio_seconds += duration
        self.decode_seconds += seconds
        reporter.progress(1.0, "finalizing")
        return TranscriptionResponse(
            task_id=request.task_id, segments=segments, duration=duration, language=request.language or "en",
            metrics={"decodeMs": int(round(seconds * 1000)), "settings": settings.to_dict()})

    def metrics(self):
        audio = self.audio_seconds
        return {"audioSeconds": round(audio, 3), "decodeSeconds": round(self.decode_seconds, 3),
                "realTimeFactor": round(self.decode_seconds / audio, 4) if audio else 0.0,
                "decodersCreated": self.pool.created if self.pool else 0, "settings": self.settings.to_dict()}


def create_engine(config):
    engine_id = config.engine_id if config.engine_id != "default" else "pocketsphinx"
    return PocketsphinxEngine(engine_config_from(config, engine_id=engine_id, engine_type=EngineType.POCKETSPHINX,
                                                 languages=["en"], language="en", engine_version="5.0-0.1.0"))


if __name__ == "__main__":
    run_sidecar(create_engine)
