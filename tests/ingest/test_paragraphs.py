"""Paragraphs and page furniture: captions, links, comment headers and bylines are marked, never deleted."""

from __future__ import annotations

import pytest

from sitrep.ingest.paragraphs import classify_paragraph, mark_paragraphs, split_paragraphs, title_variants

BODY = "Heavy fighting broke out in the town on Sunday, residents said, forcing hundreds of families to flee."


def kinds(text: str, title: str | None = None) -> list[str]:
    return [p.kind for p in mark_paragraphs(text, title)]


# --- splitting -------------------------------------------------------------------------------


def test_blank_lines_separate_paragraphs_and_hard_wrapped_lines_stay_together() -> None:
    text = "Headline here\n\nFirst paragraph that is\nhard-wrapped over two lines.\n\n  Second paragraph.  \n"
    ranges = split_paragraphs(text)
    assert [text[s:e] for s, e in ranges] == [
        "Headline here",
        "First paragraph that is\nhard-wrapped over two lines.",
        "Second paragraph.",
    ]


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    text = "Headline\nFirst line of the report.\n\nOops"  # one blank line somewhere switches mode
    assert len(split_paragraphs("Headline\nFirst line.\nSecond line.")) == 3
    assert len(split_paragraphs(text)) == 2


def test_paragraph_offsets_point_into_the_original_text() -> None:
    text = "Title\n\n\tIndented body text.\r\n\r\nLast one."
    paragraphs = mark_paragraphs(text)
    assert len(paragraphs) == 3
    for paragraph in paragraphs:
        chunk = text[paragraph.start : paragraph.end]
        assert chunk == chunk.strip() and chunk


# --- furniture -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Smoke rises over Khan Younis after an Israeli strike (AP)",
        "Displaced families shelter in a school in Goma (Reuters)",
        "Ukrainian servicemen fire a howitzer near Bakhmut. (Photo: Ministry of Defence)",
        "A destroyed tank on the road to Wad Madani (AFP)",
        "Syrian Civil Defence workers search the rubble in Idlib / AFP",
        "Fighters of the Somali army in Mogadishu | Getty Images",
        "Photo: Rescue workers at the site of the blast in Quetta",
        "File photo: Houthi supporters rally in Sanaa",
        "Image by Anadolu Agency",
        "A video grab shows the damaged bridge (Social media)",
    ],
)
def test_captions_are_marked(text: str) -> None:
    assert classify_paragraph(text, index=3) == "caption"


@pytest.mark.parametrize(
    "text",
    [
        "Read more: Sudan's war, explained",
        "READ MORE | Why the Sahel juntas turned to Russia",
        "See also: Timeline of the siege of El Fasher",
        "Related: Gaza ceasefire talks stall again",
        "Watch - Drone footage shows the strike",
        "Read more",
        "Click here to subscribe to our newsletter",
    ],
)
def test_links_to_other_articles_are_marked(text: str) -> None:
    assert classify_paragraph(text, index=5) == "link"


@pytest.mark.parametrize(
    "text",
    [
        "Responses",
        "3 Comments",
        "Leave a comment",
        "Add a reply",
        "Share this article",
        "Tags: Syria, Iraq",
        "Copyright 2024 Reuters. All rights reserved.",
        "© Al Jazeera Media Network",
    ],
)
def test_comment_headers_and_page_footers_are_marked(text: str) -> None:
    assert classify_paragraph(text, index=9) == "comments"


@pytest.mark.parametrize(
    "text",
    [
        "By Aisha Ahmed",
        "By Aisha Ahmed and Tom Bateman, BBC News, Jerusalem",
        "By Maria Tsvetkova, Reuters",
        "Reporting by Khalid Abdelaziz; Editing by Alex Richardson",
        "Additional reporting by Ahmed Rasheed in Baghdad",
        "Agencies",
    ],
)
def test_bylines_are_marked(text: str) -> None:
    assert classify_paragraph(text, index=1) == "byline"


@pytest.mark.parametrize(
    "text",
    [
        # Wire copy often has one-sentence paragraphs that start like furniture but are reports.
        "By nightfall, the militia had withdrawn from the town.",
        "By Tuesday, fighters had seized the main road to Kidal.",
        "By the end of the day, at least 40 people had been killed in Bakhmut.",
        "By Monday, the rebels had fled.",
        "By dawn, M23 held Sake.",
        "KHARTOUM (Reuters) - Sudan's army said on Sunday it had retaken the city of Wad Madani.",
        "Responses to the attack came quickly from Baghdad and Tehran, officials said.",
        BODY + " The strike came a day after a convoy was hit near the border crossing at Rafah, witnesses "
        "told the agency, and the army said it was investigating the reports of civilian deaths in the area, "
        "while the health ministry said the death toll could rise as rescuers dug through rubble and more "
        "bodies were brought to the hospital (AFP)",
    ],
)
def test_report_sentences_that_look_like_furniture_stay_body_text(text: str) -> None:
    assert classify_paragraph(text, index=4) == "body"


# --- headlines ---------------------------------------------------------------------------------


def test_a_short_first_line_without_a_full_stop_is_the_headline() -> None:
    text = f"Dozens killed as RSF shells El Fasher market\n\n{BODY}\n\nBy Aisha Ahmed\n\nResponses"
    assert kinds(text) == ["headline", "body", "byline", "comments"]


def test_a_first_paragraph_equal_to_the_given_title_is_the_headline_even_if_long() -> None:
    title = "Ukraine says it downed 21 of 28 drones launched overnight at Kharkiv, Odesa and Kyiv."
    assert kinds(f"{title}\n\n{BODY}", title=title) == ["headline", "body"]


def test_an_article_without_a_headline_starts_with_body_text() -> None:
    assert kinds(f"{BODY}\n\nMore fighting was reported later.")[0] == "body"


def test_only_the_first_paragraph_can_be_the_headline() -> None:
    assert kinds(f"{BODY}\n\nA short line without a stop")[1] == "body"


def test_a_whole_article_keeps_every_paragraph_and_marks_the_furniture() -> None:
    text = "\n\n".join(
        [
            "Drone strike hits fuel depot in Kharkiv",
            "By Olena Harmash, Reuters",
            "Firefighters at the scene of the strike (Reuters)",
            "A Russian drone struck a fuel depot in Kharkiv overnight, the governor said on Telegram.",
            "Read more: Kharkiv under fire",
            "No casualties were reported, the governor said.",
            "2 Responses",
        ]
    )
    marked = mark_paragraphs(text)
    assert [p.kind for p in marked] == ["headline", "byline", "caption", "body", "link", "body", "comments"]
    assert [p.is_furniture for p in marked] == [False, True, True, False, True, False, True]


# --- titles -----------------------------------------------------------------------------------------


def test_a_page_title_gives_its_parts_between_separators_longest_first() -> None:
    title = "Shelling kills six in border village Monitor - Region - World Daily Site"
    assert title_variants(title) == [
        title,
        "Shelling kills six in border village Monitor",
        "World Daily Site",
    ]


def test_a_title_under_three_words_and_its_short_parts_give_nothing_to_look_for() -> None:
    assert title_variants("Syria Live") == []
    assert title_variants("Aleppo - Syria Live") == ["Aleppo - Syria Live"]  # the whole title, as printed
    assert title_variants("") == []
