"""Print what the pipeline makes of one document: each event mention with its
sentence, type, date and place mentions (text -> gazetteer entry).

    python evaluation/inspect_document.py evaluation/dev/corpus/024_zaporizhzhia_partisan_ua.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.evaluate import refuse_held_out
from sitrep.geo import Gazetteer
from sitrep.ingest.readers import ReadFailure, read_sources
from sitrep.pipeline import process_document


def main() -> None:
    refuse_held_out(Path(a) for a in sys.argv[1:])
    gazetteer = Gazetteer.open()
    for result in read_sources(sys.argv[1:]):
        if isinstance(result, ReadFailure):
            print(f"{result}")
            continue
        processed = process_document(result, gazetteer)
        text = processed.document.text
        print(f"== {processed.document.name}")
        for mention in processed.mentions:
            sentence = text[mention.sentence.start : mention.sentence.end].strip()
            trigger = text[mention.trigger.start : mention.trigger.end]
            date = f"{mention.date.start}..{mention.date.end}" if mention.date else "no date"
            actors = ", ".join(f"{a.role}={a.name}" for a in mention.actors)
            print(f"- {mention.event_type} / {mention.sub_event_type} [{trigger}] {date} | {actors}")
            print(f"    «{sentence[:160]}»")
            for pm in mention.places:
                where = f"{pm.place.name} ({pm.place.country}, {pm.place.precision})" if pm.place else "unresolved"
                print(f"    @ {pm.role}: {pm.text!r} -> {where}")
        for claim in processed.claims:
            print(f"- claim: {text[claim.sentence.start : claim.sentence.end].strip()[:120]}")


if __name__ == "__main__":
    main()
