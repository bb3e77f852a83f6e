import unittest

from tests import harness  # noqa: F401  (sets sys.path)
from lingosub_sidecar.jsonwire import JsonError, RawNumber, cook, dumps, id_text, parse


class StrictJsonTests(unittest.TestCase):
    def test_numbers_keep_their_raw_text(self):
        value = parse('{"a":1e2,"b":1.50,"c":18446744073709551616,"d":-0}')
        self.assertEqual([value[key].text for key in "abcd"], ["1e2", "1.50", "18446744073709551616", "-0"])

    def test_cook_turns_raw_numbers_into_python_numbers(self):
        self.assertEqual(cook(parse('[1,2.5,{"x":1e2}]')), [1, 2.5, {"x": 100.0}])

    def test_cook_rejects_numbers_out_of_float_range(self):
        with self.assertRaises(JsonError):
            cook(parse("1e400"))

    def test_rejected_texts(self):
        for text in ["NaN", "Infinity", "-Infinity", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", ".5",
                     '{"a":1,"a":2}', '"\\ud800"', '"\\udc00x"', '"a\x01b"', '"tab\there"', "[1] x", "",
                     "\ufeff{}", "[" * 100000 + "]" * 100000]:
            with self.subTest(text=text), self.assertRaises(JsonError):
                parse(text)

    def test_accepted_texts(self):
        cases = {'"\\ud83d\\ude00"': "\U0001F600", '"\u2028"': "\u2028", " [ ] ": [], '"\\\\ud800"': "\\ud800",
                 "[" * 200 + "]" * 200: None}
        for text, expected in cases.items():
            with self.subTest(text=text):
                value = parse(text)
                if expected is not None:
                    self.assertEqual(value, expected)

    def test_id_text_echoes_numbers_exactly_and_reencodes_strings(self):
        self.assertEqual(id_text(RawNumber("1e2")), "1e2")
        self.assertEqual(id_text("1"), '"1"')
        self.assertEqual(id_text(None), "null")
        self.assertEqual(id_text("é\u2028"), '"é\u2028"')

    def test_dumps_is_compact_and_refuses_nan(self):
        self.assertEqual(dumps({"a": [1, "x"]}), '{"a":[1,"x"]}')
        with self.assertRaises(ValueError):
            dumps(float("nan"))


if __name__ == "__main__":
    unittest.main()
