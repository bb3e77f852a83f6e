#!/usr/bin/env python3
"""The seed's quick start on this SDK: a whole engine in a few lines. Run it as a sidecar:
printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0"}}' | python3 quickstart.py
"""
import os
import sys
import wave

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from lingosub_sidecar import (AudioFormatError, BaseSidecarEngine, EngineConfig, EngineType, Segment, TaskStatus,  # noqa: E402
                              TranscriptionResponse, run_sidecar)


class MyCustomEngine(BaseSidecarEngine):
    def _initialize_engine(self) -> None:
        self.model = None

    async def _start_engine(self) -> None:
        self.model = "loaded"  # load your model here

    async def _stop_engine(self) -> None:
        self.model = None

    async def _check_engine_health(self) -> bool:
        return self.model is not None

    async def transcribe(self, request) -> TranscriptionResponse:
        try:
            with wave.open(request.file_path, "rb") as audio:
                count, rate, width = audio.getnframes(), audio.getframerate(), audio.getsampwidth()
                complete = len(audio.readframes(count)) == count * width * audio.getnchannels()
        except (wave.Error, EOFError) as error:  # not a WAV file: -32011 audio_unsupported_format
            raise AudioFormatError("not a readable WAV file: %r" % error) from None
        if not complete:
            raise AudioFormatError("the WAV data chunk is shorter than its header says")
        duration = count / float(rate)
        segments = [Segment(0.0, duration, "hello world", 0.9)] if duration > 0 else []
        return TranscriptionResponse(task_id=request.task_id, status=TaskStatus.COMPLETED, duration=duration,
                                     timestamps=segments)


def create_engine(config) -> MyCustomEngine:
    return MyCustomEngine(EngineConfig(engine_id="quickstart", engine_type=EngineType.CUSTOM,
                                       model_name=config.model_name, device=config.device,
                                       language=config.language))


if __name__ == "__main__":
    run_sidecar(create_engine)
