"""Benchmarks (not tests): importable so tests can check the generators."""
