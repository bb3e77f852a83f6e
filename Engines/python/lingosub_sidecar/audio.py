"""Strict 16-bit PCM WAV reading and conversion to 16 kHz mono, for engines.

``read_pcm`` parses RIFF/WAVE itself (format tag 1, or WAVE_FORMAT_EXTENSIBLE with the PCM
sub-format) and maps every problem to the protocol's errors: a missing or unreadable file is
-32010, anything it cannot decode (truncated header, a chunk past the end of the file, another
encoding or sample width) is -32011. A data chunk whose size is 0xFFFFFFFF (what streaming writers
such as ``ffmpeg ... -f wav -`` put there, not knowing the length) runs to the end of the file, as
the Swift reader (``WAVFile(bytes:)``) takes it.
"""

import array
import os
import struct
import sys
import warnings
from typing import Tuple

from .errors import AudioFormatError, AudioNotFoundError

TARGET_RATE = 16000
SAMPLE_RATE_MIN = 1000
SAMPLE_RATE_MAX = 384000
CHANNELS_MAX = 16
WAVE_FORMAT_PCM = 1
WAVE_FORMAT_EXTENSIBLE = 0xFFFE
SIZE_UNKNOWN = 0xFFFFFFFF

try:  # audioop is in the standard library up to Python 3.12 (deprecated from 3.11)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import audioop  # type: ignore
except ImportError:  # Python >= 3.13: the slower pure-Python path below
    audioop = None


def read_pcm(path: str) -> Tuple[bytes, int, int]:
    """(little-endian 16-bit frames, sample rate, channels). -32010 / -32011 errors otherwise.

    Reads RIFF/WAVE itself (format tag 1, or WAVE_FORMAT_EXTENSIBLE with the PCM sub-format, which
    the wave module of Python < 3.12 refuses)."""
    if not os.path.isfile(path):
        raise AudioNotFoundError("no such audio file: %s" % path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise AudioNotFoundError("cannot read %s: %s" % (path, error.strerror or error)) from None
    rate, channels, frames = _parse_wave(data)
    if not SAMPLE_RATE_MIN <= rate <= SAMPLE_RATE_MAX or not 1 <= channels <= CHANNELS_MAX:
        raise AudioFormatError("unsupported WAV: %d Hz, %d channel(s)" % (rate, channels))
    frames = frames[:len(frames) - len(frames) % (2 * channels)]
    return frames, rate, channels


def _parse_wave(data: bytes) -> Tuple[int, int, bytes]:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise AudioFormatError("not a RIFF/WAVE file")
    position, fmt, frames = 12, None, None
    while position + 8 <= len(data):
        chunk_id = data[position:position + 4]
        size = struct.unpack_from("<I", data, position + 4)[0]
        if chunk_id == b"data" and size == SIZE_UNKNOWN:
            size = len(data) - position - 8
        body = data[position + 8:position + 8 + size]
        if len(body) < size:
            raise AudioFormatError("chunk %r of %d bytes runs past the end of the file" % (chunk_id, size))
        if chunk_id == b"fmt ":
            fmt = body
        elif chunk_id == b"data":
            frames = body
            break
        position += 8 + size + (size & 1)
    if fmt is None or len(fmt) < 16:
        raise AudioFormatError("no valid fmt chunk")
    if frames is None:
        raise AudioFormatError("no data chunk")
    tag, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", fmt, 0)
    if tag == WAVE_FORMAT_EXTENSIBLE and len(fmt) >= 26:
        tag = struct.unpack_from("<H", fmt, 24)[0]
    if tag != WAVE_FORMAT_PCM or bits != 16:
        raise AudioFormatError("only 16-bit PCM WAV is supported, got format %d with %d bits" % (tag, bits))
    return rate, channels, frames


def to_mono_16k(frames: bytes, rate: int, channels: int) -> bytes:
    """Averages channels and resamples to 16 kHz (linear interpolation)."""
    if channels > 1:
        frames = _mix_down(frames, channels)
    if rate != TARGET_RATE and frames:
        frames = _resample(frames, rate)
    return frames


def load_for_decoding(path: str) -> Tuple[bytes, float]:
    """16 kHz mono 16-bit PCM of the file and its duration in seconds (of the original)."""
    frames, rate, channels = read_pcm(path)
    duration = len(frames) / float(2 * channels * rate)
    return to_mono_16k(frames, rate, channels), duration


def _samples(frames: bytes) -> array.array:
    samples = array.array("h")
    samples.frombytes(frames)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _to_bytes(samples: array.array) -> bytes:
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def _mix_down(frames: bytes, channels: int) -> bytes:
    if audioop is not None and channels == 2:
        return audioop.tomono(frames, 2, 0.5, 0.5)
    samples = _samples(frames)
    mixed = array.array("h", (int(sum(samples[i:i + channels]) / channels)
                              for i in range(0, len(samples), channels)))
    return _to_bytes(mixed)


def _resample(frames: bytes, rate: int) -> bytes:
    if audioop is not None:
        converted, _ = audioop.ratecv(frames, 2, 1, rate, TARGET_RATE, None)
        return converted
    samples = _samples(frames)
    count = int(len(samples) * TARGET_RATE / rate)
    step = rate / float(TARGET_RATE)
    out = array.array("h", bytes(2 * count))
    last = len(samples) - 1
    for index in range(count):
        position = index * step
        left = int(position)
        right = min(left + 1, last)
        fraction = position - left
        out[index] = int(samples[left] * (1.0 - fraction) + samples[right] * fraction)
    return _to_bytes(out)
