"""Runtime layer: the version of Duban (shown in the About box and written into exports)."""

__version__ = "0.1.0"
