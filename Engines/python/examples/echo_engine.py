#!/usr/bin/env python3
"""A fake engine on the SDK: reads 16-bit PCM WAV and "transcribes" deterministically.

Words come from ``<audio stem>.txt`` (or ``<audio>.txt``) next to the file when present, else from
the audio content (a word per half second picked by a checksum). Behaviour switches, as flags or
environment variables, inject the faults coordinators must survive:

  --startup-delay-ms N  ECHO_STARTUP_DELAY_MS   model load takes N ms (health says loading)
  --latency-ms N        ECHO_LATENCY_MS         each transcription takes N ms (progress + drafts)
  --crash-after N       ECHO_CRASH_AFTER        exit(3) when transcription N+1 starts
  --hang                ECHO_HANG=1             transcribe never returns and ignores cancel
  --health-fail         ECHO_HEALTH_FAIL=1      health_check reports error
  --garbage             ECHO_GARBAGE=1          a non-JSON line on stdout before each result
  --oversized           ECHO_OVERSIZED=1        an over-long line on stdout before each result
  --heartbeat-scale X   ECHO_HEARTBEAT_SCALE    heartbeats X times slower than negotiated
  --stray-print         ECHO_STRAY_PRINT=1      print() during transcribe (must reach stderr)

Config (engine id, max_workers, …) comes from LINGOSUB_* variables, see lingosub_sidecar.config.
"""

import argparse
import os
import sys
import time
import wave
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lingosub_sidecar import (AudioFormatError, AudioNotFoundError, BaseSidecarEngine, EngineType,  # noqa: E402
                              Segment, TranscriptionResponse, Word, engine_config_from, run_sidecar)

VOCABULARY = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
              "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa")
WORDS_PER_SEGMENT_MAX = 8


def read_wav(path):
    """(duration seconds, PCM bytes, channels) of a 16-bit PCM WAV; protocol errors otherwise."""
    if not os.path.isfile(path):
        raise AudioNotFoundError("no such audio file: %s" % path)
    try:
        with wave.open(path, "rb") as reader:
            if reader.getsampwidth() != 2 or reader.getcomptype() != "NONE":
                raise AudioFormatError("only 16-bit PCM WAV is supported (%d-byte samples)" % reader.getsampwidth())
            frames = reader.readframes(reader.getnframes())
            rate, channels = reader.getframerate(), reader.getnchannels()
    except (wave.Error, EOFError) as error:
        raise AudioFormatError("not a valid WAV file: %s" % error) from None
    except OSError as error:
        raise AudioNotFoundError("cannot read %s: %s" % (path, error.strerror)) from None
    return (len(frames) / float(2 * channels * rate) if rate else 0.0), frames, channels


def words_for(path, duration, frames):
    stem = os.path.splitext(path)[0]
    for candidate in (stem + ".txt", path + ".txt"):
        if os.path.isfile(candidate):
            with open(candidate, "r", encoding="utf-8") as handle:
                return handle.read().split()
    count = max(1, int(round(duration * 2)))
    step = max(1, len(frames) // count)
    return [VOCABULARY[zlib.crc32(frames[index * step:(index + 1) * step]) % len(VOCABULARY)]
            for index in range(count)]


def segments_for(words, duration):
    if duration <= 0:
        return []  # SPEC 10.1-MUST-4: no samples, no segments
    span = duration / len(words) if words else 0.0
    timed = [Word(word, round(index * span, 3), round((index + 1) * span, 3), 0.9) for index, word in enumerate(words)]
    segments = []
    for first in range(0, len(timed), WORDS_PER_SEGMENT_MAX):
        chunk = timed[first:first + WORDS_PER_SEGMENT_MAX]
        segments.append(Segment(chunk[0].start, chunk[-1].end, " ".join(w.word for w in chunk), 0.9, chunk,
                                id=len(segments)))
    return segments


class EchoEngine(BaseSidecarEngine):
    supports_drafts = True

    def _initialize_engine(self):
        self.switches = self.config.options.get("switches", {})
        self.heartbeat_scale = float(self.switches.get("heartbeat_scale", 1.0))
        self.loaded = False
        self.served = 0

    async def _start_engine(self):
        time.sleep(self.switches.get("startup_delay_ms", 0) / 1000.0)
        self.loaded = True

    async def _stop_engine(self):
        self.loaded = False

    async def _check_engine_health(self):
        return self.loaded and not self.switches.get("health_fail")

    async def transcribe(self, request, reporter):
        switches = self.switches
        if switches.get("crash_after") is not None and self.served >= switches["crash_after"]:
            os._exit(3)
        self.served += 1
        if switches.get("hang"):
            while True:
                time.sleep(3600)
        if switches.get("stray_print"):
            print("stray print from the echo engine")
        duration, frames, _ = read_wav(request.file_path)
        segments = segments_for(words_for(request.file_path, duration, frames), duration)
        steps = max(1, len(segments))
        for index, segment in enumerate(segments):
            if reporter.sleep(switches.get("latency_ms", 0) / 1000.0 / steps):
                reporter.raise_if_cancelled()
            reporter.progress((index + 1) / float(steps), "transcribing")
            reporter.draft(segment)
        reporter.raise_if_cancelled()
        if switches.get("garbage"):
            self.write_raw_protocol_bytes(b"this line is not JSON\n")
        if switches.get("oversized"):
            self.write_raw_protocol_bytes(b'"' + b"x" * 8_388_608 + b'"\n')
        return TranscriptionResponse(task_id=request.task_id, segments=segments, duration=duration,
                                     language=request.language or self.config.language)


def parse_switches(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    env = os.environ.get
    parser.add_argument("--startup-delay-ms", type=int, default=int(env("ECHO_STARTUP_DELAY_MS", "0")))
    parser.add_argument("--latency-ms", type=int, default=int(env("ECHO_LATENCY_MS", "0")))
    parser.add_argument("--crash-after", type=int, default=int(env("ECHO_CRASH_AFTER", "-1")))
    parser.add_argument("--heartbeat-scale", type=float, default=float(env("ECHO_HEARTBEAT_SCALE", "1")))
    for flag in ("hang", "health-fail", "garbage", "oversized", "stray-print"):
        name = "ECHO_" + flag.upper().replace("-", "_")
        parser.add_argument("--" + flag, action="store_true", default=env(name, "") not in ("", "0"))
    parser.add_argument("--config", default=None, help="JSON (or YAML) config file")
    args = parser.parse_args(argv)
    switches = {key: value for key, value in vars(args).items() if key != "config"}
    if switches["crash_after"] < 0:
        switches["crash_after"] = None
    return switches, args.config


def main(argv=None):
    switches, config_file = parse_switches(sys.argv[1:] if argv is None else argv)

    def create_engine(config):
        engine_id = config.engine_id if config.engine_id != "default" else "echo"
        options = dict(config.extensions, switches=switches)
        return EchoEngine(engine_config_from(config, engine_id=engine_id, engine_type=EngineType.ECHO,
                                             options=options))

    run_sidecar(create_engine, config_file=config_file)


if __name__ == "__main__":
    main()
