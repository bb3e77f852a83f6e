#!/usr/bin/env python3
"""Checks Conformance/SPEC.md, its JSON Schemas and its example session against each other.

- Rule ids: well-formed (`S.N-LEVEL-K`), unique, inside the subsection they name, carrying their level's
  key word, and every id mentioned in the text exists.
- Section 11 of SPEC.md and Conformance/examples/session.jsonl hold the same lines in the same order.
- Every schema is itself valid JSON Schema (draft 2020-12) and every example message validates against the
  schemas that apply to it (needs the `jsonschema` package; skipped with a message when it is missing).
- The example session obeys the ordering rules a schema cannot express (ids answered once, progress and
  drafts only while in flight, sequence numbers, nothing after the stop reply).

Standard library plus jsonschema. Exits 0 when everything holds, 1 otherwise.
Usage: python3 ci/check-spec.py
"""
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, "Conformance", "SPEC.md")
SCHEMAS = os.path.join(ROOT, "Conformance", "schemas")
SESSION = os.path.join(ROOT, "Conformance", "examples", "session.jsonl")

LEVELS = ["MUST-NOT", "SHOULD-NOT", "MUST", "SHOULD", "MAY"]
RULE_ID = re.compile(r"^(\d+\.\d+)-(MUST-NOT|SHOULD-NOT|MUST|SHOULD|MAY)-([1-9][0-9]*)$")
RULE_REF = re.compile(r"\b(\d+\.\d+-(?:MUST-NOT|SHOULD-NOT|MUST|SHOULD|MAY)-\d+)\b")
BULLET = re.compile(r"^- \*\*([^*]+)\*\* (.*)$")
EXPECTED_SECTIONS = [
    "Conventions", "Transport", "Envelope", "Batches", "Lifecycle", "Methods", "Notifications",
    "Errors", "Concurrency and cancellation", "Audio input", "Annotated example session", "Schemas",
]

# Messages each schema must reject, so that a schema that accepts everything cannot pass.
MUST_REJECT = [
    ("error.response.schema.json", {"jsonrpc": "2.0", "id": 1, "error": {"code": -32004, "message": "m", "data": {"reason": "r"}}}),
    ("error.response.schema.json", {"jsonrpc": "2.0", "id": 5, "error": {"code": -32700, "message": "m"}}),
    ("error.response.schema.json", {"jsonrpc": "2.0", "id": 3, "error": {"code": -32800, "message": "m"}}),
    ("response.schema.json", {"jsonrpc": "2.0", "id": 1, "result": 1, "error": {"code": 1, "message": "m"}}),
    ("response.schema.json", {"jsonrpc": "2.0", "id": {}, "result": None}),
    ("request.schema.json", {"jsonrpc": "2.0", "id": 1, "method": "x", "params": "s"}),
    ("request.schema.json", {"jsonrpc": 2.0, "id": 1, "method": "x"}),
    ("notification.schema.json", {"jsonrpc": "2.0", "method": "cancel", "id": None}),
    ("initialize.params.schema.json", {"protocolVersion": "01.0", "clientInfo": {"name": "a", "version": "b"}}),
    ("initialize.params.schema.json", {"protocolVersion": "1.0", "clientInfo": {"name": "a", "version": "b"}, "heartbeatIntervalMs": 50}),
    ("initialize.result.schema.json", {"protocolVersion": "1.0", "engine": {"name": "a", "version": "b"}, "capabilities": {"languages": [], "drafts": True, "wordTimestamps": True, "wordConfidence": True, "maxConcurrentRequests": 1}, "limits": {"maxMessageBytes": 65536}}),
    ("transcribe.result.schema.json", {"language": "en", "duration": 1, "segments": []}),
    ("heartbeat.params.schema.json", {"seq": 0, "uptimeMs": 1}),
    ("progress.params.schema.json", {"id": 1, "fraction": 1.5, "stage": "decoding"}),
    ("draft.params.schema.json", {"id": 1, "seq": 1, "segment": {"id": 0, "start": 0, "end": 1, "text": "t"}}),
    ("stop.result.schema.json", {}),
]

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def check_rules(text):
    """Returns {section number: rule count}."""
    sections, subsection = [], None
    seen, per_section = {}, collections.Counter()
    for number, line in enumerate(text.splitlines(), start=1):
        heading = re.match(r"^## (\d+) (.+)$", line)
        if heading:
            sections.append((int(heading.group(1)), heading.group(2)))
            subsection = None
        sub = re.match(r"^### (\d+\.\d+) ", line)
        if sub:
            subsection = sub.group(1)
        bullet = BULLET.match(line)
        if not bullet or not re.match(r"^\d", bullet.group(1)):
            continue
        rule_id, body = bullet.group(1), bullet.group(2)
        parsed = RULE_ID.match(rule_id)
        if not parsed:
            fail(f"SPEC.md:{number}: malformed rule id {rule_id!r}")
            continue
        if parsed.group(1) != subsection:
            fail(f"SPEC.md:{number}: rule {rule_id} is not under heading {parsed.group(1)} (found {subsection})")
        if rule_id in seen:
            fail(f"SPEC.md:{number}: rule id {rule_id} duplicates line {seen[rule_id]}")
        seen[rule_id] = number
        keyword = parsed.group(2).replace("-", " ")
        if not re.search(r"\b" + keyword + r"\b", body):
            fail(f"SPEC.md:{number}: rule {rule_id} does not contain the key word {keyword}")
        per_section[int(parsed.group(1).split(".")[0])] += 1
    names = [name for _, name in sections]
    numbers = [n for n, _ in sections]
    if numbers != list(range(1, len(EXPECTED_SECTIONS) + 1)) or names != EXPECTED_SECTIONS:
        fail(f"SPEC.md: sections are {sections}, expected 1..12 named {EXPECTED_SECTIONS}")
    for reference in sorted(set(RULE_REF.findall(text))):
        if reference not in seen:
            fail(f"SPEC.md: text mentions rule {reference}, which does not exist")
    return per_section, len(seen)


def raw_tokens(text):
    """Parses JSON keeping every number's token text, so 1, 1.0 and 2^64 stay distinct."""
    return json.loads(text, parse_int=lambda t: ("number", t), parse_float=lambda t: ("number", t))


def section_lines(text, number):
    inside, lines = False, []
    for line in text.splitlines():
        heading = re.match(r"^## (\d+) ", line)
        if heading:
            inside = int(heading.group(1)) == number
        if inside and (line.startswith("→ ") or line.startswith("← ")):
            lines.append(line)
    return lines


def load_session():
    entries = []
    with open(SESSION, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            raw_entry = raw_tokens(line)
            entry = json.loads(line)
            if entry.get("dir") not in ("->", "<-") or "line" not in entry or not isinstance(entry.get("note"), str):
                fail(f"session.jsonl:{number}: needs dir '->' or '<-', line and note")
                continue
            entries.append((number, entry, raw_entry["line"]))
    return entries


def check_section_11(text, entries):
    lines = section_lines(text, 11)
    if len(lines) != len(entries):
        fail(f"section 11 has {len(lines)} message lines, session.jsonl has {len(entries)}")
    for line, (number, entry, raw_line) in zip(lines, entries):
        arrow = "→" if entry["dir"] == "->" else "←"
        if not line.startswith(arrow + " "):
            fail(f"session.jsonl:{number}: direction differs from section 11 line {line[:40]!r}")
            continue
        shown = line[2:]
        if entry.get("raw"):
            if shown != entry["line"]:
                fail(f"session.jsonl:{number}: raw line differs from section 11")
            continue
        try:
            same = raw_tokens(shown) == raw_line
        except ValueError:
            same = False
        if not same:
            fail(f"session.jsonl:{number}: message differs from section 11 line {shown[:60]!r}")


def make_validators():
    try:
        import jsonschema
    except ImportError:
        print("SKIP schema validation: the Python package 'jsonschema' is not importable "
              "(pip install jsonschema to run it)")
        return None
    schemas = {}
    for name in sorted(os.listdir(SCHEMAS)):
        if name.endswith(".schema.json"):
            with open(os.path.join(SCHEMAS, name), encoding="utf-8") as handle:
                schemas[name] = json.load(handle)
    validator_class = jsonschema.Draft202012Validator
    for name, schema in schemas.items():
        try:
            validator_class.check_schema(schema)
        except jsonschema.exceptions.SchemaError as error:
            fail(f"schema {name} is invalid: {error.message}")
    try:
        from referencing import Registry, Resource
        registry = Registry().with_resources(
            [(schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()])
        build = lambda schema: validator_class(schema, registry=registry)  # noqa: E731
    except ImportError:  # jsonschema < 4.18
        store = {schema["$id"]: schema for schema in schemas.values()}
        build = lambda schema: validator_class(  # noqa: E731
            schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))
    validators = {name: build(schema) for name, schema in schemas.items()}
    for name, message in MUST_REJECT:
        if name in validators and validators[name].is_valid(message):
            fail(f"schema {name} accepts a message it must reject: {json.dumps(message)}")
    return validators


class SessionChecker:
    """Validates each message and follows the session's state to check ordering rules."""

    def __init__(self, validators):
        self.validators = validators
        self.in_flight = {}          # id key -> method
        self.progress = {}           # id key -> last fraction
        self.draft_seq = {}          # id key -> last seq
        self.heartbeat_seq = 0
        self.stopped = False
        self.checked = 0

    def validate(self, where, schema_name, value):
        if self.validators is None:
            return
        validator = self.validators.get(schema_name)
        if validator is None:
            fail(f"{where}: no schema named {schema_name}")
            return
        self.checked += 1
        for error in validator.iter_errors(value):
            path = "/".join(str(part) for part in error.absolute_path)
            fail(f"{where}: {schema_name} at '{path}': {error.message}")

    def params(self, where, method, message):
        name = f"{method}.params.schema.json"
        if self.validators is not None and name in self.validators:
            self.validate(where, name, message.get("params"))

    def outgoing(self, where, message):
        if isinstance(message, list):
            for index, element in enumerate(message):
                self.outgoing(f"{where}[{index}]", element)
            return
        if "id" in message:
            self.validate(where, "request.schema.json", message)
            key = json.dumps(message["id"])
            if key in self.in_flight:
                fail(f"{where}: id {key} is already in flight")
            self.in_flight[key] = message["method"]
        else:
            self.validate(where, "notification.schema.json", message)
            if message["method"] != "cancel":
                fail(f"{where}: the coordinator sends no notification but cancel")
        self.params(where, message["method"], message)

    def incoming(self, where, message):
        if self.stopped:
            fail(f"{where}: the engine wrote after its stop reply")
        if isinstance(message, list):
            for index, element in enumerate(message):
                self.incoming(f"{where}[{index}]", element)
            return
        if "method" in message:
            self.notification(where, message)
            return
        self.validate(where, "response.schema.json", message)
        key = json.dumps(message.get("id"))
        method = self.in_flight.pop(key, None)
        if "error" in message:
            self.validate(where, "error.response.schema.json", message)
        elif method is None:
            fail(f"{where}: result for id {key}, which is not in flight")
        else:
            self.validate(where, f"{method}.result.schema.json", message["result"])
        if method is None and message.get("id") is not None:
            fail(f"{where}: reply for id {key}, which is not in flight")
        if method == "stop":
            self.stopped = True

    def notification(self, where, message):
        self.validate(where, "notification.schema.json", message)
        method, params = message["method"], message.get("params", {})
        if method not in ("heartbeat", "progress", "draft"):
            fail(f"{where}: engines send no notification {method!r}")
            return
        self.params(where, method, message)
        if method == "heartbeat":
            if params.get("seq") != self.heartbeat_seq + 1:
                fail(f"{where}: heartbeat seq {params.get('seq')} after {self.heartbeat_seq}")
            self.heartbeat_seq = params.get("seq", self.heartbeat_seq)
            return
        key = json.dumps(params.get("id"))
        if key not in self.in_flight:
            fail(f"{where}: {method} for id {key}, which is not in flight")
        if method == "progress":
            fraction = params.get("fraction", 0)
            if fraction < self.progress.get(key, 0):
                fail(f"{where}: progress fraction decreased for id {key}")
            self.progress[key] = fraction
        else:
            seq = params.get("seq", 0)
            if seq <= self.draft_seq.get(key, 0):
                fail(f"{where}: draft seq {seq} not increasing for id {key}")
            self.draft_seq[key] = seq

    def run(self, entries):
        for number, entry, _ in entries:
            where = f"session.jsonl:{number}"
            if entry.get("raw"):
                try:
                    json.loads(entry["line"])
                    fail(f"{where}: raw line parses as JSON; raw is for malformed lines only")
                except ValueError:
                    pass
            elif entry["dir"] == "->":
                self.outgoing(where, entry["line"])
            else:
                self.incoming(where, entry["line"])
        if self.in_flight:
            fail(f"session ends with requests unanswered: {sorted(self.in_flight)}")


def main():
    with open(SPEC, encoding="utf-8") as handle:
        text = handle.read()
    per_section, total = check_rules(text)
    counts = ", ".join(f"{section}: {per_section[section]}" for section in sorted(per_section))
    print(f"rules: {total} ({counts})")
    entries = load_session()
    check_section_11(text, entries)
    validators = make_validators()
    checker = SessionChecker(validators)
    checker.run(entries)
    if validators is not None:
        print(f"schemas: {len(validators)}; validations of example messages: {checker.checked}")
    if failures:
        print(f"check-spec: {len(failures)} failure(s)")
        return 1
    print("check-spec: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
