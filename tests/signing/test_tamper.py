"""Every single-byte change of a real signed export: refused, or provably harmless.

A change inside signed content (any manifest value, the signature row, any record, which
the signed manifest's digest covers) must be refused. A change SQLite does not notice and
that touches no value (free space in a page, a header field it ignores) is accepted only
if the file then reads back exactly as the original: same manifest, export id, records
and signature, so it merges exactly as the genuine file would, and into a database that
already holds the genuine file it changes nothing (the export id makes it a repeat).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from exchange.errors import RejectedFile
from exchange.reader import read_exchange_bytes, read_exchange_file
from exchange.service import import_file
from tests.exchange import exchange_samples
from tests.exchange.offices import export, import_all, office, report, state, trust_senders
from tests.signing.helpers import snapshot

FUZZ_MUTATIONS = int(os.environ.get("DUBAN_SIGNED_FUZZ_MUTATIONS", "3000"))


def small_signed_export(tmp: Path) -> Path:
    police = office(tmp, "police", "省公安厅")
    report(police, 23, "省公安厅", 30, text="已完成调研；生僻字：镕喆赟")
    path = export(police, tmp / "usb")
    police.close()
    return path


def signed_spans(data: bytes, path: Path) -> list[range]:
    """Where distinctive signed values sit in the file (first occurrence of each)."""
    bundle = read_exchange_file(path).bundle
    assert bundle.signature is not None
    manifest, revision = bundle.manifest, bundle.revisions[0]
    values = [
        bundle.signature.signature,
        bundle.signature.public_key,
        bundle.signature.signed_at.encode(),
        manifest.records_sha256.encode(),
        manifest.export_id.encode(),
        manifest.sender.unit_name.encode(),
        revision.revision_id.encode(),
        revision.work_done.encode(),
    ]
    spans = []
    for value in values:
        at = data.find(value)
        assert at > 0, value
        spans.append(range(at, at + len(value)))
    return spans


@pytest.mark.slow
def test_every_single_byte_change_is_refused_or_harmless(tmp_path: Path) -> None:
    path = small_signed_export(tmp_path)
    data = path.read_bytes()
    original = read_exchange_bytes(data).bundle
    refused: Counter[str] = Counter()
    harmless: list[int] = []
    rejected_at: set[int] = set()
    for offset in range(len(data)):
        mutated = bytearray(data)
        mutated[offset] ^= 0x01  # the subtlest change: "3" → "2", "A" → "@"
        try:
            bundle = read_exchange_bytes(bytes(mutated)).bundle
        except RejectedFile as exc:
            refused[str(exc.code)] += 1
            rejected_at.add(offset)
            continue
        assert bundle == original, f"byte {offset} changed what the file says"
        harmless.append(offset)
    spans = signed_spans(data, path)
    signed_offsets = sorted({o for span in spans for o in span})
    assert set(signed_offsets) <= rejected_at
    for offset in signed_offsets:  # and a bolder change of the same bytes
        mutated = bytearray(data)
        mutated[offset] ^= 0xFF
        with pytest.raises(RejectedFile):
            read_exchange_bytes(bytes(mutated))
    print(
        f"\n{len(data)} bytes flipped one at a time: refused {sum(refused.values())} "
        f"{dict(refused)}, accepted unchanged {len(harmless)}, damaged but accepted 0; "
        f"{len(signed_offsets)} bytes of signed values refused under two flips each"
    )
    assert refused["bad_signature"] and refused["digest_mismatch"]

    # Through the store: a database holding the genuine file never changes.
    coord = office(tmp_path, "coord", None)
    trust_senders(coord, path)
    import_all(coord, path)
    before = snapshot(coord)
    reference = state(coord)
    samples = harmless[:: max(1, len(harmless) // 60)] + sorted(rejected_at)[::400]
    for n, offset in enumerate(samples):
        mutated = bytearray(data)
        mutated[offset] ^= 0x01
        copy = tmp_path / "stick" / f"mutated-{n}.duban"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(mutated)
        outcome = import_file(coord, copy)
        assert outcome.refused or (outcome.report is not None and outcome.report.already_imported)
    assert snapshot(coord) == before
    # … and a database that never saw the genuine file gets exactly the genuine content.
    fresh = office(tmp_path, "fresh", None)
    trust_senders(fresh, path)
    for offset in harmless[:: max(1, len(harmless) // 3)][:3]:
        mutated = bytearray(data)
        mutated[offset] ^= 0x01
        copy = tmp_path / "stick" / f"harmless-{offset}.duban"
        copy.write_bytes(mutated)
        import_all(fresh, copy)
    assert state(fresh) == reference


def test_random_damage_of_a_signed_export_is_refused_or_intact(tmp_path: Path) -> None:
    data = small_signed_export(tmp_path).read_bytes()
    result = exchange_samples.fuzz(
        data, FUZZ_MUTATIONS, seed=7, read=lambda b: read_exchange_bytes(b).bundle
    )
    assert not result.uncaught, result.uncaught
    assert result.damaged_but_accepted == 0
    assert sum(result.rejected.values()) > FUZZ_MUTATIONS // 2
    print(
        f"\n{result.mutations} random damages: rejected {dict(result.rejected)}, "
        f"accepted intact {result.accepted_intact}, unchanged {result.unchanged}"
    )
