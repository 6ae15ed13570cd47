"""Window layer (ui/): the PySide6 desktop window of Duban (督办).

Layer rule: ``ui/`` may import PySide6, the domain packages (``domain``, ``models.store``,
``plan_parser``) and the standard library, but never ``sqlalchemy``: it talks to the database
only through ``models.store.Store`` and its frozen records. Nothing outside ``ui/`` imports
PySide6. Rules (validation, identities, status) live below this package; ``ui/`` turns their
codes into translated words and shows them.

Directly here: the application (``app``), the main window and its status bar, actions,
command wiring and preferences, fonts, translations, the About box. Each screen lives in a
feature package: ``tree``, ``units``, ``detail``, ``progress``, ``exchange``, ``keys``,
``supervision``, ``dashboard``, ``printing``, ``backups``, ``plan_import``; what they share
is in ``common``; unattended checks of the window are in ``diagnostics``.
"""
