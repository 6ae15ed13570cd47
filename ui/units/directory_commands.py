"""Window layer: 督办 → 单位名录…: open the directory, hand the office's declarations to the
``Store``, and reload the window when names were joined or parted (every tab then counts
under the new names)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.errors import StoreError
from ui.common import words
from ui.units.directory_dialog import UnitDirectoryDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_unit_directory(window: MainWindow) -> None:
    """Show the 单位名录 (modal; read-only on a unit's PC)."""
    store = window.store
    if store is None:
        return
    dialog = UnitDirectoryDialog(store.unit_directory(), window)
    changed = False

    def declare(names: list[str], canonical: str, reason: str) -> None:
        nonlocal changed
        try:
            listing = store.declare_same_unit(names, canonical, reason)
        except StoreError as exc:
            dialog.show_error(words.store_error_text(exc.code, exc.detail))
            return
        changed = True
        dialog.set_listing(listing)

    def undo(name: str, reason: str) -> None:
        nonlocal changed
        try:
            listing = store.undo_unit_alias(name, reason)
        except StoreError as exc:
            dialog.show_error(words.store_error_text(exc.code, exc.detail))
            return
        changed = True
        dialog.set_listing(listing)

    dialog.declare_requested.connect(declare)
    dialog.undo_requested.connect(undo)
    dialog.exec()
    dialog.deleteLater()
    if changed:
        window.set_installation(store.installation())
        window.reload()
