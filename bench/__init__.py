"""Benchmark layer: measured by hand (``python bench/run.py``), never part of the test run.

Uses the core packages directly (``models``, ``exchange``, ``sheets``); it never imports Qt
itself: the window is measured in child processes, which is also what a cold start needs.
"""
