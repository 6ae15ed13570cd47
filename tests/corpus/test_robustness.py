"""The corpus as offices receive it: each document copied out of a PDF, a web page or WPS.

Every variant of every document (``variants.VARIANTS``) is parsed and scored against the
document's own golden, the same way as the original text. Runs where the corpus exists;
skips with a message elsewhere. ``python -m tests.corpus.variants`` prints the whole table
(pair-F1 of every document under every variant, and each document's worst).
"""

from __future__ import annotations

import pytest

from plan_parser.decoding import decode_plan_bytes
from tests.corpus.scoring import corpus_dir, golden_slugs
from tests.corpus.test_corpus import TARGET
from tests.corpus.variants import VARIANTS, Variant, score_variant, worst_table

CORPUS = corpus_dir()
#: (document, variant) pairs read below the target, and why (strict: fixing one shows).
KNOWN_BELOW: dict[tuple[str, str], str] = {}

needs_corpus = pytest.mark.skipif(
    CORPUS is None, reason="corpus not found: set DUBAN_CORPUS or put it at ../shared/corpus"
)


def _cases() -> list[object]:
    cases: list[object] = []
    for slug in golden_slugs():
        for variant in VARIANTS:
            reason = KNOWN_BELOW.get((slug, variant.name))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            cases.append(pytest.param(slug, variant, marks=marks, id=f"{slug}-{variant.name}"))
    return cases


@needs_corpus
@pytest.mark.parametrize(("slug", "variant"), _cases())
def test_variant_reads_like_the_original(slug: str, variant: Variant) -> None:
    assert CORPUS is not None
    score = score_variant(slug, variant, CORPUS)
    assert score.refused is None, f"{slug} as {variant.name} refused: {score.refused}"
    detail = "\n".join(score.misses[:20])
    assert score.pair_f1 >= TARGET, (
        f"{slug} as {variant.name} ({variant.description}): pair-F1 {score.pair_f1:.3f}\n{detail}"
    )
    assert score.role_accuracy >= TARGET, (
        f"{slug} as {variant.name}: roles {score.role_accuracy:.3f}\n{detail}"
    )


@needs_corpus
def test_every_variant_changes_the_text_it_claims_to() -> None:
    """A variant that leaves a document as it was would score it for nothing."""
    assert CORPUS is not None
    text = (CORPUS / "hb-jyt-yxbx-2023.txt").read_text(encoding="utf-8")
    for variant in VARIANTS:
        made = variant.make(text)
        as_text = decode_plan_bytes(made) if isinstance(made, bytes) else made
        assert made != text and (isinstance(made, bytes) or as_text.strip() != text.strip()), (
            variant.name
        )


@needs_corpus
def test_worst_table_names_each_document_once() -> None:
    assert CORPUS is not None
    rows = worst_table(CORPUS)
    assert [r[0] for r in rows] == golden_slugs()
    assert all(0.0 <= f1 <= 1.0 for _, _, f1 in rows)
