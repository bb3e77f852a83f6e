"""lsconform against the SDK's engines (the issue's proof). Opt-in, it takes about a minute:

    LINGOSUB_LSCONFORM=1 python3 -m unittest tests.test_lsconform -v

Uses $LSCONFORM or the repository's .build/debug/lsconform (swift build --product lsconform)."""

import importlib.util
import os
import subprocess
import sys
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
LSCONFORM = os.environ.get("LSCONFORM") or os.path.join(REPO, ".build", "debug", "lsconform")
ECHO = os.path.join(REPO, "Engines", "python", "examples", "echo_engine.py")
POCKETSPHINX = os.path.join(REPO, "Engines", "pocketsphinx", "pocketsphinx_engine.py")
SPEECH = os.path.join(REPO, "Examples", "audio", "speech")
ENABLED = os.environ.get("LINGOSUB_LSCONFORM") == "1"
RUN_SECONDS_MAX = 900


def run_lsconform(*arguments):
    command = [LSCONFORM, "--strict", "--jobs", "2", "--timing-slack-ms",
               os.environ.get("LSCONFORM_SLACK_MS", "200")] + list(arguments)
    completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=RUN_SECONDS_MAX, cwd=REPO)
    return completed.returncode, completed.stdout.decode("utf-8", "replace")


@unittest.skipUnless(ENABLED, "set LINGOSUB_LSCONFORM=1 to run lsconform (about a minute)")
@unittest.skipUnless(os.access(LSCONFORM, os.X_OK), "lsconform is not built (swift build --product lsconform)")
class LsconformTests(unittest.TestCase):
    def test_the_echo_engine_passes_every_case(self):
        status, output = run_lsconform("--", sys.executable, ECHO)
        self.assertEqual(status, 0, output[-4000:])

    @unittest.skipUnless(importlib.util.find_spec("pocketsphinx"), "pocketsphinx is not installed")
    def test_the_pocketsphinx_engine_passes_every_case(self):
        status, output = run_lsconform("--audio", SPEECH, "--", sys.executable, POCKETSPHINX)
        self.assertEqual(status, 0, output[-4000:])


if __name__ == "__main__":
    unittest.main()
