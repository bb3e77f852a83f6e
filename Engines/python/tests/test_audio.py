"""lingosub_sidecar.audio: the RIFF/WAVE reader's edge cases."""

import os
import struct
import tempfile
import unittest

from lingosub_sidecar import AudioFormatError
from lingosub_sidecar.audio import read_pcm


def wave_bytes(frames: bytes, data_size: int, rate: int = 16000, channels: int = 1) -> bytes:
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * channels * 2, channels * 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", data_size) + frames
    return b"RIFF" + struct.pack("<I", 0xFFFFFFFF) + body


class ReadPcmTest(unittest.TestCase):
    def read(self, data: bytes):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "a.wav")
            with open(path, "wb") as handle:
                handle.write(data)
            return read_pcm(path)

    def test_a_streaming_data_size_runs_to_the_end_of_the_file(self):
        frames = struct.pack("<4h", 1, -2, 300, -400)
        self.assertEqual(self.read(wave_bytes(frames, 0xFFFFFFFF)), (frames, 16000, 1))

    def test_a_data_chunk_past_the_end_is_still_rejected(self):
        with self.assertRaises(AudioFormatError):
            self.read(wave_bytes(struct.pack("<2h", 1, 2), 8))

    def test_a_trailing_partial_frame_is_dropped(self):
        frames = struct.pack("<3h", 5, 6, 7) + b"\x01"
        self.assertEqual(self.read(wave_bytes(frames, len(frames), channels=2)), (struct.pack("<2h", 5, 6), 16000, 2))


if __name__ == "__main__":
    unittest.main()
