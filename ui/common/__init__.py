"""What every screen shares: message boxes and file pickers, words for the codes of the
layers below, the form-dialog base, pool-thread work, the read-only table model base."""
