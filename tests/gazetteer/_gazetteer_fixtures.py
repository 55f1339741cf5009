"""Synthetic gazetteer files written for the tests (fictional places and ids; real admin codes)."""

from __future__ import annotations

import gzip
from pathlib import Path

# GeoNames dump rows: (id, name, alternate names, lat, lon, class, code, country, admin1, admin2, population)
GEONAMES_ROWS = [
    (9100001, "Tall Samrah", "Tell Samra,Tal Samra,تل سمرة", 35.95, 39.05, "P", "PPL", "SY", "04", "", 900),
    (9100002, "Tall Samrah", "Tell Samra,Tal Samra,تل سمرة", 36.45, 37.62, "P", "PPL", "SY", "09", "", 1500),
    (9100003, "Tall Samrah", "Tell Samra,تل سمرة", 35.21, 36.83, "P", "PPL", "SY", "10", "", 700),
    (9100004, "Hay al-Mashlab", "Al-Mashlab,Mashlab,حي المشلب", 35.945, 39.03, "P", "PPLX", "SY", "04", "", 0),
    (9100005, "Khirbat Qasim", "Khirbet Qasem,خربة قاسم", 36.05, 38.95, "P", "PPL", "SY", "04", "SY0400", 300),
    (9100006, "Mintaqat Samra", "Samra District", 36.0, 39.0, "A", "ADM2", "SY", "04", "SY0400", 0),
    (9100007, "Jabal Samra", "", 36.1, 39.1, "T", "MT", "SY", "04", "", 0),
]

WOF_COLUMNS = ("wof_id", "placetype", "lat", "lon", "geonames_id", "region_id", "county_id", "is_current", "name",
               "latin_names", "arabic_names")
WOF_HEADER = "\t".join(WOF_COLUMNS)
WOF_ROWS = [
    "9200001\tcountry\t35.0\t38.5\t\t\t\t1\tSyria\tSyria|Syrian Arab Republic\tسوريا",
    "9200002\tregion\t35.9\t39.0\t\t9200002\t\t1\tAr Raqqah\tAr-Raqqah|Raqqa|Raqqa Governorate\tالرقة|محافظة الرقة",
    "9200003\tcounty\t36.0\t39.0\t\t9200002\t9200003\t1\tAth Thawrah\tAth Thawrah|Al-Thawrah District\tمنطقة الثورة",
    "9200004\tlocality\t35.86\t38.55\t\t9200002\t9200003\t1\tHamrat Naser\tHamrat Naser|Hamrat Nasir\tحمرة ناصر",
    "9200005\tlocality\t35.87\t38.56\t\t9200002\t9200003\t0\tOld Hamrat\tOld Hamrat\t",
]


def write_geonames_dump(path: Path, rows: list[tuple[object, ...]] | None = None) -> Path:
    """A 19-column GeoNames country dump (``SY.txt`` layout)."""
    lines = []
    for gid, name, alt, lat, lon, fclass, fcode, cc, a1, a2, pop in rows or GEONAMES_ROWS:
        cols = [gid, name, name, alt, lat, lon, fclass, fcode, cc, "", a1, a2, "", "", pop, "", "300",
                "Asia/Damascus", "2024-01-01"]
        lines.append("\t".join(str(c) for c in cols))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_wof(path: Path, rows: list[str] | None = None) -> Path:
    """A gzip-compressed Who's On First TSV in the layout of ../shared/gazetteer/README.md."""
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(WOF_HEADER + "\n" + "\n".join(rows or WOF_ROWS) + "\n")
    return path
