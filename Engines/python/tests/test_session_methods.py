"""Session: lifecycle, methods, cancel, timers and notifications (DECISIONS: Lifecycle, Methods)."""

import unittest

from tests.harness import CLIENT, INITIALIZE, RESULT, Harness, request, transcribe
from lingosub_sidecar import actions as act
from lingosub_sidecar.errors import ErrorCode, SidecarError, ValidationError
from lingosub_sidecar.session import ABANDONED_JOBS_MAX


def codes(replies):
    return [(reply.get("id"), reply["error"]["code"] if "error" in reply else None) for reply in replies]


class InitializeTests(unittest.TestCase):
    def test_a_second_initialize_gets_minus_32003(self):
        h = Harness().initialized()
        h.send(INITIALIZE)
        self.assertEqual(codes(h.replies()), [(0, -32003)])

    def test_another_major_version_gets_minus_32004_and_the_engine_stays_uninitialized(self):
        h = Harness()
        h.send(request(1, "initialize", {"protocolVersion": "2.0", "clientInfo": CLIENT, "heartbeatIntervalMs": 0}))
        reply = h.replies()[0]
        self.assertEqual((reply["error"]["code"], reply["error"]["data"]["supported"]), (-32004, ["1.0"]))
        h.send(request(2, "get_status"), request(3, "initialize", {"protocolVersion": "1.7", "clientInfo": CLIENT}))
        replies = h.replies()
        self.assertEqual(codes(replies), [(2, -32002), (3, None)])
        self.assertEqual(replies[1]["result"]["protocolVersion"], "1.0")

    def test_malformed_initialize_params_get_minus_32602(self):
        for params in [{"protocolVersion": 1}, {}, {"protocolVersion": "1.0", "clientInfo": CLIENT, "heartbeatIntervalMs": -1},
                       {"protocolVersion": "1.0", "clientInfo": CLIENT, "heartbeatIntervalMs": 1.5}, {"protocolVersion": "1.0", "clientInfo": CLIENT, "config": []},
                       {"protocolVersion": "1.0", "clientInfo": CLIENT, "limits": {"maxMessageBytes": 0}}, [1],
                       {"protocolVersion": "1.0"}, {"protocolVersion": "1.0", "clientInfo": {"name": "x"}},
                       {"protocolVersion": "1.0", "clientInfo": CLIENT, "heartbeatIntervalMs": 50},
                       {"protocolVersion": "1.0", "clientInfo": CLIENT, "limits": {"maxMessageBytes": 65_535}},
                       {"protocolVersion": "1", "clientInfo": CLIENT}, {"protocolVersion": "01.0", "clientInfo": CLIENT},
                       {"protocolVersion": "2.0"}, None]:
            with self.subTest(params=params):
                h = Harness()
                h.send(request(1, "initialize", params))
                h.send(request(2, "get_status"))
                self.assertEqual(codes(h.replies()), [(1, -32602), (2, -32002)])

    def test_the_engine_validates_the_config_object(self):
        def validate(config):
            if "beam" in config:
                raise ValidationError("config.beam", "must be a number (from initialize.config)")
        h = Harness(validate_config=validate)
        h.send(request(1, "initialize", {"protocolVersion": "1.0", "clientInfo": CLIENT, "config": {"beam": "x"}}))
        reply = h.replies()[0]
        self.assertEqual(reply["error"]["code"], -32602)
        self.assertEqual(reply["error"]["data"]["member"], "config.beam")

    def test_a_crashing_config_hook_gets_minus_32603_and_serving_continues(self):
        def validate(config):
            raise KeyError("boom")
        h = Harness(validate_config=validate)
        h.send(request(1, "initialize", {"protocolVersion": "1.0", "clientInfo": CLIENT, "config": {"x": 1}}),
               request(2, "get_status"))
        self.assertEqual(codes(h.replies()), [(1, -32603), (2, -32002)])

    def test_initialize_passes_its_config_to_the_engine_start(self):
        h = Harness()
        h.send(request(1, "initialize", {"protocolVersion": "1.0", "clientInfo": CLIENT, "config": {"lw": 7}}))
        self.assertEqual(h.of(act.StartEngine), [act.StartEngine({"lw": 7})])


class PreloadTests(unittest.TestCase):
    def status_after(self, h, *messages):
        h.send(*messages)
        h.send(request("s", "get_status"))
        return h.replies()[-1]["result"]["state"]

    def test_a_preloaded_engine_is_ready_at_initialize(self):
        h = Harness(preloading=True)
        h.take(h.session.engine_ready(True, "", h.now))
        self.assertEqual(self.status_after(h, INITIALIZE), "ready")
        self.assertEqual(h.of(act.StartEngine), [])

    def test_initialize_during_the_preload_waits_for_it(self):
        h = Harness(preloading=True)
        self.assertEqual(self.status_after(h, INITIALIZE, transcribe(1)), "loading")
        h.take(h.session.engine_ready(True, "", h.now))
        self.assertEqual((h.of(act.StartEngine), h.jobs()), ([], [1]))

    def test_a_config_object_reloads_the_preloaded_engine(self):
        for preload_done in (True, False):
            with self.subTest(preload_done=preload_done):
                h = Harness(preloading=True)
                if preload_done:
                    h.take(h.session.engine_ready(True, "", h.now))
                params = {"protocolVersion": "1.0", "clientInfo": CLIENT, "config": {"lw": 9}}
                self.assertEqual(self.status_after(h, request(0, "initialize", params)), "loading")
                if not preload_done:
                    self.assertEqual(h.of(act.StartEngine), [])
                    h.take(h.session.engine_ready(True, "", h.now))
                self.assertEqual(h.of(act.StartEngine), [act.StartEngine({"lw": 9}, reload=True)])
                h.take(h.session.engine_ready(True, "", h.now))
                h.send(request("s2", "get_status"))
                self.assertEqual(h.replies()[-1]["result"]["state"], "ready")

    def test_a_failed_preload_makes_health_error(self):
        h = Harness(preloading=True)
        h.take(h.session.engine_ready(False, "no model", h.now))
        h.send(INITIALIZE, request(1, "health_check"))
        self.assertEqual(h.replies()[-1]["result"], {"status": "error", "detail": {"reason": "no model"}})


class HeartbeatTests(unittest.TestCase):
    def test_heartbeats_come_every_interval_with_increasing_seq(self):
        h = Harness()
        h.send(request(0, "initialize", {"protocolVersion": "1.0", "clientInfo": CLIENT, "heartbeatIntervalMs": 250}))
        self.assertEqual(h.of(act.SetTimer), [act.SetTimer("heartbeat", 1250)])
        h.clear()
        h.advance(250)
        h.fire("heartbeat")
        h.advance(250)
        h.fire("heartbeat")
        self.assertEqual(h.replies(), [
            {"jsonrpc": "2.0", "method": "heartbeat", "params": {"seq": 1, "uptimeMs": 250}},
            {"jsonrpc": "2.0", "method": "heartbeat", "params": {"seq": 2, "uptimeMs": 500}}])
        self.assertEqual(h.of(act.SetTimer), [act.SetTimer("heartbeat", 1500), act.SetTimer("heartbeat", 1750)])

    def test_no_heartbeat_timer_when_the_interval_is_zero(self):
        h = Harness()
        h.send(INITIALIZE)
        self.assertEqual(h.of(act.SetTimer), [])

    def test_the_heartbeat_scale_stretches_the_interval(self):
        h = Harness(heartbeat_scale=3.0)
        h.send(request(0, "initialize", {"protocolVersion": "1.0", "clientInfo": CLIENT, "heartbeatIntervalMs": 100}))
        self.assertEqual(h.of(act.SetTimer), [act.SetTimer("heartbeat", 1300)])


class TranscribeTests(unittest.TestCase):
    def setUp(self):
        self.h = Harness().initialized()

    def test_a_transcription_runs_as_a_job_and_its_result_is_the_final_reply(self):
        self.h.send(transcribe("a", "/x.wav", "en"))
        start = self.h.of(act.StartJob)[0]
        self.assertEqual((start.request.file_path, start.request.language, start.request.request_id,
                          start.request.task_id), ("/x.wav", "en", '"a"', "a"))
        self.h.finish(start.job, RESULT)
        self.assertEqual(self.h.replies(), [{"jsonrpc": "2.0", "id": "a", "result": RESULT}])

    def test_invalid_params_get_minus_32602(self):
        for params in [{}, {"audio": {}}, {"audio": {"path": 3}}, {"audio": "x"}, {"audio": {"path": ""}},
                       {"audio": {"path": "/a"}, "language": 5}, {"audio": {"path": "/a"}, "options": []}]:
            with self.subTest(params=params):
                self.h.send(request(1, "transcribe", params))
                self.assertEqual(codes(self.h.replies()), [(1, -32602)])

    def test_busy_comes_before_an_unsupported_language(self):
        self.h.send(transcribe(1), transcribe(2), transcribe(3, language="fr"))
        self.assertEqual(self.h.replies()[0]["error"]["data"], {
            "name": "busy", "reason": "2 transcription(s) in flight, the limit is 2", "maxConcurrentRequests": 2})

    def test_words_and_drafts_the_capabilities_do_not_announce_are_dropped(self):
        segment = {"id": 0, "start": 0.0, "end": 1.0, "text": "a",
                   "words": [{"word": "a", "start": 0.0, "end": 1.0, "confidence": 0.5}]}
        for capabilities, words, drafts in [
                ({"wordTimestamps": True, "wordConfidence": False, "drafts": True},
                 [{"word": "a", "start": 0.0, "end": 1.0}], 1),
                ({"wordTimestamps": False, "wordConfidence": False, "drafts": False}, [], 0)]:
            with self.subTest(capabilities=capabilities):
                values = dict(capabilities, languages=["en"], maxConcurrentRequests=1)
                h = Harness(capabilities=values).initialized()
                h.send(transcribe(1))
                h.take(h.session.job_draft(1, segment, h.now))
                h.finish(1, dict(RESULT, segments=[segment]))
                replies = h.replies()
                self.assertEqual(len(replies), 1 + drafts)
                self.assertEqual(replies[-1]["result"]["segments"][0]["words"], words)

    def test_rejected_transcriptions_count_as_served_and_failed(self):
        h = Harness()
        h.send(transcribe(1))
        h.initialized()
        h.send(transcribe(2, language="fr"), request(3, "get_metrics"), request(4, "get_status"))
        replies = h.replies()
        self.assertEqual(replies[1]["result"]["requests"], {"total": 2, "succeeded": 0, "failed": 2, "cancelled": 0})
        self.assertEqual(replies[2]["result"]["requestsServed"], 2)

    def test_a_language_outside_the_capabilities_gets_minus_32012(self):
        self.h.send(transcribe(1, language="fr"), transcribe(2, language="de"), transcribe(3, language=None))
        self.assertEqual(codes(self.h.replies()), [(1, -32012)])
        self.assertEqual(len(self.h.jobs()), 2)

    def test_more_than_max_concurrent_requests_is_busy(self):
        self.h.send(transcribe(1), transcribe(2), transcribe(3))
        self.assertEqual(codes(self.h.replies()), [(3, -32020)])
        self.h.finish(self.h.jobs()[0], RESULT)
        self.h.send(transcribe(4))
        self.assertEqual(codes(self.h.replies()), [(1, None)])
        self.assertEqual(len(self.h.jobs()), 3)

    def test_reusing_an_id_in_flight_gets_minus_32021_and_reuse_after_the_reply_is_fine(self):
        self.h.send(transcribe(7), request(7, "health_check"), transcribe(7.0))
        self.assertEqual(codes(self.h.replies()), [(7, -32021)])
        self.assertEqual(len(self.h.jobs()), 2, "7.0 is another id than 7 (raw text)")
        self.h.finish(self.h.jobs()[0], RESULT)
        self.h.send(request(7, "get_status"))
        self.assertEqual(codes(self.h.replies()), [(7, None), (7, None)])

    def test_progress_is_non_decreasing_and_nothing_follows_the_final_reply(self):
        self.h.send(transcribe(1))
        job = self.h.jobs()[0]
        session, now = self.h.session, self.h.now
        for fraction in [0.1, 0.5, 0.3, 0.5, 1.0]:
            self.h.take(session.job_progress(job, fraction, "decoding", now))
        self.h.take(session.job_draft(job, {"id": 0, "start": 0.0, "end": 1.0, "text": "a", "words": []}, now))
        self.h.take(session.job_draft(job, {"id": 0, "start": 0.0, "end": 1.0, "text": "ab", "words": []}, now))
        self.h.finish(job, RESULT)
        self.h.take(session.job_progress(job, 1.0, "late", now))
        self.h.take(session.job_draft(job, {"id": 1, "start": 0.0, "end": 1.0, "text": "x", "words": []}, now))
        replies = self.h.replies()
        progress = [reply["params"]["fraction"] for reply in replies if reply.get("method") == "progress"]
        drafts = [reply["params"]["seq"] for reply in replies if reply.get("method") == "draft"]
        self.assertEqual((progress, drafts), ([0.1, 0.5, 0.5, 1.0], [1, 2]))
        self.assertEqual(replies[-1]["id"], 1)

    def test_transcriptions_wait_while_the_engine_loads(self):
        h = Harness()
        h.send(INITIALIZE, transcribe(1))
        self.assertEqual(h.jobs(), [])
        h.take(h.session.engine_ready(True, "", h.now))
        self.assertEqual(h.jobs(), [1])

    def test_a_failed_engine_start_fails_waiting_and_new_transcriptions(self):
        h = Harness()
        h.send(INITIALIZE, transcribe(1))
        h.clear()
        h.take(h.session.engine_ready(False, "model missing", h.now))
        h.send(transcribe(2), request(3, "health_check"), request(4, "get_status"))
        replies = h.replies()
        self.assertEqual(codes(replies[:2]), [(1, -32000), (2, -32000)])
        self.assertEqual(replies[2]["result"], {"status": "error", "detail": {"reason": "model missing"}})
        self.assertEqual(replies[3]["result"]["engineState"], "failed")

    def test_engine_errors_keep_their_code_and_reason(self):
        self.h.send(transcribe(1))
        self.h.finish(1, error=SidecarError("no such file", ErrorCode.AUDIO_NOT_FOUND))
        self.assertEqual(self.h.replies()[0]["error"], {"code": -32010, "message": "Audio not found",
                                                         "data": {"name": "audio_not_found", "reason": "no such file"}})

    def test_a_result_larger_than_the_limit_becomes_an_engine_failure(self):
        h = Harness(max_message_bytes=1024).initialized()
        h.send(transcribe(1))
        h.finish(1, {"language": "en", "duration": 1.0, "segments": [], "metrics": {"pad": "x" * 2000}})
        self.assertEqual(codes(h.replies()), [(1, -32000)])

    def test_a_transcription_past_its_timeout_fails_and_its_job_is_cancelled(self):
        h = Harness(request_timeout_ms=5000).initialized()
        h.send(transcribe(1))
        self.assertEqual(h.of(act.SetTimer), [act.SetTimer(("timeout", ("number", "1")), 6000)])
        h.advance(5000)
        h.fire(("timeout", ("number", "1")))
        self.assertEqual(codes(h.replies()), [(1, -32000)])
        self.assertIn(act.CancelJob(1), h.actions)
        h.finish(1, RESULT)
        self.assertEqual(h.raw(), [])


class CancelTests(unittest.TestCase):
    def setUp(self):
        self.h = Harness().initialized()

    def cancel(self, raw_id: bytes):
        self.h.send(b'{"jsonrpc":"2.0","method":"cancel","params":{"id":' + raw_id + b"}}\n")

    def test_cancel_gets_exactly_one_minus_32800_and_the_late_result_is_dropped(self):
        self.h.send(b'{"jsonrpc":"2.0","id":1e2,"method":"transcribe","params":{"audio":{"path":"/a"}}}\n')
        self.cancel(b"100")
        self.assertEqual(self.h.raw(), [], "100 is not the same id as 1e2")
        self.cancel(b"1e2")
        self.cancel(b"1e2")
        self.assertEqual(self.h.raw(), [b'{"jsonrpc":"2.0","id":1e2,"error":{"code":-32800,"message":"Request cancelled",'
                                        b'"data":{"name":"request_cancelled","reason":"cancelled by the client"}}}'])
        self.assertEqual(self.h.of(act.CancelJob), [act.CancelJob(1)])
        self.h.take(self.h.session.job_progress(1, 0.9, "late", self.h.now))
        self.h.finish(1, RESULT)
        self.assertEqual(self.h.raw(), [])

    def test_cancel_of_unknown_or_finished_ids_is_ignored(self):
        self.h.send(transcribe(1))
        self.h.finish(1, RESULT)
        self.h.clear()
        self.cancel(b"1")
        self.cancel(b'"nope"')
        self.h.send({"jsonrpc": "2.0", "method": "cancel", "params": []})
        self.assertEqual((self.h.raw(), self.h.of(act.CancelJob)), ([], []))

    def test_a_queued_transcription_is_cancelled_without_a_job(self):
        h = Harness()
        h.send(INITIALIZE, transcribe(1))
        h.clear()
        h.send({"jsonrpc": "2.0", "method": "cancel", "params": {"id": 1}})
        self.assertEqual(codes(h.replies()), [(1, -32800)])
        h.take(h.session.engine_ready(True, "", h.now))
        self.assertEqual(h.jobs(), [])

    def test_too_many_cancelled_jobs_still_running_make_the_engine_busy(self):
        h = Harness(capabilities={"languages": [], "maxConcurrentRequests": 1}).initialized()
        for index in range(ABANDONED_JOBS_MAX):
            h.send(transcribe(index), {"jsonrpc": "2.0", "method": "cancel", "params": {"id": index}})
        h.clear()
        h.send(transcribe("next"), request("h", "health_check"))
        self.assertEqual(codes(h.replies()), [("next", -32020)])
        h.finish(1, RESULT)
        h.send(transcribe("after"))
        self.assertEqual(h.raw(), [])


class StopAndExitTests(unittest.TestCase):
    def test_stop_answers_every_request_in_flight_first_then_replies_null_and_exits(self):
        h = Harness().initialized()
        h.send(transcribe(1), request(2, "health_check"))
        h.clear()
        h.send(request(3, "stop"), request(4, "get_status"))
        self.assertEqual(codes(h.replies()), [(1, -32030), (2, -32030), (3, None)])
        self.assertEqual(h.of(act.Exit), [act.Exit(0)])
        self.assertIn(act.CancelJob(1), h.actions)
        h.finish(1, RESULT)
        h.fire("heartbeat")
        self.assertEqual(h.raw(), [])

    def test_end_of_input_and_sigterm_exit_without_writing(self):
        for event in ["input_closed", "terminate"]:
            with self.subTest(event=event):
                h = Harness().initialized()
                h.send(transcribe(1))
                h.clear()
                h.take(getattr(h.session, event)(h.now))
                self.assertEqual(h.raw(), [])
                self.assertEqual([a for a in h.actions if not isinstance(a, act.Log)], [act.CancelJob(1), act.Exit(0)])
                h.send(request(2, "get_status"))
                self.assertEqual(h.raw(), [])


class HealthStatusMetricsTests(unittest.TestCase):
    def setUp(self):
        self.h = Harness().initialized()

    def test_health_while_loading_is_loading_without_asking_the_engine(self):
        h = Harness()
        h.send(INITIALIZE)
        h.clear()
        h.send(request(1, "health_check"))
        self.assertEqual(h.replies()[0]["result"]["status"], "loading")
        self.assertEqual(h.of(act.CheckHealth), [])

    def test_concurrent_health_checks_share_one_probe(self):
        self.h.send(request(1, "health_check"), request(2, "health_check"))
        self.assertEqual(self.h.of(act.CheckHealth), [act.CheckHealth(1)])
        self.assertIn(act.SetTimer(("health", 1), 1400), self.h.actions)
        self.h.take(self.h.session.health_finished(1, "ok", {"model": "x"}, self.h.now))
        self.assertEqual([reply["result"] for reply in self.h.replies()],
                         [{"status": "ok", "detail": {"model": "x", "activeRequests": 0}}] * 2)

    def test_a_slow_probe_is_answered_degraded_in_time_and_not_repeated_until_it_returns(self):
        self.h.send(request(1, "health_check"))
        self.h.advance(400)
        self.h.fire(("health", 1))
        self.h.send(request(2, "health_check"))
        replies = self.h.replies()
        self.assertEqual([reply["result"]["status"] for reply in replies], ["degraded", "degraded"])
        self.assertEqual(len(self.h.of(act.CheckHealth)), 1)
        self.h.take(self.h.session.health_finished(1, "ok", {}, self.h.now))
        self.h.send(request(3, "health_check"))
        self.assertEqual(len(self.h.of(act.CheckHealth)), 2)

    def test_get_status_reports_state_and_counts(self):
        self.h.send(transcribe(1), transcribe(2))
        self.h.advance(30)
        self.h.send(request(3, "get_status"))
        self.assertEqual(self.h.replies()[0]["result"], {"state": "busy", "activeRequests": 2,
                                                         "maxConcurrentRequests": 2, "uptimeMs": 30,
                                                         "requestsServed": 0})

    def test_get_metrics_counts_outcomes_and_durations(self):
        h = Harness(metrics_extras=lambda: {"rssBytes": 5}).initialized()
        h.send(transcribe(1), transcribe(2))
        h.advance(100)
        h.finish(1, RESULT)
        h.send({"jsonrpc": "2.0", "method": "cancel", "params": {"id": 2}}, transcribe(3, language="xx"))
        h.advance(100)
        h.send(transcribe(4))
        h.advance(50)
        h.finish(3, RESULT)
        h.clear()
        h.send(request(5, "get_metrics"))
        self.assertEqual(h.replies()[0]["result"], {
            "rssBytes": 5, "requests": {"total": 4, "succeeded": 2, "failed": 1, "cancelled": 1},
            "uptimeMs": 250, "durationMs": {"count": 2, "mean": 75.0, "max": 100}})


class RestartTests(unittest.TestCase):
    def test_restart_cancels_in_flight_work_reloads_and_replies_null_when_ready(self):
        h = Harness().initialized()
        h.send(transcribe(1))
        h.clear()
        h.send(request(2, "restart"))
        self.assertEqual(codes(h.replies()), [(1, -32800)])
        self.assertIn(act.RestartEngine(), h.actions)
        h.send(request(3, "health_check"), transcribe(4))
        self.assertEqual(h.replies()[0]["result"]["status"], "loading")
        h.take(h.session.engine_ready(True, "", h.now))
        self.assertEqual(codes(h.replies()), [(2, None)])
        self.assertEqual(h.jobs(), [2])

    def test_a_failed_restart_answers_the_restart_with_an_engine_failure(self):
        h = Harness().initialized()
        h.send(request(2, "restart"))
        h.take(h.session.engine_ready(False, "boom", h.now))
        self.assertEqual(codes(h.replies()), [(2, -32000)])


if __name__ == "__main__":
    unittest.main()
