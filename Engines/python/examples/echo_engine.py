#!/usr/bin/env python3
"""A fake engine on the SDK: reads 16-bit PCM WAV and "transcribes" deterministically.

Words come from ``<audio stem>.txt`` (or ``<audio>.txt``) next to the file when present, else from
the audio content (a word per half second picked by a checksum). Behaviour switches, as flags or
``ECHO_*`` environment variables (``--latency-ms`` → ``ECHO_LATENCY_MS``; a flag wins), mirror lsref's:

  --startup-delay-ms N    sleep before serving stdin
  --loading-ms N          model load time (health says loading meanwhile)
  --latency-ms N          extra time per transcription (progress and drafts flow meanwhile)
  --realtime-factor F     each transcription also takes F × the audio duration (0.1)
  --crash-after N         the N-th transcription exits (status --crash-exit-code, 3) instead of replying
  --hang-after N          the N-th transcription freezes the whole engine (SIGSTOP): nothing is answered
  --hang                  every transcription hangs ignoring cancel; the SDK still answers everything else
  --health STATUS         health_check status: ok, degraded or error (--health-fail = error)
  --garbage-output        a non-JSON stdout line before each result (--garbage)
  --oversized-output      an over-limit stdout line before each result (--oversized)
  --heartbeat-percent N   heartbeat period in % of the negotiated one (100)
  --banner                print a banner on stdout at start (a protocol violation)
  --stray-print           print() during transcribe (the SDK sends it to stderr)
  --max-concurrent N      capabilities.maxConcurrentRequests
  --words-per-segment N   words per segment at most (5)
  --languages LIST        capabilities.languages, comma-separated (en)

Config (engine id, logging, …) comes from LINGOSUB_* variables, see lingosub_sidecar.config.
"""

import argparse
import math
import os
import signal
import sys
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lingosub_sidecar import (BaseSidecarEngine, EngineType, HealthStatus, Segment,  # noqa: E402
                              TranscriptionResponse, Word, engine_config_from, run_sidecar)
from lingosub_sidecar.audio import read_pcm  # noqa: E402

VOCABULARY = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
              "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa")


def read_wav(path):
    """(duration seconds, PCM bytes, channels) of a 16-bit PCM WAV; -32010 / -32011 otherwise."""
    frames, rate, channels = read_pcm(path)
    return len(frames) / float(2 * channels * rate), frames, channels


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


def segments_for(words, duration, words_per_segment):
    if duration <= 0:
        return []  # SPEC 10.1-MUST-4: no samples, no segments
    span = duration / len(words) if words else 0.0
    def ms(seconds):  # rounded down, so no time passes the duration
        return math.floor(seconds * 1000.0) / 1000.0
    timed = [Word(word, ms(index * span), ms((index + 1) * span), 0.9) for index, word in enumerate(words)]
    segments = []
    for first in range(0, len(timed), words_per_segment):
        chunk = timed[first:first + words_per_segment]
        segments.append(Segment(chunk[0].start, chunk[-1].end, " ".join(w.word for w in chunk), 0.9, chunk,
                                id=len(segments)))
    return segments


class EchoEngine(BaseSidecarEngine):
    supports_drafts = True

    def _initialize_engine(self):
        self.switches = self.config.options.get("switches", {})
        self.heartbeat_scale = self.switches.get("heartbeat_percent", 100) / 100.0
        self.loaded = False
        self.served = 0

    async def _start_engine(self):
        time.sleep(self.switches.get("loading_ms", 0) / 1000.0)
        self.loaded = True

    async def _stop_engine(self):
        self.loaded = False

    async def _check_engine_health(self):
        return self.loaded and self.switches.get("health") != "error"

    async def health_check(self):
        health = await super().health_check()
        if health.status == "ok" and self.switches.get("health") == "degraded":
            return HealthStatus("degraded", health.engine_id, health.uptime, {"reason": "--health degraded"})
        return health

    async def transcribe(self, request, reporter):
        switches = self.switches
        self.served += 1
        if self.served == switches.get("crash_after"):
            os._exit(switches.get("crash_exit_code", 3))
        if self.served == switches.get("hang_after"):
            os.kill(os.getpid(), signal.SIGSTOP)
        if switches.get("hang"):
            while True:
                time.sleep(3600)
        if switches.get("stray_print"):
            print("stray print from the echo engine")
        duration, frames, _ = read_wav(request.file_path)
        segments = segments_for(words_for(request.file_path, duration, frames), duration,
                                switches.get("words_per_segment", 5))
        steps = max(1, len(segments))
        pause = (switches.get("latency_ms", 0) / 1000.0 + duration * switches.get("realtime_factor", 0.0)) / steps
        for index, segment in enumerate(segments):
            if reporter.sleep(pause):
                reporter.raise_if_cancelled()
            reporter.progress((index + 1) / float(steps), "transcribing")
            reporter.draft(segment)
        reporter.raise_if_cancelled()
        if switches.get("garbage_output"):
            self.write_raw_protocol_bytes(b"this line is not JSON\n")
        if switches.get("oversized_output"):
            self.write_raw_protocol_bytes(b'"' + b"x" * 8_388_608 + b'"\n')
        return TranscriptionResponse(task_id=request.task_id, segments=segments, duration=duration,
                                     language=request.language or self.config.language)


def parse_switches(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    env = os.environ.get

    def number(flag, default=None, kind=int, aliases=()):
        value = env("ECHO_" + flag.upper().replace("-", "_"))
        parser.add_argument("--" + flag, *aliases, type=kind, default=kind(value) if value else default)

    def toggle(flag, aliases=()):
        value = env("ECHO_" + flag.upper().replace("-", "_"), "")
        parser.add_argument("--" + flag, *aliases, action="store_true", default=value not in ("", "0"))

    for flag in ("startup-delay-ms", "loading-ms", "latency-ms"):
        number(flag, 0)
    number("realtime-factor", 0.1, float)
    number("crash-after")
    number("crash-exit-code", 3)
    number("hang-after")
    number("heartbeat-percent", 100)
    number("max-concurrent")
    number("words-per-segment", 5)
    toggle("hang")
    toggle("garbage-output", ("--garbage",))
    toggle("oversized-output", ("--oversized",))
    toggle("banner")
    toggle("stray-print")
    parser.add_argument("--health", choices=("ok", "degraded", "error"), default=env("ECHO_HEALTH", "ok"))
    parser.add_argument("--health-fail", dest="health", action="store_const", const="error")
    parser.add_argument("--languages", default=env("ECHO_LANGUAGES", "en"))
    parser.add_argument("--config", default=None, help="JSON (or YAML) config file")
    args = parser.parse_args(argv)
    switches = {key: value for key, value in vars(args).items() if key != "config"}
    return switches, args.config


def main(argv=None):
    switches, config_file = parse_switches(sys.argv[1:] if argv is None else argv)
    if switches["banner"]:
        os.write(1, b"echo engine starting\n")  # deliberately before the SDK guards stdout
    time.sleep(switches["startup_delay_ms"] / 1000.0)

    def create_engine(config):
        engine_id = config.engine_id if config.engine_id != "default" else "echo"
        overrides = {"languages": [item for item in switches["languages"].split(",") if item]}
        if switches["max_concurrent"]:
            overrides["max_workers"] = switches["max_concurrent"]
        return EchoEngine(engine_config_from(config, engine_id=engine_id, engine_type=EngineType.ECHO,
                                             options=dict(config.extensions, switches=switches), **overrides))

    run_sidecar(create_engine, config_file=config_file)


if __name__ == "__main__":
    main()
