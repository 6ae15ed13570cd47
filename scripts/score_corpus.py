"""Score the parser against the corpus goldens and print the README table.

    .venv/bin/python scripts/score_corpus.py            # the table (Markdown)
    .venv/bin/python scripts/score_corpus.py -v SLUG    # every missed or extra pair of one document

The corpus is found through DUBAN_CORPUS or ../shared/corpus beside the clone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus.scoring import (  # noqa: E402
    corpus_dir,
    golden_slugs,
    load_golden,
    score_document,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-v", "--verbose", metavar="SLUG", help="list the differences of one document"
    )
    args = parser.parse_args()
    corpus = corpus_dir()
    if corpus is None:
        print("未找到语料目录（设置 DUBAN_CORPUS 或放在 ../shared/corpus）", file=sys.stderr)
        return 1
    if args.verbose:
        score = score_document(args.verbose, corpus)
        print(
            f"F1 {score.pair_f1:.3f}  P {score.precision:.3f}  R {score.recall:.3f}  "
            f"roles {score.role_accuracy:.3f}  tasks {score.matched_tasks}/{score.gold_tasks} "
            f"(parsed {score.parsed_tasks}) {score.refused or ''}"
        )
        print("\n".join(score.misses))
        return 0
    print("| document | level | tasks (golden / parsed) | pair-F1 | role accuracy | golden |")
    print("|---|---|---|---|---|---|")
    for slug in golden_slugs():
        s = score_document(slug, corpus)
        refused = f" refused: {s.refused}" if s.refused else ""
        print(
            f"| {slug} | {s.level} | {s.gold_tasks} / {s.parsed_tasks}{refused} | "
            f"{s.pair_f1:.3f} | {s.role_accuracy:.3f} | {load_golden(slug).reading} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
