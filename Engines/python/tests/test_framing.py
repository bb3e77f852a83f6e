import unittest

from tests import harness  # noqa: F401
from lingosub_sidecar.framing import LINE, OVERSIZED, LineFramer

STREAM = ('{"a":"é"}\n{"b":"\u2028\u2029\u0085"}\r\n\n   \n{"c":"😀"}\n'.encode("utf-8") +
          b'{"d":"\xe6\x97\xa5"}\n')
EXPECTED = [b'{"a":"\xc3\xa9"}', '{"b":"\u2028\u2029\u0085"}'.encode("utf-8"), b"", b"   ",
            '{"c":"😀"}'.encode("utf-8"), b'{"d":"\xe6\x97\xa5"}']


def frame(data, chunk, limit=1000):
    framer = LineFramer(limit)
    events = []
    for start in range(0, len(data), chunk):
        events.extend(framer.feed(data[start:start + chunk]))
    return events


class LineFramerTests(unittest.TestCase):
    def test_any_chunking_yields_the_same_lines(self):
        for chunk in [1, 2, 3, 7, 64, 4096]:
            with self.subTest(chunk=chunk):
                self.assertEqual(frame(STREAM, chunk), [(LINE, item) for item in EXPECTED])

    def test_a_line_of_exactly_the_limit_passes_and_one_byte_more_does_not(self):
        for chunk in [1, 5, 100]:
            with self.subTest(chunk=chunk):
                events = frame(b"x" * 10 + b"\n" + b"y" * 10 + b"\r\n" + b"z" * 11 + b"\nok\n", chunk, limit=10)
                self.assertEqual(events, [(LINE, b"x" * 10), (LINE, b"y" * 10), (OVERSIZED, b""), (LINE, b"ok")])

    def test_an_oversized_line_is_reported_once_before_its_end_and_the_stream_resynchronises(self):
        framer = LineFramer(4)
        self.assertEqual(framer.feed(b"abcdef"), [(OVERSIZED, b"")])
        self.assertEqual(framer.feed(b"ghij" * 100), [])
        self.assertEqual(framer.feed(b"k\nnext\n"), [(LINE, b"next")])
        self.assertEqual(framer.buffered_bytes, 0)

    def test_an_unterminated_line_stays_buffered(self):
        framer = LineFramer(100)
        self.assertEqual(framer.feed(b'{"a":'), [])
        self.assertEqual(framer.buffered_bytes, 5)
        self.assertEqual(framer.feed(b"1}\n"), [(LINE, b'{"a":1}')])

    def test_the_limit_can_be_lowered(self):
        framer = LineFramer(100)
        framer.set_max_line_bytes(3)
        self.assertEqual(framer.feed(b"abcd\nabc\n"), [(OVERSIZED, b""), (LINE, b"abc")])


if __name__ == "__main__":
    unittest.main()
