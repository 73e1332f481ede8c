"""The UCDP headline benchmark: real headlines of violent events in Syria, coded by UCDP (GED 19.1).

Each distinct (headline, article date) is one document; the UCDP events coded from it are its gold. A headline
text UCDP coded again under another date is ingested into a store of its own (``separate_repeats``). A fixed
third of the headlines (by a hash of the headline and date) is the test split, the rest dev; a run takes the
first N headlines of a split in hash order, so the same N always gives the same sample.

Scores, each with its denominator:
- detection: headlines from which at least one violent event (Battles, Explosions/Remote violence,
  Violence against civilians) comes out; every UCDP row is a violent event;
- type: of detected headlines, those with an event of a type UCDP's type of violence admits (state-based and
  non-state: Battles or Explosions/Remote violence; one-sided: Violence against civilians or Explosions/Remote
  violence);
- place: of headlines that name the place UCDP coded (an exact place or one within 25 km, whose name, spelled
  any way and capitalised, is in the headline), those with a violent event placed within 25 km of it;
- date: of detected headlines, those with an event whose dates overlap UCDP's (one day of slack);
- fatalities: of headlines that state UCDP's toll (a number before "killed", "dead", ... that lies within
  UCDP's low-high, of one event or of the headline's events summed; daily round-up totals are left out),
  those with a violent event whose toll lies within those bounds.

    python evaluation/ucdp/benchmark.py --split dev -n 1000                  # sitrep
    python evaluation/ucdp/benchmark.py --split dev -n 1000 --coder keyword  # the keyword baseline
    python evaluation/ucdp/benchmark.py --split dev -n 300 --show misses     # dev only: list failures
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import gzip
import hashlib
import json
import re
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.model import Event

HERE = Path(__file__).parent
DATA = HERE / "headlines.jsonl.gz"
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
ADMITTED = {
    1: {"Battles", "Explosions/Remote violence"},
    2: {"Battles", "Explosions/Remote violence"},
    3: {"Violence against civilians", "Explosions/Remote violence"},
}
PLACE_KM = 25.0
# UCDP's place names end with what the place is ("Teir Maaleh village"); the headline names only the place.
PLACE_WORDS = re.compile(
    r"\b(village|town|city|district|subdistrict|sub-district|governorate|province|area|neighbourhood|"
    r"neighborhood|countryside|camp|airport|base|region|nahiya|mountain|hill|road|dam)\b",
    re.I,
)
TOLL = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b[^.]{0,40}?"
    r"\b(killed|dead|die[ds]?|death|deaths|lives|martyr\w*|executed|massacre)\b",
    re.I,
)
WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
NAMED_PRECISION = {1, 2}  # UCDP where_prec: exact place, or within 25 km of it
# Source titles that tell no event at all, which no detector should fire on: a bare report id ("TS243"), a link, a
# dated "Daily Report" title with nothing after it, an Airwars site code with its place ("May 19th 2017: (S738) ...
# Syria"), a record of names. UCDP joins a row's sources with ";": a headline has no event text when no part has.
NO_EVENT_TEXT = re.compile(
    r"^\s*(?:[A-Z]{1,3}\d+|https?://\S+|[\w ]*Daily Report \d{1,2}/\d{1,2}/\d{4}|Airwars assessment)\s*$"
    r"|^[^()]*\([SI]\d+[a-z]?\)|^Name\t",
    re.I,
)


def carries_no_event_text(text: str) -> bool:
    """Every source title joined in the headline is an id, a link, a site code or a bare report title."""
    return all(NO_EVENT_TEXT.search(part.strip()) for part in text.split(";") if part.strip())


@dataclass
class Headline:
    id: str
    text: str
    published: str
    outlet: str
    rows: list[dict[str, Any]]
    split: str


def _key(text: str, date: str) -> str:
    return hashlib.sha1(f"{text}\t{date}".encode()).hexdigest()


def load_headlines() -> list[Headline]:
    grouped: dict[str, Headline] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            key = _key(row["text"], row["source_date"])
            if key not in grouped:
                split = "test" if int(key, 16) % 3 == 0 else "dev"
                grouped[key] = Headline(
                    f"ucdp-{key[:12]}",
                    row["text"],
                    row["source_date"].split(";")[0].strip(),
                    # Headlines joined by ";" list each one's date and outlet: the first headline's, as for its date
                    (row.get("source_office") or "").split(";")[0].strip(),
                    [],
                    split,
                )
            grouped[key].rows.append(row)
    return sorted(grouped.values(), key=lambda h: _key(h.text, h.published))


def _skeleton(text: str) -> str:
    """Consonants only, doubled letters once, articles dropped: "Ter Ma'la" and "Teir Maaleh" come close."""
    text = re.sub(r"\b(al|el|ad|ar|as|ash|az|an|at)[-\s]", "", text.lower())
    text = re.sub(r"[aeiouy'’`ʿʾ\-]", "", text)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"\s+", " ", text)).strip()


def names_place(headline: str, place: str) -> bool:
    """The headline names the place, spelled any common way."""
    return place_window(headline, place) is not None


def place_window(headline: str, place: str) -> tuple[int, int] | None:
    """Where the headline names the place, spelled any common way: the characters of the first words that do."""
    core = PLACE_WORDS.sub("", place).strip(" ,")
    if not core:
        return None
    target = _skeleton(core)
    words = list(re.finditer(r"\S+", headline))
    width = len(core.split())
    for size in {width, width + 1, max(1, width - 1)}:
        for i in range(len(words) - size + 1):
            written = headline[words[i].start() : words[i + size - 1].end()].strip('.,:;!?"()')
            # An English text capitalises a place's name: "militiamen" is no spelling of Al Lataminah.
            if not any(ch.isupper() for ch in written):
                continue
            window = _skeleton(written)
            if window and difflib.SequenceMatcher(None, window, target).ratio() >= 0.8:
                return words[i].start(), words[i + size - 1].end()
    return None


@dataclass
class Coded:
    """What a coder made of one headline: its events' types, places, dates and tolls."""

    types: list[str]
    places: list[tuple[float, float]]
    dates: list[tuple[dt.date, dt.date]]
    tolls: list[int]
    # Every place of the headline's violent events, not only each one's first (a diagnostic: a clause naming two
    # places gives one event with both, and UCDP may have coded the second).
    all_places: list[tuple[float, float]] = field(default_factory=list)


def separate_repeats(headlines: list[Headline]) -> list[list[Headline]]:
    """The headlines in rounds in which no text comes twice: a store keeps one copy of a text (a republished
    article), so a headline UCDP coded again under another date would be stored as the first one's duplicate
    and score as missed. The n-th copy of a text goes into round n."""
    rounds: list[list[Headline]] = []
    seen: dict[str, int] = {}
    for h in headlines:
        n = seen.get(h.text, 0)
        seen[h.text] = n + 1
        if n == len(rounds):
            rounds.append([])
        rounds[n].append(h)
    return rounds


def sitrep_events(headlines: list[Headline]) -> list[Event]:
    """The events ``sitrep ingest`` makes of the headlines (one document each, in stores that live for the call,
    one per round of ``separate_repeats``), with their reports."""
    from sitrep.pipeline import ingest
    from sitrep.store import Store

    events: list[Event] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, batch in enumerate(separate_repeats(headlines)):
            source = Path(tmp) / f"headlines-{n}.jsonl"
            source.write_text(
                "".join(
                    json.dumps({"id": h.id, "text": h.text, "published": h.published, "outlet": h.outlet}) + "\n"
                    for h in batch
                ),
                encoding="utf-8",
            )
            store = Store.open(str(Path(tmp) / f"ucdp-{n}.db"))
            ingest([str(source)], store)
            events += store.full_events()
    return events


def code_with_sitrep(headlines: list[Headline]) -> dict[str, Coded]:
    from sitrep.resolve.similarity import mention_places

    coded: dict[str, Coded] = {h.id: Coded([], [], [], []) for h in headlines}
    for event in sitrep_events(headlines):
        for mention in event.mentions:
            c = coded.get(mention.doc)
            if c is None or mention.event_type not in VIOLENT:
                continue
            c.types.append(mention.event_type)
            c.places += [(p.lat, p.lon) for p in mention_places(mention)[:1]] or [
                (p.lat, p.lon) for p in event.places[:1]
            ]
            c.all_places += [(p.lat, p.lon) for p in mention_places(mention)] + [(p.lat, p.lon) for p in event.places]
            if mention.date:
                c.dates.append((mention.date.start, mention.date.end))
            f = mention.fatalities
            if f is not None and (f.best if f.best is not None else f.low) is not None:
                c.tolls.append(f.best if f.best is not None else f.low)  # type: ignore[arg-type]
    return coded


def code_with_keywords(headlines: list[Headline]) -> dict[str, Coded]:
    sys.path.insert(0, str(HERE.parent))
    from baseline import code_document  # type: ignore[import-not-found]

    from sitrep.geo import Gazetteer

    gazetteer = Gazetteer.open()
    coded: dict[str, Coded] = {}
    for h in headlines:
        c = Coded([], [], [], [])
        for e in code_document(h.id, h.text, h.published, h.outlet, gazetteer):
            if e["event_type"] not in VIOLENT:
                continue
            c.types.append(e["event_type"])
            c.places += [(loc["lat"], loc["lon"]) for loc in e["locations"][:1]]
            if e["date"]:
                c.dates.append((dt.date.fromisoformat(e["date"]["start"]), dt.date.fromisoformat(e["date"]["end"])))
            if e["fatalities"] is not None:
                c.tolls.append(e["fatalities"])
        coded[h.id] = c
    return coded


@dataclass
class Result:
    headlines: int
    detected: int
    typed: int
    named_place: int
    placed: int
    dated: int
    with_toll: int
    toll_right: int
    placed_any: int = 0
    no_event_text: int = 0  # headlines with no event text at all (NO_EVENT_TEXT)
    no_event_text_detected: int = 0

    def rates(self) -> dict[str, float]:
        def share(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "detection": share(self.detected, self.headlines),
            "type_given_detected": share(self.typed, self.detected),
            "place_within_25km": share(self.placed, self.named_place),
            "date_given_detected": share(self.dated, self.detected),
            "fatalities_within_range": share(self.toll_right, self.with_toll),
        }


def score(headlines: list[Headline], coded: dict[str, Coded], show: str | None) -> Result:
    from sitrep.geo.distance import haversine_km as distance_km

    r = Result(len(headlines), 0, 0, 0, 0, 0, 0, 0)
    for h in headlines:
        c = coded[h.id]
        failures = []
        detected = bool(c.types)
        r.detected += detected
        if carries_no_event_text(h.text):
            r.no_event_text += 1
            r.no_event_text_detected += detected
        if detected:
            admitted = set().union(*(ADMITTED.get(row["type_of_violence"], set()) for row in h.rows))
            typed = any(t in admitted for t in c.types)
            r.typed += typed
            start = min(dt.date.fromisoformat(row["date_start"]) for row in h.rows) - dt.timedelta(days=1)
            end = max(dt.date.fromisoformat(row["date_end"]) for row in h.rows) + dt.timedelta(days=1)
            dated = any(s <= end and start <= e for s, e in c.dates)
            r.dated += dated
            if not typed:
                failures.append(f"type {c.types}")
            if not dated:
                failures.append(f"date {c.dates[:1]} vs {start + dt.timedelta(days=1)}")
        else:
            failures.append("no violent event")
        named = [
            row
            for row in h.rows
            if row["where_prec"] in NAMED_PRECISION and names_place(h.text, row["where_coordinates"])
        ]
        if named:
            r.named_place += 1
            placed = any(
                distance_km(lat, lon, row["latitude"], row["longitude"]) <= PLACE_KM
                for lat, lon in c.places
                for row in named
            )
            r.placed += placed
            r.placed_any += any(
                distance_km(lat, lon, row["latitude"], row["longitude"]) <= PLACE_KM
                for lat, lon in c.all_places or c.places
                for row in named
            )
            if not placed:
                failures.append(f"place: {named[0]['where_coordinates']} not within 25 km of {c.places[:2]}")
        bounds = [(row["low"], row["high"]) for row in h.rows]
        bounds.append((sum(b[0] for b in bounds), sum(b[1] for b in bounds)))
        stated = [WORD_NUMBERS.get(m[1].lower()) if not m[1].isdigit() else int(m[1]) for m in TOLL.finditer(h.text)]
        if any(n is not None and lo <= n <= hi for n in stated for lo, hi in bounds):
            r.with_toll += 1
            right = any(lo <= toll <= hi for toll in c.tolls for lo, hi in bounds)
            r.toll_right += right
            if not right:
                failures.append(f"toll {c.tolls} vs UCDP {bounds[:3]}")
        if show == "misses" and failures:
            print(f"- {h.text!r} ({h.published}): {'; '.join(failures)}")
    return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("-n", type=int, default=1000, help="headlines to take from the split (hash order)")
    parser.add_argument("--coder", choices=["sitrep", "keyword"], default="sitrep")
    parser.add_argument("--show", choices=["misses"], help="list each failing headline (dev split only)")
    parser.add_argument("--out", type=Path, help="write the scores as JSON")
    args = parser.parse_args(argv)
    if args.show and args.split == "test":
        parser.error("the test split is held out: scores only, no per-headline lists (use --split dev)")
    headlines = [h for h in load_headlines() if h.split == args.split][: args.n]
    coded = (code_with_sitrep if args.coder == "sitrep" else code_with_keywords)(headlines)
    result = score(headlines, coded, args.show)
    rates = result.rates()
    print(f"UCDP headlines, {args.split} split, {result.headlines} headlines, coder {args.coder}")
    print(f"  detection            {rates['detection']:.3f}  ({result.detected}/{result.headlines})")
    with_text = result.headlines - result.no_event_text
    print(
        f"    (of {with_text} headlines with event text: {result.detected - result.no_event_text_detected} detected, "
        f"{with_text - result.detected + result.no_event_text_detected} missed; {result.no_event_text} carry no event "
        "text: report ids, links, site codes)"
    )
    print(f"  type | detected      {rates['type_given_detected']:.3f}  ({result.typed}/{result.detected})")
    print(
        f"  place within 25 km   {rates['place_within_25km']:.3f}  ({result.placed}/{result.named_place} "
        "headlines naming UCDP's place)"
    )
    if args.coder == "sitrep":
        print(
            f"    (diagnostic: any place of the events within 25 km: {result.placed_any}/{result.named_place}; "
            "the score above takes each event's first place)"
        )
    print(f"  date | detected      {rates['date_given_detected']:.3f}  ({result.dated}/{result.detected})")
    print(
        f"  fatalities in range  {rates['fatalities_within_range']:.3f}  ({result.toll_right}/{result.with_toll} "
        "headlines stating UCDP's toll)"
    )
    if args.out:
        args.out.write_text(
            json.dumps({"split": args.split, "coder": args.coder, **asdict(result), **rates}, indent=2),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
