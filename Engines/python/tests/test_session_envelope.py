"""Session: framing, envelope, batches and ids (DECISIONS: Transport, Envelope)."""

import unittest

from tests.harness import CLIENT, INITIALIZE, RESULT, Harness, request, transcribe
from lingosub_sidecar import actions as act


def error_code(reply):
    return reply["error"]["code"]


class EnvelopeTests(unittest.TestCase):
    def setUp(self):
        self.h = Harness().initialized()

    def test_ids_are_echoed_as_their_exact_raw_text(self):
        for raw in [b"1e2", b"1.50", b"18446744073709551616", b"-7", b'"1"', b"null", b'"\xc3\xa9\\u0041"', b"0"]:
            with self.subTest(id=raw):
                self.h.send(b'{"jsonrpc":"2.0","id":' + raw + b',"method":"get_status"}\n')
                written = self.h.raw()
                self.assertEqual(len(written), 1)
                self.assertTrue(written[0].startswith(b'{"jsonrpc":"2.0","id":' + (
                    b'"\xc3\xa9A"' if raw.startswith(b'"\xc3') else raw) + b',"result":'), written[0])

    def test_invalid_json_and_invalid_utf8_get_parse_error_with_null_id_and_serving_continues(self):
        for bad in [b"{not json\n", b'{"a":\xff}\n', b"\xc3\n", b'{"jsonrpc":"2.0","id":1,"method":"x","id":2}\n',
                    b"NaN\n", b'{"jsonrpc":"2.0","id":1,"method":"get_status","params":{"x":Infinity}}\n']:
            with self.subTest(line=bad):
                self.h.send(bad)
                self.assertEqual(self.h.raw()[0][:77],
                                 b'{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error","da')
        self.h.send(request(5, "get_status"))
        self.assertEqual(self.h.replies()[0]["id"], 5)

    def test_invalid_requests_get_minus_32600(self):
        cases = [
            ({"id": 1, "method": "get_status"}, 1),
            ({"jsonrpc": "1.0", "id": 2, "method": "get_status"}, 2),
            ({"jsonrpc": "2.0", "id": 3, "method": 7}, 3),
            ({"jsonrpc": "2.0", "id": 4, "method": "get_status", "params": "x"}, 4),
            ({"jsonrpc": "2.0", "id": {"a": 1}, "method": "get_status"}, None),
            ({"jsonrpc": "2.0", "id": True, "method": "get_status"}, None),
            ({"jsonrpc": "2.0", "method": 1, "params": "bar"}, None),
            (5, None),
            ("x", None),
        ]
        for message, echoed in cases:
            with self.subTest(message=message):
                self.h.send(message)
                replies = self.h.replies()
                self.assertEqual(len(replies), 1)
                self.assertEqual((error_code(replies[0]), replies[0]["id"]), (-32600, echoed))
                self.assertIsInstance(replies[0]["error"]["data"]["reason"], str)

    def test_notifications_are_never_answered(self):
        self.h.send({"jsonrpc": "2.0", "method": "get_status"}, {"jsonrpc": "2.0", "method": "no_such_method"},
                    {"jsonrpc": "2.0", "method": "cancel", "params": {"id": 99}}, {"jsonrpc": "2.0", "method": "stop"})
        self.assertEqual(self.h.raw(), [])
        self.assertEqual(self.h.of(act.Exit), [])

    def test_unknown_methods_and_rpc_names_get_minus_32601(self):
        for method in ["no_such_method", "rpc.discover", "Health_Check", "transcribe "]:
            with self.subTest(method=method):
                self.h.send(request(1, method))
                self.assertEqual(error_code(self.h.replies()[0]), -32601)

    def test_unknown_members_are_ignored(self):
        self.h.send({"jsonrpc": "2.0", "id": 1, "method": "get_status", "params": {"extra": 1}, "more": [1]})
        self.assertEqual(self.h.replies()[0]["result"]["state"], "ready")

    def test_blank_lines_and_crlf_are_tolerated(self):
        self.h.send(b"\n   \n\t\r\n" + b'{"jsonrpc":"2.0","id":1,"method":"get_status"}\r\n')
        self.assertEqual([reply["id"] for reply in self.h.replies()], [1])

    def test_input_split_at_every_byte_still_works(self):
        data = '{"jsonrpc":"2.0","id":"é\u2028","method":"get_status"}\n'.encode("utf-8") * 2
        for byte in data:
            self.h.take(self.h.session.receive(bytes([byte]), self.h.now))
        self.assertEqual([reply["id"] for reply in self.h.replies()], ["é\u2028", "é\u2028"])

    def test_an_oversized_line_gets_minus_32001_with_null_id_and_serving_continues(self):
        h = Harness(max_message_bytes=2048).initialized()
        h.send(b'{"jsonrpc":"2.0","id":1,"method":"get_status","params":{"pad":"' + b"x" * 3000 + b'"}}\n')
        h.send(request(2, "get_status"))
        replies = h.replies()
        self.assertEqual([(reply["id"], reply.get("error", {}).get("code")) for reply in replies],
                         [(None, -32001), (2, None)])

    def test_the_limit_is_the_minimum_of_both_offers_from_the_next_line_on(self):
        h = Harness(max_message_bytes=100_000)
        h.send({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                "params": {"protocolVersion": "1.0", "clientInfo": CLIENT, "limits": {"maxMessageBytes": 70_000}}})
        self.assertEqual(h.replies()[0]["result"]["limits"], {"maxMessageBytes": 100_000})
        h.send(b'{"jsonrpc":"2.0","id":1,"method":"get_status","params":{"p":"' + b"x" * 80_000 + b'"}}\n')
        self.assertEqual(h.replies()[0]["error"], {"code": -32001, "message": "Message too large", "data": {
            "name": "message_too_large", "reason": "line longer than 70000 bytes", "limitBytes": 70_000}})

    def test_params_given_as_an_array_get_minus_32602_for_every_method(self):
        for method in ["transcribe", "health_check", "get_status", "get_metrics", "restart", "stop"]:
            with self.subTest(method=method):
                self.h.send(request(1, method, [1]))
                self.assertEqual(error_code(self.h.replies()[0]), -32602)


class BatchTests(unittest.TestCase):
    def setUp(self):
        self.h = Harness().initialized()

    def test_an_empty_batch_gets_one_invalid_request_error(self):
        self.h.send(b"[]\n")
        self.assertEqual(self.h.raw(), [b'{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request",'
                                        b'"data":{"name":"invalid_request","reason":"empty batch"}}}'])

    def test_a_batch_of_non_objects_gets_an_array_of_errors(self):
        self.h.send(b"[1,2,3]\n")
        replies = self.h.replies()
        self.assertEqual(len(replies), 1)
        self.assertEqual([(item["id"], item["error"]["code"]) for item in replies[0]], [(None, -32600)] * 3)

    def test_an_all_notification_batch_gets_nothing(self):
        self.h.send([{"jsonrpc": "2.0", "method": "get_status"}, {"jsonrpc": "2.0", "method": "x"}])
        self.assertEqual(self.h.raw(), [])

    def test_a_mixed_batch_omits_notifications(self):
        self.h.send([request(1, "get_status"), {"jsonrpc": "2.0", "method": "get_status"}, request(2, "nope"),
                     {"jsonrpc": "2.0", "id": 3}])
        replies = self.h.replies()
        self.assertEqual(len(replies), 1)
        self.assertEqual([(item["id"], "result" in item) for item in replies[0]], [(1, True), (2, False), (3, False)])

    def test_a_batch_with_a_transcription_is_written_when_the_transcription_ends(self):
        self.h.send([transcribe(1), request(2, "get_status")])
        self.assertEqual(self.h.raw(), [])
        job = self.h.jobs()[0]
        self.h.take(self.h.session.job_progress(job, 0.5, "x", self.h.now))
        self.assertEqual(self.h.replies()[0]["method"], "progress")
        self.h.finish(job, RESULT)
        replies = self.h.replies()
        self.assertEqual(sorted(item["id"] for item in replies[0]), [1, 2])

    def test_stop_inside_a_batch_answers_the_whole_batch_then_exits(self):
        self.h.send([transcribe(1), request(2, "stop"), request(3, "get_status")])
        replies = self.h.replies()
        self.assertEqual(len(replies), 1)
        self.assertEqual([(item["id"], item.get("error", {}).get("code")) for item in replies[0]],
                         [(1, -32030), (2, None), (3, -32030)])
        self.assertEqual(self.h.of(act.Exit), [act.Exit(0)])


class BeforeInitializeTests(unittest.TestCase):
    def test_requests_before_initialize_get_minus_32002_and_notifications_are_ignored(self):
        h = Harness()
        for method in ["transcribe", "health_check", "get_status", "restart", "nope"]:
            h.send(request(1, method), {"jsonrpc": "2.0", "method": method})
        self.assertEqual([error_code(reply) for reply in h.replies()], [-32002] * 5)

    def test_stop_before_initialize_replies_null_and_exits(self):
        h = Harness()
        h.send(request("s", "stop"))
        self.assertEqual(h.raw(), [b'{"jsonrpc":"2.0","id":"s","result":null}'])
        self.assertEqual(h.of(act.Exit), [act.Exit(0)])
        h.send(request(2, "get_status"))
        self.assertEqual(h.raw(), [])

    def test_initialize_result_has_the_declared_shape(self):
        h = Harness()
        h.send(INITIALIZE)
        self.assertEqual(h.replies(), [{"jsonrpc": "2.0", "id": 0, "result": {
            "protocolVersion": "1.0", "engine": {"name": "test-engine", "version": "9.9"},
            "capabilities": {"languages": ["en", "de"], "drafts": True, "wordTimestamps": True,
                             "wordConfidence": True, "maxConcurrentRequests": 2},
            "limits": {"maxMessageBytes": 8388608}}}])
        self.assertEqual(h.of(act.StartEngine), [act.StartEngine({})])


if __name__ == "__main__":
    unittest.main()
