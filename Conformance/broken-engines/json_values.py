"""JSON values for base_engine.py: numbers kept as their source text (so ids echo exactly), and
the compact writer that prints them back."""
import json


class Num:
    """A JSON number kept as its source text, so ids echo exactly."""
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def value(self):
        try:
            return int(self.text)
        except ValueError:
            return float(self.text)


def dump(value):
    if isinstance(value, Num):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dump(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def is_int(value, low=None, high=None):
    if not isinstance(value, Num) or not value.text.lstrip("-").isdigit():
        return False
    number = int(value.text)
    return (low is None or number >= low) and (high is None or number <= high)


def id_key(request_id):
    if isinstance(request_id, Num):
        return ("n", request_id.text)
    return ("s", request_id) if isinstance(request_id, str) else ("z", None)
