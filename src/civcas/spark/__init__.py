"""spark: reserved for the Spark runner, not written yet.

Linking's comparison spec is dialect-free SQL that DuckDB and Spark share (docs/linking.md), so Splink's
``SparkAPI`` can score the same spec; no runner here calls it yet, and nothing imports this package.
"""
