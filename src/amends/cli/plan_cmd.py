"""`amends plan` (being written)."""
