"""Command-line layer: ``python main.py COMMAND``. Imports every layer below ``ui/``; never Qt
(the two commands that need a window, the GUI and ``screenshot``, import ``ui`` lazily).
"""
