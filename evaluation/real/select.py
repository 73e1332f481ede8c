"""Pick the real articles to gold-code and deal them into coding batches (run once; the output is committed).

Wikinews: every 2019-2020 article that reports conflict, political violence or unrest (chosen by reading the
titles; listed below). FA-KES: articles whose crowd-sourced (date, place) key is shared by 2-8 articles of
different outlets within three days, i.e. incidents covered by several outlets, taken group by group in a
seeded random order until the quota is met. A group never straddles two batches, so that the coder of a
batch sees every article of an incident and can link them.

    python evaluation/real/select.py /work/shared/data/realtext
    python evaluation/real/select.py /work/shared/data/realtext --second-round
    python evaluation/real/select.py /work/shared/data/realtext --third-round
    python evaluation/real/select.py /work/shared/data/realtext --fourth-round
    python evaluation/real/select.py /work/shared/data/realtext --fifth-round

The second round (session 6) takes every multi-outlet group the first quota left, in the same seeded order,
into batches 9-11, and appends them to articles.jsonl and batches.json without touching the first round.

The third round (session 10) finds every multi-outlet group coded, so it takes FA-KES articles not yet coded
one by one in a seeded random order, those whose dataset incident (place, dates within three days, chained
as above) holds no coded article first, 36 into batch12 and the next 24 into batch13. Picked articles of one
place whose dataset dates lie within three days of each other share one dataset group, so that build.py keeps
them on one side; an article that reports an incident an earlier batch coded is linked to it by the coder
through the incident key.

The fourth round (session 11) first takes the Wikinews 2019-2020 articles on conflict that the first round's
list left out (found by reading every remaining title: a follow-up of a coded incident, and two whose only
violence is a disaster or a suspected attack, to test what is not coded), then FA-KES articles not yet coded in
one seeded random order of the whole dataset, filling FOURTH_ROUND_BATCHES in order. A batch already in
batches.json is left as it is, so adding a batch to FOURTH_ROUND_BATCHES and running again deals only the new
one (the order is fixed over the whole dataset, so taking articles out does not reshuffle the rest).

The fifth round (session 12) continues the fourth round's seeded order into FIFTH_ROUND_BATCHES (batch24 on, 16
FA-KES articles each, the same size as batches 15-23): `--fifth-round` deals the batches of that list not yet in
batches.json, exactly as `--fourth-round` does (no Wikinews article on conflict was left).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
FAKES_QUOTA = 138
FAKES_BATCHES = 6
WIKINEWS_BATCHES = 2
SECOND_ROUND_BATCHES = 3
THIRD_ROUND_BATCHES = {"batch12": 36, "batch13": 24}
FOURTH_ROUND_BATCHES = {"batch14": 24} | {f"batch{n}": 16 for n in range(15, 24)}
FOURTH_ROUND_SEED = 11
FIFTH_ROUND_BATCHES = {f"batch{n}": 16 for n in range(24, 39)}

# Wikinews titles (2019-2020) that report armed conflict, political violence, terrorism or unrest, including
# two whose incident is only background (a sentencing, a fiancée's plea) to test that background is not coded.
WIKINEWS_TITLES = [
    "Arrest made as mayor of Gdańsk, Poland stabbed on stage",
    "Man sets himself on fire outside US White House",
    "Tunisian Prime Minister signs decree to ban face veils in public institutions, government offices",
    "Charlottesville, Virginia killer sentenced to life in prison",
    "Puerto Rico governor announces resignation following protests",
    "Gunman opens fire in El Paso, Texas superstore; more than 20 dead",
    "Hong Kong protests continue through police opposition, rainstorms",
    "Hong Kong leader announces withdrawal of extradition bill",
    "US President Trump says Osama bin Laden's son killed",
    "Iran's President Rouhani tells foreign powers to leave Persian Gulf",
    "Fiancée of murdered Saudi journalist demands justice at UN General Assembly",
    "US President Trump announces troop withdrawal from Syria",
    "Hong Kong's Carrie Lam delivers speech on video after protests in legislature",
    "Hundreds of Hong Kong district council seats go to pro-democracy candidates",
    "Bystanders foil knife-weilding man on London Bridge with fire extinguisher, whale tusk",
    "Iraqi Parliament votes for expulsion of United States troops",
    "Stampede during funeral procession of Qasem Soleimani causes deaths, delays burial",
    "Iran admits downing Ukrainian jet, cites 'human error'",
    "Police shoot man dead after 'terrorist-related' knife attack in London",
    "Three killed, three others injured in stabbing attack in Reading, UK",
    "Iran issues arrest warrants for 36 people, including US President Trump; seeks Interpol's aid",
    "Germany says Alexei Navalny poisoned with Novichok",
    "South London police officer Matt Ratana shot in custody centre",
    "Suspect in Kenosha, Wisconsin protester killings released from jail on US$2 million bond",
    "Conservative groups hold rally in Washington D.C. claiming U.S. elections were stolen from President Trump",
]

# Wikinews titles (2019-2020) on conflict or political violence the list above left out, found by reading the
# other 253 titles: Navalny's evacuation (the poisoning a coded article reports), a war-damaged block's collapse
# in Aleppo, and an apartment-block explosion officially blamed on gas that some reports call terrorism.
FOURTH_ROUND_WIKINEWS = [
    "Russia's Navalny airlifted to Germany",
    "Block of flats collapses in Aleppo, killing eleven",
    "Magnitogorsk apartment building collapses after explosion, dozens dead",
]

OUTLETS = {
    "ahram": "Ahram Online",
    "manar": "Al-Manar",
    "alalam": "Al-Alam",
    "alaraby": "The New Arab (Al-Araby Al-Jadeed)",
    "dailysabah": "Daily Sabah",
    "sputnik": "Sputnik",
    "etilaf": "Syrian National Coalition (Etilaf)",
    "sana": "SANA",
    "trt": "TRT World",
    "reuters": "Reuters",
    "jordantimes": "Jordan Times",
    "arabiya": "Al Arabiya",
    "nna": "National News Agency (Lebanon)",
    "asharqalawsat": "Asharq Al-Awsat",
    "tass": "TASS",
}
MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}
HEADER_DATE = re.compile(r"\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(20\d\d)\b", re.I)
HEADER_DATE_US = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\s+(20\d\d)\b", re.I
)


def header_date(text: str) -> str | None:
    """The publication date printed in the first 120 characters of an article, if any."""
    head = text[:120]
    m = HEADER_DATE.search(head)
    if m:
        return dt.date(int(m[3]), MONTHS[m[2][:3].lower()], int(m[1])).isoformat()
    m = HEADER_DATE_US.search(head)
    if m:
        return dt.date(int(m[3]), MONTHS[m[1][:3].lower()], int(m[2])).isoformat()
    return None


def dataset_date(value: str) -> dt.date:
    month, day, year = value.split("/")
    return dt.date(2000 + int(year), int(month), int(day))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def fakes_row(article: dict[str, str], name: str, group_index: int) -> dict[str, object]:
    return {
        "file": name,
        "source_id": article["id"],
        "outlet": OUTLETS[article["outlet_code"]],
        "published": header_date(article["text"]),
        "title": article["title"],
        "language": "en",
        "dataset_group": f"fakes-g{group_index:03d}",
        "dataset_date_unreliable": article["dataset_date_unreliable"],
        "dataset_location": article["dataset_location"],
        "licence": "CC BY (FA-KES, Abu Salem et al. 2019)",
    }


def load_fakes(realtext: Path) -> list[dict[str, str]]:
    """Every FA-KES article once (the dataset repeats a few records verbatim under one id)."""
    with gzip.open(realtext / "fa-kes-syria.jsonl.gz", "rt", encoding="utf-8") as handle:
        return list({a["id"]: a for a in map(json.loads, handle)}.values())


def dataset_incidents(fakes: list[dict[str, str]]) -> list[list[dict[str, str]]]:
    """FA-KES articles chained into the dataset's incidents: one place, dates within three days of the previous
    article's."""
    order = sorted(fakes, key=lambda a: (a["dataset_location"], dataset_date(a["dataset_date_unreliable"]), a["id"]))
    groups: list[list[dict[str, str]]] = []
    previous: tuple[str, dt.date] | None = None
    for article in order:
        key = (article["dataset_location"], dataset_date(article["dataset_date_unreliable"]))
        if previous and previous[0] == key[0] and (key[1] - previous[1]).days <= 3:
            groups[-1].append(article)
        else:
            groups.append([article])
        previous = key
    return groups


def multi_outlet_groups(realtext: Path) -> list[list[dict[str, str]]]:
    """FA-KES articles of one place whose dataset dates lie within three days of each other, 2-8 articles from
    at least two outlets, in the seeded order both rounds take them in."""
    groups = dataset_incidents(load_fakes(realtext))
    several = [g for g in groups if 2 <= len(g) <= 8 and len({a["outlet_code"] for a in g}) >= 2]
    random.Random(13).shuffle(several)
    return several


def second_round(realtext: Path) -> None:
    """Every multi-outlet group the first round left, dealt into batches 9-11 and appended."""
    articles_path = HERE / "source" / "articles.jsonl"
    batches_path = HERE / "source" / "batches.json"
    rows = [json.loads(line) for line in articles_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    batches: dict[str, list[str]] = json.loads(batches_path.read_text(encoding="utf-8"))
    taken = {row["source_id"] for row in rows}
    next_group = 1 + max(
        int(str(r["dataset_group"])[len("fakes-g") :]) for r in rows if str(r["dataset_group"]).startswith("fakes-g")
    )
    left = [g for g in multi_outlet_groups(realtext) if not any(a["id"] in taken for a in g)]
    loads = [0] * SECOND_ROUND_BATCHES
    first = len(batches) + 1
    for offset, group in enumerate(sorted(left, key=len, reverse=True)):
        b = loads.index(min(loads))
        loads[b] += len(group)
        for article in group:
            name = f"fakes_{article['id'].split(':')[1]}.txt"
            (HERE / "source" / "articles" / name).write_text(article["text"], encoding="utf-8")
            batches.setdefault(f"batch{first + b}", []).append(name)
            rows.append(fakes_row(article, name, next_group + offset))
    articles_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    batches_path.write_text(json.dumps(batches, indent=1) + "\n", encoding="utf-8")
    print(f"second round: {sum(loads)} FA-KES articles in {len(left)} groups", loads)


def third_round(realtext: Path) -> None:
    """FA-KES articles not yet coded, in a seeded random order (dataset incidents no batch coded first), dealt
    into batch12 and batch13 and appended."""
    articles_path = HERE / "source" / "articles.jsonl"
    batches_path = HERE / "source" / "batches.json"
    rows = [json.loads(line) for line in articles_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    batches: dict[str, list[str]] = json.loads(batches_path.read_text(encoding="utf-8"))
    if any(name in batches for name in THIRD_ROUND_BATCHES):
        sys.exit("the third round is already in batches.json")
    taken = {row["source_id"] for row in rows}
    fakes = load_fakes(realtext)
    # Records repeated under another id with the same text are the same article.
    taken_texts = {a["text"] for a in fakes if a["id"] in taken}
    incident_of = {a["id"]: index for index, group in enumerate(dataset_incidents(fakes)) for a in group}
    coded_incidents = {incident_of[i] for i in taken if i in incident_of}
    left = [a for a in fakes if a["id"] not in taken and a["text"] not in taken_texts]
    left.sort(key=lambda a: a["id"])
    random.Random(10).shuffle(left)
    left.sort(key=lambda a: incident_of[a["id"]] in coded_incidents)  # stable: fresh incidents first
    unique: dict[str, dict[str, str]] = {}
    for article in left:
        unique.setdefault(article["text"], article)
    picked = list(unique.values())[: sum(THIRD_ROUND_BATCHES.values())]
    # The dataset's chains run long over a busy place: group the picked articles among themselves.
    next_group = 1 + max(
        int(str(r["dataset_group"])[len("fakes-g") :]) for r in rows if str(r["dataset_group"]).startswith("fakes-g")
    )
    group_of = {a["id"]: next_group + index for index, group in enumerate(dataset_incidents(picked)) for a in group}
    quotas = [batch for batch, quota in THIRD_ROUND_BATCHES.items() for _ in range(quota)]
    for batch, article in zip(quotas, picked, strict=True):
        name = f"fakes_{article['id'].split(':')[1]}.txt"
        (HERE / "source" / "articles" / name).write_text(article["text"], encoding="utf-8")
        batches.setdefault(batch, []).append(name)
        rows.append(fakes_row(article, name, group_of[article["id"]]))
    articles_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    batches_path.write_text(json.dumps(batches, indent=1) + "\n", encoding="utf-8")
    fresh = sum(1 for a in left if incident_of[a["id"]] not in coded_incidents)
    print(f"third round: {len(left)} FA-KES articles not coded ({fresh} of incidents no batch coded)")
    print({name: len(batches[name]) for name in THIRD_ROUND_BATCHES}, f"{len(set(group_of.values()))} dataset groups")


def wikinews_row(article: dict[str, str], name: str, index: int) -> dict[str, object]:
    return {
        "file": name,
        "source_id": article["id"],
        "outlet": "Wikinews",
        "published": article["published"],
        "title": article["title"],
        "url": article["url"],
        "language": "en",
        "dataset_group": f"wikinews-{index:03d}",
        "licence": "CC BY 2.5 (Wikinews contributors)",
    }


def fourth_round(realtext: Path, round_batches: dict[str, int] = FOURTH_ROUND_BATCHES) -> None:
    """The Wikinews conflict articles not yet coded, then FA-KES articles not yet coded in one seeded order of the
    whole dataset, dealt into the round's batches not yet in batches.json and appended."""
    articles_path = HERE / "source" / "articles.jsonl"
    batches_path = HERE / "source" / "batches.json"
    rows = [json.loads(line) for line in articles_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    batches: dict[str, list[str]] = json.loads(batches_path.read_text(encoding="utf-8"))
    todo = {name: quota for name, quota in round_batches.items() if name not in batches}
    if not todo:
        sys.exit("every batch of this round is already in batches.json")
    taken = {row["source_id"] for row in rows}
    with gzip.open(realtext / "wikinews-2019-2020.jsonl.gz", "rt", encoding="utf-8") as handle:
        by_title = {a["title"]: a for a in map(json.loads, handle)}
    wikinews = [by_title[t] for t in FOURTH_ROUND_WIKINEWS if by_title[t]["id"] not in taken]
    fakes = sorted(load_fakes(realtext), key=lambda a: a["id"])
    random.Random(FOURTH_ROUND_SEED).shuffle(fakes)
    # Records repeated under another id with the same text are the same article.
    seen_texts = {a["text"] for a in fakes if a["id"] in taken}
    left: list[dict[str, str]] = []
    for article in fakes:
        if article["id"] not in taken and article["text"] not in seen_texts:
            seen_texts.add(article["text"])
            left.append(article)
    quotas = [batch for batch, quota in todo.items() for _ in range(quota)]
    wikinews = wikinews[: len(quotas)]
    picked = left[: len(quotas) - len(wikinews)]
    next_wikinews = 1 + max(
        int(str(r["dataset_group"])[len("wikinews-") :])
        for r in rows
        if str(r["dataset_group"]).startswith("wikinews-")
    )
    next_group = 1 + max(
        int(str(r["dataset_group"])[len("fakes-g") :]) for r in rows if str(r["dataset_group"]).startswith("fakes-g")
    )
    # Picked articles of one place whose dataset dates chain within three days share a group (build.py keeps
    # them on one side); a link to an earlier batch's incident is made by the coder through the incident key.
    group_of = {a["id"]: next_group + index for index, group in enumerate(dataset_incidents(picked)) for a in group}
    articles_dir = HERE / "source" / "articles"
    for offset, (batch, article) in enumerate(zip(quotas, wikinews + picked, strict=True)):
        if offset < len(wikinews):
            name = f"wikinews_{slug(article['title'])}.txt"
            row = wikinews_row(article, name, next_wikinews + offset)
        else:
            name = f"fakes_{article['id'].split(':')[1]}.txt"
            row = fakes_row(article, name, group_of[article["id"]])
        (articles_dir / name).write_text(article["text"], encoding="utf-8")
        batches.setdefault(batch, []).append(name)
        rows.append(row)
    articles_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    batches_path.write_text(json.dumps(batches, indent=1) + "\n", encoding="utf-8")
    print(f"{len(wikinews)} Wikinews, {len(picked)} FA-KES of {len(left)} not coded")
    print({name: len(batches[name]) for name in todo}, f"{len(set(group_of.values()))} dataset groups")


def main(realtext: Path) -> None:
    with gzip.open(realtext / "wikinews-2019-2020.jsonl.gz", "rt", encoding="utf-8") as handle:
        wikinews = [json.loads(line) for line in handle]
    by_title = {a["title"]: a for a in wikinews}
    chosen_wn = [by_title[t] for t in WIKINEWS_TITLES]
    several = multi_outlet_groups(realtext)
    picked: list[list[dict[str, str]]] = []
    total = 0
    for group in several:
        if total >= FAKES_QUOTA:
            break
        picked.append(group)
        total += len(group)

    articles_dir = HERE / "source" / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    batches: dict[str, list[str]] = {}
    # Deal groups to batches greedily by size so batches come out even.
    loads = [0] * FAKES_BATCHES
    for index, group in enumerate(sorted(picked, key=len, reverse=True)):
        b = loads.index(min(loads))
        loads[b] += len(group)
        for article in group:
            name = f"fakes_{article['id'].split(':')[1]}.txt"
            (articles_dir / name).write_text(article["text"], encoding="utf-8")
            batches.setdefault(f"batch{b + 1}", []).append(name)
            rows.append(fakes_row(article, name, index))
    for index, article in enumerate(chosen_wn):
        name = f"wikinews_{slug(article['title'])}.txt"
        (articles_dir / name).write_text(article["text"], encoding="utf-8")
        batches.setdefault(f"batch{FAKES_BATCHES + 1 + index % WIKINEWS_BATCHES}", []).append(name)
        rows.append(wikinews_row(article, name, index))
    (HERE / "source" / "articles.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    (HERE / "source" / "batches.json").write_text(json.dumps(batches, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} articles ({total} FA-KES in {len(picked)} groups, {len(chosen_wn)} Wikinews)")
    print({k: len(v) for k, v in batches.items()})
    print("FA-KES without a header date:", sum(1 for r in rows if r["published"] is None))


if __name__ == "__main__":
    if "--second-round" in sys.argv[2:]:
        second_round(Path(sys.argv[1]))
    elif "--third-round" in sys.argv[2:]:
        third_round(Path(sys.argv[1]))
    elif "--fourth-round" in sys.argv[2:]:
        fourth_round(Path(sys.argv[1]))
    elif "--fifth-round" in sys.argv[2:]:
        fourth_round(Path(sys.argv[1]), FIFTH_ROUND_BATCHES)
    else:
        main(Path(sys.argv[1]))
