import Foundation

/// A minimal protocol engine in Python (standard library only) for the driver tests, written to a
/// temporary file on first use. Modes: normal; crash (exits 3 on transcribe); crash-at-start (a stderr
/// line, then exit 3); garbage (twelve unreadable lines after initialize); ignore-term (ignores SIGTERM
/// and the stop request); deep (nested JSON lines
/// after initialize); slow (answers transcribe only with -32800 on cancel); health-stops (answers
/// only the first health check); escape (on transcribe: forks a grandchild that leaves the group and
/// keeps stdout and stderr open, writes "escaped <pid>" to stderr, exits 3).
enum EngineScript {
    static let path = ScriptFile.write(source, named: "engine.py")

    static let source = #"""
import json
import os
import signal
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "normal"
if mode == "crash-at-start":
    sys.stderr.write("fatal: model file missing\n")
    sys.stderr.flush()
    sys.exit(3)
if mode == "ignore-term":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def reply(request_id, result):
    send({"jsonrpc": "2.0", "id": request_id, "result": result})


CAPABILITIES = {"languages": ["en"], "drafts": False, "wordTimestamps": False,
                "wordConfidence": False, "maxConcurrentRequests": 1}
TRANSCRIPT = {"language": "en", "duration": 1.0, "metrics": {},
              "segments": [{"id": 0, "start": 0.0, "end": 1.0, "text": "hello", "words": []}]}

health_checks = 0
for line in sys.stdin:
    message = json.loads(line)
    method, request_id = message.get("method"), message.get("id")
    if method == "initialize":
        reply(request_id, {"protocolVersion": "1.0", "engine": {"name": "fixture", "version": "1"},
                           "capabilities": CAPABILITIES, "limits": {"maxMessageBytes": 8388608}})
        if mode == "deep":
            for depth in (128, 129, 100000):
                sys.stdout.write('{"jsonrpc":"2.0","method":"progress","params":' + "[" * depth + "]" * depth + "}\n")
            sys.stdout.flush()
        if mode == "garbage":
            for _ in range(6):
                sys.stdout.buffer.write(b"this is not json\n\xff\xfe invalid utf-8\n")
            sys.stdout.flush()
    elif method == "health_check":
        health_checks += 1
        if mode != "health-stops" or health_checks == 1:
            reply(request_id, {"status": "ok", "detail": {}})
    elif method == "transcribe":
        if mode == "escape":
            ready_read, ready_write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.setsid()
                os.write(ready_write, b"x")
                while True:
                    time.sleep(3600)
            os.read(ready_read, 1)  # the grandchild has left the group
            sys.stderr.write("escaped %d\n" % pid)
            sys.stderr.flush()
            os._exit(3)
        if mode == "crash":
            sys.stderr.write("crashing on purpose\n")
            sys.stderr.flush()
            os._exit(3)
        if mode != "slow":
            reply(request_id, TRANSCRIPT)
    elif method == "cancel":
        send({"jsonrpc": "2.0", "id": message["params"]["id"],
              "error": {"code": -32800, "message": "Request cancelled", "data": {"reason": "cancelled"}}})
    elif method == "stop" and mode != "ignore-term":
        reply(request_id, None)
        sys.exit(0)
"""#
}
