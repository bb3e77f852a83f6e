import builtins
import io
import json
import logging
import os
import tempfile
import unittest
from unittest import mock

from tests import harness  # noqa: F401
from lingosub_sidecar import (ConfigError, EngineType, LogContext, LoggingConfig, PerformanceMonitor,
                              engine_config_from, load_config, setup_logging)


class ConfigTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)

    def write(self, name, text):
        path = os.path.join(self.directory.name, name)
        with open(path, "w") as handle:
            handle.write(text)
        return path

    def test_defaults_have_the_seed_sections(self):
        config = load_config(environ={})
        self.assertEqual((config.performance.max_workers, config.performance.timeout, config.logging.level,
                          config.logging.backup_count, config.security.rate_limit, config.engine_type),
                         (4, 300, "INFO", 5, 100, EngineType.CUSTOM))

    def test_environment_beats_file_beats_defaults(self):
        path = self.write("c.json", json.dumps({"engine_id": "file", "model_name": "m",
                                                "performance": {"max_workers": 2, "timeout": 9}}))
        config = load_config(path, {"LINGOSUB_ENGINE_ID": "123", "LINGOSUB_PERFORMANCE__TIMEOUT": "5",
                                    "LINGOSUB_LOGGING": '{"level": "DEBUG"}', "LINGOSUB_UNRELATED": "x",
                                    "LINGOSUB_LOGGING__CONSOLE_OUTPUT": "false", "LINGOSUB_LANGUAGES": '["en","de"]'})
        self.assertEqual((config.engine_id, config.model_name, config.performance.max_workers,
                          config.performance.timeout, config.logging.level, config.logging.console_output,
                          config.languages), ("123", "m", 2, 5, "DEBUG", False, ["en", "de"]))

    def test_errors_name_the_key_and_where_the_value_came_from(self):
        path = self.write("c.json", json.dumps({"performance": {"max_workers": "two"}}))
        bad_key = self.write("k.json", json.dumps({"performence": {}}))
        cases = [
            (path, {}, "performance.max_workers", "file " + path),
            (bad_key, {}, "performence", "file " + bad_key),
            (None, {"LINGOSUB_PERFORMANCE__MAX_WORKERS": "0"}, "performance.max_workers",
             "env LINGOSUB_PERFORMANCE__MAX_WORKERS"),
            (None, {"LINGOSUB_LOGGING": '{"levle": "x"}'}, "logging.levle", "env LINGOSUB_LOGGING"),
            (None, {"LINGOSUB_LOGGING__LEVEL": "LOUD"}, "logging.level", "env LINGOSUB_LOGGING__LEVEL"),
            (None, {"LINGOSUB_DEVICE": "gpu"}, "device", "env LINGOSUB_DEVICE"),
            (None, {"LINGOSUB_PERFORMANCE__TIMEOUT": "10000000000"}, "performance.timeout",
             "env LINGOSUB_PERFORMANCE__TIMEOUT"),
            (None, {"LINGOSUB_ENGINE_TYPE": "nope"}, "engine_type", "env LINGOSUB_ENGINE_TYPE"),
            (None, {"LINGOSUB_SECURITY__ENABLE_AUTH": "maybe"}, "security.enable_auth",
             "env LINGOSUB_SECURITY__ENABLE_AUTH"),
            (self.write("bad.json", "{"), {}, "", "file " + os.path.join(self.directory.name, "bad.json")),
            (os.path.join(self.directory.name, "missing.json"), {}, "",
             "file " + os.path.join(self.directory.name, "missing.json")),
        ]
        for config_file, environ, key, source in cases:
            with self.subTest(key=key, source=source):
                with self.assertRaises(ConfigError) as caught:
                    load_config(config_file, environ)
                self.assertEqual((caught.exception.key, caught.exception.source), (key, source))

    def test_yaml_is_read_when_pyyaml_is_installed_and_refused_clearly_when_not(self):
        path = self.write("c.yaml", "engine_id: yaml-engine\nperformance:\n  max_workers: 3\n")
        real_import = builtins.__import__

        def no_yaml(name, *args, **kwargs):
            if name == "yaml":
                raise ImportError("no yaml")
            return real_import(name, *args, **kwargs)
        with mock.patch("builtins.__import__", no_yaml):
            with self.assertRaises(ConfigError) as caught:
                load_config(path, {})
        self.assertIn("PyYAML", caught.exception.reason)
        try:
            import yaml  # noqa: F401
        except ImportError:
            return
        self.assertEqual(load_config(path, {}).performance.max_workers, 3)

    def test_engine_config_from_maps_the_seed_fields(self):
        config = load_config(environ={"LINGOSUB_PERFORMANCE__MAX_WORKERS": "2", "LINGOSUB_EXTENSIONS": '{"k": 1}'})
        engine_config = engine_config_from(config, engine_id="x")
        self.assertEqual((engine_config.engine_id, engine_config.max_workers, engine_config.options),
                         ("x", 2, {"k": 1}))


class LoggingTests(unittest.TestCase):
    def tearDown(self):
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()

    def test_records_have_the_seed_shape_with_context_and_extra(self):
        stream = io.StringIO()
        logger = setup_logging(LoggingConfig(level="DEBUG"), "eng", stream=stream)
        with LogContext(request_id="7", job_id="j"):
            with LogContext(chunk_id=3):
                logger.log_request("7", "transcribe", {"a": 1})
        logger.log_metric("rtf", 0.5)
        logger.log_performance("decode", 1.25)
        try:
            raise ValueError("bad")
        except ValueError as error:
            logger.log_error(error, {"where": "test"})
        records = [json.loads(line) for line in stream.getvalue().splitlines()]
        self.assertEqual(sorted(records[0]), ["extra", "function", "level", "line", "logger", "message", "module",
                                              "msg", "timestamp"])
        self.assertEqual(records[0]["extra"], {"request_id": "7", "job_id": "j", "chunk_id": 3,
                                               "method": "transcribe", "params_count": 1, "event_type": "request"})
        self.assertEqual((records[0]["logger"], records[0]["level"]), ("sidecar.eng", "INFO"))
        self.assertEqual(records[1]["extra"]["metric_value"], 0.5)
        self.assertEqual(records[2]["extra"]["event_type"], "performance")
        self.assertIn("ValueError: bad", records[3]["extra"]["exception"])
        self.assertTrue(records[0]["timestamp"].endswith("Z"))

    def test_a_rotating_file_log_is_written_when_configured(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "logs", "sidecar.log")
            logger = setup_logging(LoggingConfig(file_path=path, console_output=False), "eng")
            logger.log_metric("x", 1)
            for handler in logging.getLogger().handlers:
                handler.flush()
            with open(path) as handle:
                self.assertEqual(json.loads(handle.readline())["extra"]["metric_name"], "x")

    def test_the_monitor_reports_cpu_rss_load_time_and_durations(self):
        monitor = PerformanceMonitor()
        monitor.record_model_load(0.5)
        for duration in (10, 20, 30):
            monitor.record_request(duration, "succeeded")
        monitor.record_request(99, "failed")
        metrics = monitor.get_metrics()
        self.assertEqual((metrics["modelLoadMs"], metrics["workerDurationMs"]),
                         (500.0, {"count": 3, "p50": 20.0, "p99": 30.0}))
        self.assertGreater(metrics["rssBytes"], 0)
        self.assertGreaterEqual(metrics["cpuTimeMs"], 0)


if __name__ == "__main__":
    unittest.main()
