"""Writes ``reports.jsonl``: 300 short one-incident reports, as monitors write them (run once; seeded).

Each report is its own incident: ten per province per day, in ten provinces of three countries over three days,
at distinct places: real towns and villages the gazetteer lacks (invented names). Nothing here is real: the
incidents, villages, figures and outlets are made up for sitrep (MIT, see PROVENANCE). A resolver that merges two
of these reports has merged two incidents.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).parent
DAYS = ["2024-03-11", "2024-03-12", "2024-03-13"]
WEEKDAY = {"2024-03-11": "Monday", "2024-03-12": "Tuesday", "2024-03-13": "Wednesday"}

# Province -> (country, real towns, invented villages the gazetteer lacks)
PROVINCES: dict[str, tuple[str, list[str], list[str]]] = {
    "Idlib": (
        "Syria",
        ["Saraqib", "Ariha", "Maarat al-Numan", "Jisr al-Shughur", "Sarmin"],
        ["Kafr Dubbin", "Tell Marqa", "Beit Halun", "Ein Sabra", "Jabal Qurti", "Umm Tweina"],
    ),
    "Aleppo": (
        "Syria",
        ["Al-Bab", "Azaz", "Manbij", "Afrin", "Jarabulus"],
        ["Tell Ruman", "Kafr Hazra", "Ain Dahla", "Sheikh Nasra", "Qara Mazraa", "Bir Hasan"],
    ),
    "Hama": (
        "Syria",
        ["Kafr Zita", "Latamneh", "Suran", "Murak", "Salamiyah"],
        ["Tell Sahra", "Kafr Nuwa", "Ain Rahba", "Umm Sharif", "Jubb Tamr", "Rasm Fadel"],
    ),
    "Deir ez-Zor": (
        "Syria",
        ["Al-Mayadin", "Al-Bukamal", "Hajin", "Al-Asharah", "Muhasan"],
        ["Tell Dhiyab", "Kafr Jazra", "Ain Shuhaib", "Umm Ghadir", "Jubb Hamra", "Rasm Abbas"],
    ),
    "Donetsk": (
        "Ukraine",
        ["Kramatorsk", "Sloviansk", "Pokrovsk", "Kostiantynivka", "Toretsk"],
        ["Verkhnia Lypivka", "Zelenyi Hai", "Stepova Balka", "Novyi Yar", "Kamianyi Brid", "Sosnivka Persha"],
    ),
    "Kharkiv": (
        "Ukraine",
        ["Kupiansk", "Vovchansk", "Izium", "Balakliia", "Chuhuiv"],
        ["Hlyboka Dolyna", "Tykha Rika", "Pishchane Pole", "Bilyi Kolodiaz Druhyi", "Lisova Hreblia", "Stara Dibrova"],
    ),
    "Zaporizhzhia": (
        "Ukraine",
        ["Orikhiv", "Huliaipole", "Stepnohirsk", "Vilniansk", "Polohy"],
        ["Mala Tokmachka Druha", "Zoriane Pole", "Kamiana Hreblia", "Tykhyi Hai", "Sosnova Balka", "Vyshneve Pole"],
    ),
    "North Darfur": (
        "Sudan",
        ["El Fasher", "Kutum", "Mellit", "Kabkabiya", "Tawila"],
        ["Um Hashaba", "Wadi Kaleh", "Goz Bandi", "Tora Nabaq", "Abu Zerega Sharg", "Kulkul Jadid"],
    ),
    "Gezira": (
        "Sudan",
        ["Wad Madani", "Rufaa", "Al-Hasaheisa", "Al-Managil", "Tamboul"],
        ["Wad Ushana", "Um Dawanban Gharb", "Tayba Nasr", "Hillat Balla", "Abu Haraz Sharg", "Wad Rawa Jadid"],
    ),
    "Khartoum": (
        "Sudan",
        ["Omdurman", "Bahri", "Soba", "Jebel Aulia", "Al-Kalakla"],
        ["Um Badda Gharb", "Hillat Kuku Jadid", "Wad Hamid Sharg", "Al-Jiraif Qibli", "Abu Seid Gharb", "Shigla Nasr"],
    ),
}

ACTORS = {
    "Syria": [
        ("Syrian government forces", "opposition fighters"),
        ("Hayat Tahrir al-Sham fighters", "army soldiers"),
        ("Russian warplanes", None),
        ("Turkish drones", None),
    ],
    "Ukraine": [
        ("Russian forces", "Ukrainian troops"),
        ("Russian forces", None),
        ("Ukrainian forces", "Russian troops"),
    ],
    "Sudan": [
        ("the Rapid Support Forces", "the Sudanese army"),
        ("the Sudanese army", "RSF fighters"),
        ("the Rapid Support Forces", None),
        ("Sudanese army warplanes", None),
    ],
}

TEMPLATES = [
    # (event type, sentence); {a} attacker, {b} opponent, {p} place, {prov} province, {d} weekday, {n} number
    (
        "Explosions/Remote violence",
        "{A} shelled {p} in {prov} province on {d}, killing {n} civilians, local sources said.",
    ),
    ("Explosions/Remote violence", "An air strike by {a} hit a house in {p}, {prov}, on {d}, killing {n} people."),
    ("Explosions/Remote violence", "A roadside bomb exploded near {p} in {prov} on {d}, killing {n} passers-by."),
    ("Battles", "{A} clashed with {b} near {p} in {prov} province on {d}; {n} fighters were killed."),
    ("Battles", "{A} attacked positions of {b} in {p}, {prov}, on {d}, leaving {n} dead."),
    ("Violence against civilians", "Gunmen shot dead {n} farmers in {p}, {prov} province, on {d}, residents said."),
    ("Violence against civilians", "{A} abducted {n} men from {p} in {prov} on {d}, relatives said."),
    ("Protests", "Residents of {p} in {prov} protested on {d} against shortages of bread and fuel."),
]
OUTLETS = ["Field Monitor", "Regional Desk", "Local Observers Network", "District Watch", "Frontline Log"]


def main() -> None:
    rng = random.Random(14)
    rows = []
    for province, (country, towns, villages) in PROVINCES.items():
        places = towns + villages  # 5 + 6 = 11 distinct places, 10 used per day
        for day in DAYS:
            chosen = rng.sample(places, 10)
            for number, place in enumerate(chosen):
                event_type, template = rng.choice(TEMPLATES)
                attacker, opponent = rng.choice(ACTORS[country])
                opponent = opponent or "the other side"
                text = template.format(
                    A=attacker[0].upper() + attacker[1:],
                    a=attacker,
                    b=opponent,
                    p=place,
                    prov=province,
                    d=WEEKDAY[day],
                    n=rng.randint(1, 9),
                )
                ident = f"{province.lower().replace(' ', '-')}-{day}-{number}"
                rows.append(
                    {
                        "id": ident,
                        "incident": ident,
                        "outlet": rng.choice(OUTLETS),
                        "published": day,
                        "title": "",
                        "text": text,
                        "event_type": event_type,
                        "place": place,
                        "province": province,
                        "country": country,
                        "invented_place": place in villages,
                    }
                )
    with (HERE / "reports.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} reports")


if __name__ == "__main__":
    main()
