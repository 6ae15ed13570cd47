"""Domain layer: a read-only, seekable file object over numbered chunks of bytes.

Attachments live in 1 MiB chunks (in the database and in exchange files); the content
sniffer and ``zipfile`` need a seekable file. This gives them one while holding a single
chunk in memory: ``get(seq)`` fetches a chunk when the position reaches it.
"""

from __future__ import annotations

import io
from collections.abc import Callable

CHUNK_SIZE = 1024 * 1024


class ChunkedReader(io.RawIOBase):
    """``size`` bytes stored as chunks 0..n-1 of ``chunk_size`` (the last may be shorter)."""

    def __init__(
        self, get: Callable[[int], bytes], size: int, chunk_size: int = CHUNK_SIZE
    ) -> None:
        super().__init__()
        self._get = get
        self._size = size
        self._chunk_size = chunk_size
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def _chunk(self, seq: int) -> bytes:
        if self._cached is None or self._cached[0] != seq:
            data = self._get(seq)
            expected = min(self._chunk_size, self._size - seq * self._chunk_size)
            if len(data) != expected:
                raise OSError(f"chunk {seq} has {len(data)} bytes, expected {expected}")
            self._cached = (seq, data)
        return self._cached[1]

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos >= self._size:
            return 0
        view = memoryview(buffer).cast("B")
        seq, skip = divmod(self._pos, self._chunk_size)
        data = self._chunk(seq)
        count = min(len(view), len(data) - skip)
        view[:count] = data[skip : skip + count]
        self._pos += count
        return count

    def read(self, size: int = -1) -> bytes:
        """Whole chunks at a time when asked for everything (still one chunk per call)."""
        if size is None or size < 0:
            size = self._size - self._pos
        out = bytearray()
        while len(out) < size:
            piece = bytearray(min(size - len(out), self._chunk_size))
            got = self.readinto(piece)
            if not got:
                break
            out += piece[:got]
        return bytes(out)


def chunk_count(size: int, chunk_size: int = CHUNK_SIZE) -> int:
    return (size + chunk_size - 1) // chunk_size
