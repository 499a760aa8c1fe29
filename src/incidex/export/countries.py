"""Country names and codes for export columns, from ISO 3166 (pycountry).

The datasets incidex exports for use short English names ("Syria", "Iran", "Russia"), not
ISO's formal ones ("Syrian Arab Republic"); pycountry's ``common_name`` covers most, and
:data:`SHORT_NAMES` the rest, following the names GTD and ACLED print.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

#: ISO alpha-2 -> the short name GTD / ACLED / UCDP use where pycountry has no common_name.
SHORT_NAMES = MappingProxyType({
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "KP": "North Korea",
    "PS": "Palestine",
    "RU": "Russia",
    "VA": "Vatican City",
    "FM": "Micronesia",
    "BN": "Brunei",
    "CV": "Cape Verde",
    "CI": "Ivory Coast",
    "TR": "Turkey",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
})


@lru_cache(maxsize=512)
def country_info(alpha2: str | None) -> tuple[str | None, str | None, int | None]:
    """(short name, ISO alpha-3, ISO numeric) for an ISO alpha-2 code; Nones when unknown."""
    if not alpha2:
        return None, None, None
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2.upper())
    if found is None:
        return alpha2, None, None
    name = SHORT_NAMES.get(found.alpha_2) or getattr(found, "common_name", None) or found.name
    return name, found.alpha_3, int(found.numeric)
