"""spark: see docs/architecture.md."""
