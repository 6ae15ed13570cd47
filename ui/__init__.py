"""Window layer (ui/): the PySide6 desktop window of Duban (督办).

Layer rule: ``ui/`` may import PySide6, the domain packages (``domain``, ``models.store``,
``plan_parser``) and the standard library, but never ``sqlalchemy``: it talks to the database
only through ``models.store.Store`` and its frozen records. Nothing outside ``ui/`` imports
PySide6. Rules (validation, identities, status) live below this package; ``ui/`` turns their
codes into translated words and shows them.
"""
