import asyncio
import unittest

from tests import harness  # noqa: F401
from lingosub_sidecar import (BaseSidecarEngine, CancellationToken, EngineConfig, HealthStatus, Reporter,
                              RequestCancelledError, Segment, TaskStatus, TimeStamp, TranscriptionRequest,
                              TranscriptionResponse, ValidationError, Word)
from lingosub_sidecar.errors import ErrorCode, error_from_exception


class ModelTests(unittest.TestCase):
    def test_a_response_serialises_to_the_protocol_result(self):
        response = TranscriptionResponse(task_id="t", duration=2.0, language="de", segments=[
            Segment(0.0, 1.0, "hallo welt", 0.8, [Word("hallo", 0.0, 0.5, 0.9), {"word": "welt", "start": 0.5,
                                                                                  "end": 1.0}])],
            processing_time=0.25)
        self.assertEqual(response.to_result("en"), {
            "language": "de", "duration": 2.0,
            "segments": [{"id": 0, "start": 0.0, "end": 1.0, "text": "hallo welt", "confidence": 0.8, "words": [
                {"word": "hallo", "start": 0.0, "end": 0.5, "confidence": 0.9},
                {"word": "welt", "start": 0.5, "end": 1.0}]}],
            "metrics": {"processingMs": 250}})

    def test_seed_style_responses_with_timestamps_or_only_text_still_serialise(self):
        seed = TranscriptionResponse(task_id="t", status=TaskStatus.COMPLETED, text="a b",
                                     timestamps=[TimeStamp(start=0.0, end=1.0, text="a b", confidence=0.5)])
        self.assertEqual(seed.to_result("en")["segments"][0]["text"], "a b")
        text_only = TranscriptionResponse(text="just text", duration=3.0)
        self.assertEqual(text_only.to_result("en")["segments"],
                         [{"id": 0, "start": 0.0, "end": 3.0, "text": "just text", "words": []}])
        self.assertEqual(TranscriptionResponse().to_result("en")["duration"], 0.0)

    def test_invalid_values_raise_validation_errors_naming_the_field(self):
        cases = [
            (lambda: Word("a", 1.0, 0.5), "word.end"),
            (lambda: Word("a", -1, 0.5), "word.start"),
            (lambda: Word("a", 0, 1, 1.5), "word.confidence"),
            (lambda: Word("a", 0, float("nan")), "word.end"),
            (lambda: Segment(0, 1, 5), "segment.text"),
            (lambda: Segment(0, 1, "x", words=[{"word": "a", "start": 0}]), "segment.words[0]"),
            (lambda: TranscriptionRequest(file_path=""), "audio.path"),
            (lambda: TranscriptionRequest.from_params({"audio": {"path": "/a"}, "options": 3}), "options"),
            (lambda: EngineConfig(device="gpu"), "device"),
            (lambda: EngineConfig(max_workers=0), "max_workers"),
            (lambda: HealthStatus("fine"), "status"),
            (lambda: TranscriptionResponse(segments=[{"start": 0, "end": True, "text": "x"}]).to_result("en"),
             "segments[0].end"),
        ]
        for build, field in cases:
            with self.subTest(field=field):
                with self.assertRaises(ValidationError) as caught:
                    build()
                self.assertEqual(caught.exception.field, field)
                self.assertEqual(caught.exception.code, ErrorCode.INVALID_PARAMS)

    def test_seed_health_words_map_to_protocol_states(self):
        self.assertEqual(HealthStatus("healthy").to_result(), {"status": "ok", "detail": {}})
        self.assertEqual(HealthStatus("unhealthy").status, "error")

    def test_exceptions_map_to_protocol_codes(self):
        self.assertEqual(error_from_exception(FileNotFoundError(2, "x", "/a")).code, ErrorCode.AUDIO_NOT_FOUND)
        self.assertEqual(error_from_exception(PermissionError(13, "x", "/a")).code, ErrorCode.AUDIO_NOT_FOUND)
        self.assertEqual(error_from_exception(RuntimeError("boom")).reason, "RuntimeError: boom")


class ReporterTests(unittest.TestCase):
    def setUp(self):
        self.posted = []
        ticks = iter(range(1000))
        self.reporter = Reporter(self.posted.append, 7, clock=lambda: float(next(ticks)))

    def test_progress_is_forwarded_and_backward_steps_are_dropped(self):
        results = [self.reporter.progress(value) for value in (0.2, 0.1, 0.2, 1.0)]
        self.assertEqual(results, [True, False, True, True])
        self.assertEqual(self.posted, [("progress", 7, 0.2, "transcribing"), ("progress", 7, 0.2, "transcribing"),
                                       ("progress", 7, 1.0, "transcribing")])

    def test_progress_faster_than_every_10_ms_is_thinned_but_stage_changes_and_1_pass(self):
        clock = [0.0]
        reporter = Reporter(self.posted.append, 1, clock=lambda: clock[0])
        for step in range(5):
            reporter.progress(step / 10.0, "decoding")
            clock[0] += 0.004
        reporter.progress(0.6, "finalizing")
        reporter.progress(1.0, "finalizing")
        self.assertEqual([(item[2], item[3]) for item in self.posted],
                         [(0.0, "decoding"), (0.3, "decoding"), (0.6, "finalizing"), (1.0, "finalizing")])

    def test_out_of_range_progress_raises(self):
        for value in (-0.1, 1.1, float("nan"), "x", True):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.reporter.progress(value)

    def test_drafts_get_ids_and_nothing_is_posted_after_close(self):
        self.reporter.draft(Segment(0, 1, "a"))
        self.reporter.draft({"id": 5, "start": 0, "end": 1, "text": "b"})
        self.reporter.draft(Segment(1, 2, "c"))
        self.reporter.close()
        self.assertEqual((self.reporter.progress(0.5), self.reporter.draft(Segment(0, 1, "d"))), (False, False))
        self.assertEqual([(item[2]["id"], item[2]["text"]) for item in self.posted], [(0, "a"), (5, "b"), (6, "c")])

    def test_the_token_raises_once_cancelled(self):
        token = CancellationToken()
        token.raise_if_cancelled()
        self.assertFalse(token.wait(0))
        token.cancel()
        self.assertTrue(token.wait(5))
        with self.assertRaises(RequestCancelledError):
            token.raise_if_cancelled()


class _SeedEngine(BaseSidecarEngine):
    def _initialize_engine(self):
        self.ready = False

    async def _start_engine(self):
        self.ready = True

    async def _stop_engine(self):
        self.ready = False

    async def _check_engine_health(self):
        if self.config.options.get("explode"):
            raise RuntimeError("probe broke")
        return self.ready

    async def transcribe(self, request):
        return TranscriptionResponse(task_id=request.task_id, text="seed text", duration=1.0)


class _ReporterEngine(_SeedEngine):
    def transcribe(self, request, reporter):
        reporter.progress(1.0)
        return TranscriptionResponse(text="sync", duration=1.0)


class EngineBaseTests(unittest.TestCase):
    def test_the_lifecycle_and_health_follow_the_seed(self):
        engine = _SeedEngine(EngineConfig(engine_id="seed"))
        self.assertEqual(engine.status, "initializing")
        self.assertEqual(asyncio.run(engine.health_check()).status, "error")
        asyncio.run(engine.start())
        self.assertEqual((engine.status, asyncio.run(engine.health_check()).status), ("running", "ok"))
        asyncio.run(engine.stop())
        self.assertEqual(engine.status, "stopped")
        engine.config.options["explode"] = True
        health = asyncio.run(engine.health_check())
        self.assertEqual((health.status, health.details["reason"]), ("error", "RuntimeError: probe broke"))

    def test_process_request_keeps_the_seed_shape(self):
        engine = _SeedEngine(EngineConfig())
        reply = asyncio.run(engine.process_request({"type": "transcribe", "payload": {"file_path": "/a.wav"}}))
        self.assertEqual((reply["status"], reply["data"]["segments"][0]["text"]), ("success", "seed text"))
        reply = asyncio.run(engine.process_request({"type": "bogus"}))
        self.assertEqual((reply["status"], reply["code"]), ("error", -32602))

    def test_transcribe_gets_the_reporter_when_it_takes_one_and_may_be_synchronous(self):
        posted = []
        reporter = Reporter(posted.append, 1)
        response = asyncio.run(_ReporterEngine(EngineConfig()).call_transcribe(
            TranscriptionRequest(file_path="/a"), reporter))
        self.assertEqual((response.text, len(posted)), ("sync", 1))
        request = TranscriptionRequest(file_path="/a")
        asyncio.run(_SeedEngine(EngineConfig()).call_transcribe(request, reporter))
        self.assertIs(request.reporter, reporter)

    def test_capabilities_come_from_the_config(self):
        engine = _SeedEngine(EngineConfig(languages=["en", "de"], max_workers=3))
        self.assertEqual(engine.get_capabilities(), {"languages": ["en", "de"], "drafts": False,
                                                     "wordTimestamps": True, "wordConfidence": True,
                                                     "maxConcurrentRequests": 3})
        self.assertEqual(engine.get_info()["engine_type"], "_SeedEngine")


if __name__ == "__main__":
    unittest.main()
