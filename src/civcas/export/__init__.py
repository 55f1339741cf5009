"""Export: writers over records (the claims contract, CSV, GeoJSON, Parquet, ACLED/UCDP tables)."""

from __future__ import annotations

from civcas.export.claims import claim_to_json, write_claims

__all__ = ["claim_to_json", "write_claims"]
