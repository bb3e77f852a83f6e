"""Reads 16-bit PCM WAV and converts it to what the en-us model wants: 16 kHz mono 16-bit."""

import array
import os
import sys
import warnings
import wave
from typing import Tuple

from lingosub_sidecar import AudioFormatError, AudioNotFoundError

TARGET_RATE = 16000
SAMPLE_RATE_MIN = 8000
SAMPLE_RATE_MAX = 192000
CHANNELS_MAX = 8

try:  # audioop is in the standard library up to Python 3.12 (deprecated from 3.11)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import audioop  # type: ignore
except ImportError:  # Python >= 3.13: the slower pure-Python path below
    audioop = None


def read_pcm(path: str) -> Tuple[bytes, int, int]:
    """(little-endian 16-bit frames, sample rate, channels). -32010 / -32011 errors otherwise."""
    if not os.path.isfile(path):
        raise AudioNotFoundError("no such audio file: %s" % path)
    try:
        with wave.open(path, "rb") as reader:
            width, rate, channels = reader.getsampwidth(), reader.getframerate(), reader.getnchannels()
            if reader.getcomptype() != "NONE" or width != 2:
                raise AudioFormatError("only 16-bit PCM WAV is supported, got %d-bit %s" % (
                    8 * width, reader.getcomptype()))
            if not SAMPLE_RATE_MIN <= rate <= SAMPLE_RATE_MAX or not 1 <= channels <= CHANNELS_MAX:
                raise AudioFormatError("unsupported WAV: %d Hz, %d channel(s)" % (rate, channels))
            frames = reader.readframes(reader.getnframes())
    except (wave.Error, EOFError) as error:
        raise AudioFormatError("not a valid WAV file: %s" % error) from None
    except OSError as error:
        raise AudioNotFoundError("cannot read %s: %s" % (path, error.strerror or error)) from None
    frames = frames[:len(frames) - len(frames) % (2 * channels)]
    return frames, rate, channels


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
