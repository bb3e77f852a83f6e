#!/usr/bin/env python3
"""Benchmark of the pocketsphinx engine as a sidecar process (needs ci/install-pocketsphinx):

  model load time, real-time factor (decode seconds / audio seconds) per sample, health_check round
  trip (p50/p99) while a long transcription runs, and the WER of several decoder settings.

    python3 Engines/pocketsphinx/bench_pocketsphinx.py [--health-probes 200] [--json]
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
ENGINE = os.path.join(HERE, "pocketsphinx_engine.py")
SPEECH = os.path.join(REPO, "Examples", "audio", "speech")
WAIT_SECONDS = 300.0
SETTINGS = {"default": {}, "lw9": {"lw": 9.0}, "wide-beam": {"beam": 1e-60, "wbeam": 1e-35, "pbeam": 1e-60},
            "dither-seed7": {"dither": True, "seed": 7}, "cmn45": {"cmn_init": "45,0,0"}}


class Sidecar:
    def __init__(self, config=None):
        self.process = subprocess.Popen([sys.executable, ENGINE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.next_id = 0
        self.replies = {}
        self.started = time.monotonic()
        reply = self.call("initialize", {"protocolVersion": "1.0", "clientInfo": {"name": "bench", "version": "1"},
                                         "config": config or {}})
        assert "result" in reply, reply
        while self.call("health_check")["result"]["status"] == "loading":
            time.sleep(0.01)
        self.ready_seconds = time.monotonic() - self.started

    def _pump(self):
        for raw in iter(self.process.stdout.readline, b""):
            self.lines.put((time.monotonic(), json.loads(raw)))

    def send(self, method, params=None):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params or {}}
        self.process.stdin.write(json.dumps(message).encode() + b"\n")
        self.process.stdin.flush()
        return self.next_id, time.monotonic()

    def wait(self, request_id):
        """The reply to request_id; replies to other requests read meanwhile are kept for their wait."""
        if request_id in self.replies:
            return self.replies.pop(request_id)
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            at, message = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if "method" in message or "id" not in message:
                continue
            if message["id"] == request_id:
                return at, message
            self.replies[message["id"]] = (at, message)

    def call(self, method, params=None):
        request_id, _ = self.send(method, params)
        return self.wait(request_id)[1]

    def close(self):
        try:
            self.call("stop")
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()


def samples():
    names = sorted(name[:-4] for name in os.listdir(SPEECH) if name.endswith(".wav"))
    return [(name, os.path.join(SPEECH, name + ".wav"), open(os.path.join(SPEECH, name + ".txt")).read().split())
            for name in names]


def word_errors(reference, hypothesis):
    previous = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, 1):
        current = [i] + [0] * len(hypothesis)
        for j, hyp_word in enumerate(hypothesis, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word))
        previous = current
    return previous[-1]


def transcribe_all(sidecar, items):
    errors = words = 0
    per_sample = []
    for name, path, reference in items:
        result = sidecar.call("transcribe", {"audio": {"path": path}})["result"]
        hypothesis = " ".join(segment["text"] for segment in result["segments"]).split()
        errors += word_errors(reference, hypothesis)
        words += len(reference)
        per_sample.append({"name": name, "duration": result["duration"],
                           "realTimeFactor": result["metrics"].get("realTimeFactor"), "hypothesis": " ".join(hypothesis)})
    return errors / float(words), per_sample


def long_audio(directory, items, repeats):
    path = os.path.join(directory, "long.wav")
    with wave.open(path, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        for _ in range(repeats):
            for _, sample, _ in items:
                with wave.open(sample, "rb") as reader:
                    if reader.getframerate() == 16000 and reader.getnchannels() == 1:
                        writer.writeframes(reader.readframes(reader.getnframes()) + b"\x00\x00" * 8000)
    return path


def health_latency(sidecar, path, probes):
    transcribe_id, _ = sidecar.send("transcribe", {"audio": {"path": path}})
    latencies = []
    for _ in range(probes):
        if transcribe_id in sidecar.replies:
            break  # the transcription is over: later probes would measure an idle engine
        request_id, sent = sidecar.send("health_check")
        at, _ = sidecar.wait(request_id)
        latencies.append((at - sent) * 1000.0)
        time.sleep(0.02)
    sidecar.wait(transcribe_id)
    latencies.sort()
    pick = lambda f: round(latencies[min(len(latencies) - 1, int(f * len(latencies)))], 2)  # noqa: E731
    return {"probes": len(latencies), "p50Ms": pick(0.5), "p99Ms": pick(0.99), "maxMs": round(latencies[-1], 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--health-probes", type=int, default=100)
    parser.add_argument("--long-repeats", type=int, default=3,
                        help="the long clip is the 16 kHz mono samples this many times over (3: 58 s)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    items = samples()
    report = {}
    sidecar = Sidecar()
    try:
        report["readySeconds"] = round(sidecar.ready_seconds, 3)
        wer, per_sample = transcribe_all(sidecar, items)
        metrics = sidecar.call("get_metrics")["result"]
        report["modelLoadMs"] = metrics["modelLoadMs"]
        report["realTimeFactor"] = metrics["engine"]["realTimeFactor"]
        report["samples"] = per_sample
        with tempfile.TemporaryDirectory() as directory:
            long_path = long_audio(directory, items, args.long_repeats)
            with wave.open(long_path, "rb") as reader:
                report["longAudioSeconds"] = round(reader.getnframes() / 16000.0, 2)
            report["healthWhileTranscribing"] = health_latency(sidecar, long_path, args.health_probes)
    finally:
        sidecar.close()
    report["werBySettings"] = {"default": round(wer, 4)}
    for name, config in SETTINGS.items():
        if name == "default":
            continue
        other = Sidecar(config)
        try:
            report["werBySettings"][name] = round(transcribe_all(other, items)[0], 4)
        finally:
            other.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print("model load: %s ms (engine ready %.2f s after spawn)" % (report["modelLoadMs"], report["readySeconds"]))
    print("real-time factor over %d samples: %s" % (len(items), report["realTimeFactor"]))
    health = report["healthWhileTranscribing"]
    print("health_check round trip while transcribing %.1f s of audio: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
          "(%d probes)" % (report["longAudioSeconds"], health["p50Ms"], health["p99Ms"], health["maxMs"], health["probes"]))
    for name, value in report["werBySettings"].items():
        print("WER %-13s %.4f  %s" % (name, value, json.dumps(SETTINGS[name])))


if __name__ == "__main__":
    main()
