import Foundation

/// The Python test child (standard library only), written to a temporary file on first use so the
/// test target needs no resources.
enum ChildScript {
    static let path = ScriptFile.write(source, named: "child.py")

    static let source = #"""
"""Test child for RuntimeTests (standard library only). Usage: child.py MODE [ARG...]

exit CODE          exit with CODE
segv               die of SIGSEGV (core dumps disabled first)
cwd                print the working directory
echo               copy stdin lines to stdout as "pong <line>" until EOF
close-stdin        close stdin, print "ready", then wait for a signal
ignore-term        ignore SIGTERM, print "ready", then wait for SIGKILL
fork-tree N        fork N grandchildren that sleep; print their pids, then "ready"; wait
escape             fork a grandchild that leaves the group (setsid) holding stdout; print its pid; exit
flood BYTES        write BYTES of 1024-byte lines to stderr from a thread while echoing stdin
"""
import os
import resource
import signal
import sys
import threading
import time


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def wait_forever():
    while True:
        signal.pause()


def echo():
    for line in sys.stdin:
        say("pong " + line.rstrip("\n"))


def flood(total):
    line = b"x" * 1023 + b"\n"
    chunk = line * 64
    written = 0
    while written < total:
        piece = chunk[: total - written]
        os.write(2, piece)
        written += len(piece)


def fork_tree(count):
    pids = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            while True:
                time.sleep(3600)
        pids.append(pid)
    say("pids " + " ".join(str(p) for p in pids))
    say("ready")
    wait_forever()


def escape():
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        os.write(ready_write, b"x")
        while True:
            time.sleep(3600)
    os.read(ready_read, 1)  # the grandchild has left the group
    say("escaped " + str(pid))


def main():
    mode = sys.argv[1]
    if mode == "exit":
        sys.exit(int(sys.argv[2]))
    elif mode == "segv":
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.kill(os.getpid(), signal.SIGSEGV)
    elif mode == "cwd":
        say(os.getcwd())
    elif mode == "echo":
        echo()
    elif mode == "close-stdin":
        os.close(0)
        say("ready")
        wait_forever()
    elif mode == "ignore-term":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        say("ready")
        wait_forever()
    elif mode == "fork-tree":
        fork_tree(int(sys.argv[2]))
    elif mode == "escape":
        escape()
    elif mode == "flood":
        thread = threading.Thread(target=flood, args=(int(sys.argv[2]),))
        thread.start()
        echo()
        thread.join()
    else:
        sys.exit(64)


main()
"""#
}
