// Placeholder so the target builds; see the issue that fills it.
