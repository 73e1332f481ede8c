"""Geocoding one document: the one call the pipeline makes (:func:`geocode_document`).

It reads as the steps a coder takes:

1. **context**: the countries the text names (a nationality only says who), else those its places imply;
2. **candidates and scores**: each place mention resolved in that context (:mod:`sitrep.geo.index` finds the
   gazetteer's candidates, :mod:`sitrep.geo.disambiguate` scores them);
3. **decision**: readings too loose for where the document is are dropped (:mod:`sitrep.geo.inherit`), the
   dateline placed, sentences with no place of their own given their context's, and each mention's places
   put in order, the event's own place first (:func:`sitrep.geo.mentions.order_event_places`).

Unplaced claims are scoped afterwards (:func:`scope_claims`), and a place the gazetteer lacks, in a sentence with
no other, is kept as written at the document's country (:func:`keep_unknown_places`), once other stages have
shared places between reports of one incident.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.events import Extraction
from sitrep.geo.index import Gazetteer
from sitrep.geo.inherit import (
    country_of_towns,
    drop_loose_readings_abroad,
    fall_back_to_country,
    inherit_places,
    most_named_country,
    named_region_countries,
    prune_candidates,
    scope_unplaced_claims,
)
from sitrep.geo.mentions import geocode_dateline, geocode_mentions, most_specific, order_event_places
from sitrep.model import Mention, PlaceMention


@dataclass(frozen=True)
class DocumentPlaces:
    """Where a geocoded document is: its countries, most named first, and the one it names most."""

    countries: tuple[str, ...]
    most_named: str | None
    home: str | None = None  # where its towns are, else the country it names by name

    def country_of(self, mention: Mention) -> str | None:
        """The country of a mention's most specific place, else the one the document names most."""
        place = most_specific([pm.place for pm in mention.places if pm.place is not None])
        return place.country if place is not None and place.country else self.most_named


def geocode_document(extraction: Extraction, text: str, gazetteer: Gazetteer) -> DocumentPlaces:
    """Resolves every place of ``extraction``'s mentions in place (unresolved places stay None) and says where
    the document is."""
    mentions = extraction.mentions
    # Context: the countries the text names, most named first; for a text that names none (a headline), those
    # its places imply ("clashes in the Hama countryside").
    text_countries = gazetteer.document_countries(text)
    most_named = next(iter(text_countries), None)
    # Candidates and scores, one mention at a time.
    geocode_mentions(mentions, text, gazetteer, text_countries)
    # Decision: readings too loose for where the document is go.
    drop_loose_readings_abroad(
        mentions, lambda pm: pm.place is not None and gazetteer.is_named(pm.place, pm.text), most_named
    )
    # Ordered, most named first: the first country gets a bonus, so the order must not follow a set's hashing.
    ordered_countries = tuple(dict.fromkeys([*text_countries, *sorted(named_region_countries(mentions))]))
    countries = set(ordered_countries)
    neighbours = gazetteer.neighbours_of(countries)

    def named_abroad(pm: PlaceMention) -> bool:
        return (
            pm.place is not None
            and (pm.place.country in neighbours or gazetteer.is_landmark(pm.place))
            and gazetteer.is_named(pm.place, pm.text)
        )

    prune_candidates(mentions, countries, named_abroad)
    dateline = extraction.dateline
    dateline_place = geocode_dateline(dateline.place if dateline else None, text, gazetteer, ordered_countries)
    inherit_places(mentions, extraction.paragraph_of, dateline_place)
    order_event_places(mentions)
    # The country a place kept as written is in: where the document's towns are, else the country it names by
    # name ("Turkish drones struck X" names Turkey's people, not where X is).
    home = country_of_towns(mentions) or next(iter(gazetteer.countries_in_text(text, 0.0)), None)
    return DocumentPlaces(tuple(text_countries), most_named, home)


def keep_unknown_places(extraction: Extraction, places: DocumentPlaces, gazetteer: Gazetteer) -> None:
    """A place the gazetteer lacks, in a sentence with no other place, is kept as written at the document's country
    (:func:`sitrep.geo.inherit.fall_back_to_country`). Called once other stages have shared places between reports
    of one incident, so that such a sentence never takes another sentence's town through its country."""
    country = places.home
    fall_back_to_country(extraction.mentions, gazetteer.country_place(country) if country else None)


def scope_claims(extraction: Extraction, places: DocumentPlaces, gazetteer: Gazetteer) -> None:
    """A claim that names no place is about the town it points back at, else the report's main country."""
    main_country = places.most_named or most_named_country(extraction.mentions)
    scope_unplaced_claims(
        extraction.claims, extraction.mentions, gazetteer.country_name(main_country) if main_country else None
    )
