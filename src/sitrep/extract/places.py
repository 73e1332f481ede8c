"""Place mentions in a sentence: the names a report gives for where something happened.

Three kinds, most trusted first:
- place phrases ("the countryside of al-Hasakah", "the town of Kafr Nabudah"), resolved whole by the geocoder;
- the parser's place entities (GPE, LOC, FAC), less those that stand for something else: an actor ("Washington
  said"), a person ("Oleksandr Prokudin"), an outlet ("North Press"), an institution ("Head of Kherson Oblast
  Military Administration") or a river ("the Dnipro river");
- proper nouns the small model's NER mislabels. After a locative ("near Tessalit") they are ``candidate``s, kept
  if they resolve inside the document's countries; elsewhere ("Nikopol came under fire") they are ``name``s,
  kept only on an exact gazetteer name there (sitrep.geo.inherit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.data import load_yaml, word_set
from sitrep.extract.actors import actor_dictionary
from sitrep.extract.attribution import canonical_outlet, country_possessive_without_apostrophe
from sitrep.extract.dates import WEEKDAY_BY_NAME
from sitrep.extract.triggers import ontology
from sitrep.model import CANDIDATE_ROLE, NAME_ROLE, PlaceMention, Span
from sitrep.nlp.alternation import word_alternation
from sitrep.nlp.entities import document_entities, entities_in
from sitrep.nlp.syntax import DEP, POS
from sitrep.nlp.tokens import document_text, document_tokens, span_text, span_tokens

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Penn tags of relative pronouns and adverbs: "which", "that", "who", "whose", "where".
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _words(name: str) -> frozenset[str]:
    """A word list of the place rules, from ``data/en/places.yaml``."""
    return word_set("en", "places", name)


@dataclass(frozen=True)
class PlaceRules:
    heads: frozenset[str]
    modifier_labels: frozenset[str]
    locatives: frozenset[str]
    institution_words: frozenset[str]
    feature_heads: frozenset[str]
    not_place_words: frozenset[str]
    owner_nouns: frozenset[str]
    sponsor_participles: frozenset[str]
    apposition_words: frozenset[str]
    province_heads: frozenset[str]


@cache
def place_rules() -> PlaceRules:
    rules = load_yaml("place_phrases.yaml")
    return PlaceRules(
        *(
            frozenset(str(w).lower() for w in rules[key])
            for key in (
                "heads",
                "modifier_labels",
                "locatives",
                "institution_words",
                "feature_heads",
                "not_place_words",
                "owner_nouns",
                "sponsor_participles",
                "apposition_words",
                "province_heads",
            )
        )
    )


def place_mentions(sentence: SpacySpan, doc_name: str, not_in: Span | None = None) -> list[PlaceMention]:
    """Place phrases, place entities not inside them, then proper nouns not inside either; none inside
    ``not_in`` (the dateline)."""
    phrases = _place_phrases(sentence)
    named = {(name.start, name.end): (text, name) for p in phrases for text, name in _named_places(p)}
    found = [PlaceMention(_clipped(text), _span(name, doc_name)) for text, name in named.values()]
    for entity in (_without_a_time(_without_a_distance(_whole_name(e))) for e in entities_in(sentence)):
        if entity.label_ not in PLACE_LABELS or _stands_for_something_else(entity):
            continue
        if any(p.start <= entity.start and entity.end <= p.end for p in phrases):
            continue
        found.append(PlaceMention(_clipped(entity.text), _span(entity, doc_name)))
    for capital in _capitals(sentence):
        # "Syria's capital" is the city, not the country its first word names
        found = [pm for pm in found if not (capital.start_char <= pm.span.start and pm.span.end <= capital.end_char)]
        if not any(pm.span.start < capital.end_char and capital.start_char < pm.span.end for pm in found):
            found.append(PlaceMention(capital.text, _span(capital, doc_name)))
    for role, candidates in (
        (CANDIDATE_ROLE, _proper_nouns_after_locatives(sentence)),
        (NAME_ROLE, _other_proper_nouns(sentence)),
    ):
        for candidate in (_without_a_time(c) for c in candidates):
            if not any(pm.span.start < candidate.end_char and candidate.start_char < pm.span.end for pm in found):
                found.append(PlaceMention(_clipped(candidate.text), _span(candidate, doc_name), role=role))
    if not_in is not None:
        found = [pm for pm in found if not (not_in.start <= pm.span.start and pm.span.end <= not_in.end)]
    text = document_text(sentence.doc)
    found = [pm for pm in found if not _a_persons_name(text[max(0, pm.span.start - PERSON_REACH) : pm.span.start])]
    found = [pm for pm in found if not _an_outlets_name(text, pm.span)]
    found = [pm for pm in found if not _a_direction_from(text, pm.span)]
    surnames = _surnames_before(sentence.doc, sentence.start_char)
    found = [pm for pm in found if pm.text not in surnames or _tagged_a_place(sentence, pm.span)]
    return sorted(found, key=lambda pm: pm.span.start)


def _tagged_a_place(sentence: SpacySpan, span: Span) -> bool:
    """The parser tags the words of ``span`` a place (GPE, LOC, FAC): a name it also took for part of a person's
    elsewhere ("Tags Aleppo", "Syrias Aleppo" are no people) is still the place here."""
    return any(
        e.label_ in PLACE_LABELS and e.start_char <= span.start and span.end <= e.end_char
        for e in entities_in(sentence)
    )


def _surnames_before(doc: Doc, start: int) -> frozenset[str]:
    """person_named_again_by_surname: the last words of the people the document names in full (a person entity of
    two words or more) before ``start``. News names a person in full once ("the priest Diaa Aziz", "Alex Fields"),
    then by the surname alone ("Aziz was kidnapped on Saturday"): that word is the person, whatever town the
    gazetteer holds by that name, unless the parser tags it a place there (:func:`_tagged_a_place`) or the document
    writes it as a place anywhere (after "in", "near": ``place_only_locatives``)."""
    return frozenset(name for end, name in _people_named_in_full(doc) if end <= start)


def _people_named_in_full(doc: Doc) -> list[tuple[int, str]]:
    """Where each person named in full ends, with the surname, of those the document never writes as a place; made
    once per document (kept in its ``user_data``: every sentence asks)."""
    key = "sitrep_people_named_in_full"
    if key not in doc.user_data:
        text = document_text(doc)
        doc.user_data[key] = [
            (entity.end_char, entity[-1].text)
            for entity in document_entities(doc)
            if entity.label_ == "PERSON"
            and len(entity) >= 2
            and entity[-1].is_title
            and not _written_as_a_place(text, entity[-1].text)
        ]
    people: list[tuple[int, str]] = doc.user_data[key]
    return people


def _written_as_a_place(text: str, name: str) -> bool:
    """The text writes ``name`` after a preposition only places follow, with at most three lower-case words between
    ("in X", "near the rebel-held east X")."""
    locatives = word_alternation(_words("place_only_locatives"))
    return re.search(rf"\b{locatives}\s+(?:[a-z-]+\s+){{0,3}}{re.escape(name)}\b", text) is not None


def _capitals(sentence: SpacySpan) -> list[SpacySpan]:
    """capital_named_by_its_country: "killed in the capital", "shells fell on the Syrian capital", "east of Syrias
    capital" (its apostrophe lost): "capital" as the object of a locative, alone or after its country or people, is
    that country's capital city (the gazetteer reads it so; "the capital" alone is that of the country the report is
    about); not "the capital of X" nor "the capital Damascus", which name their place, nor "the rebels' de facto
    capital" or "capital" of another sense ("capital punishment")."""
    found = []
    for token in span_tokens(sentence):
        if token.lower_ not in _words("capital_words") or token.dep_ != "pobj" or token.pos_ != "NOUN":
            continue
        # "the outskirts of the capital", "fighters from the capital": near it, or where someone came from
        if token.head.lower_ not in place_rules().locatives or token.head.lower_ in {"of", "from"}:
            continue
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is not None and (
            following.lower_ == "of" or (following.pos_ == "PROPN" and not _an_outlet(following))
        ):
            continue
        owner = _capitals_owner(token)
        if owner is not None:
            found.append(token.doc[owner : token.i + 1])
    return found


def _capitals_owner(capital: Token) -> int | None:
    """Where "the capital", "the Syrian capital" or "Syria's capital" begins; None when other words stand before
    "capital" ("the rebels' de facto capital")."""
    before = [t for t in capital.lefts]
    if [t.lower_ for t in before] == ["the"]:
        return before[0].i
    if len(before) == 2 and before[0].lower_ == "the" and before[1].lower_ in actor_dictionary().demonyms:
        return before[0].i
    if len(before) == 1 and before[0].pos_ == "PROPN" and _names_an_owner(before[0]):
        return before[0].left_edge.i
    return None


def _names_an_owner(word: Token) -> bool:
    """ "Syria's capital", and "Syrias capital" in a text that lost its apostrophes (the parser then calls the word
    a compound and the country an organisation)."""
    if word.dep_ == "poss":
        return word.ent_type_ == "GPE"
    return word.dep_ == "compound" and word.lower_.endswith("s") and word.i == word.head.i - 1


# How far before a name its "a witness named" stands.
PERSON_REACH = 40


def _a_persons_name(before: str) -> bool:
    """persons_name_not_place: "a witness named Ahmad", "a boy called Omar": the name after a person and "named" or
    "called" is that person's (``person_heads``)."""
    words = re.findall(r"[a-z]+", before.lower())
    return len(words) >= 2 and words[-1] in {"named", "called"} and words[-2] in _words("person_heads")


def _an_outlets_name(text: str, span: Span) -> bool:
    """outlet_not_place: a name an outlet word heads or introduces ("the state-run X agency", "the TV channel X
    reported": ``outlet_heads``, ``outlet_openers``) is the outlet's, not a place, though a town bears it."""
    before = re.findall(r"[a-z]+", text[max(0, span.start - PERSON_REACH) : span.start].lower())
    after = re.match(r"[\s-]*(?:news\s+)?([A-Za-z]+)", text[span.end : span.end + PERSON_REACH])
    return bool(before and before[-1] in _words("outlet_openers")) or (
        after is not None and after.group(1).lower() in _words("outlet_heads")
    )


_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def _a_direction_from(text: str, span: Span) -> bool:
    """direction_not_place: a compass point before "of" ("50 km Northeast of X") says which way from X, not where;
    the parser may still tag it a place, and a region abroad bears the word."""
    return span.text.lower() in _words("compass_points") and _OF_AFTER.match(text, span.end) is not None


def _span(phrase: SpacySpan, doc_name: str) -> Span:
    """The phrase's characters, cut at a semicolon: headlines joined by ";" reach the tokenizer as one word
    ("Idlib;A"), and what follows belongs to the next headline."""
    text = span_text(phrase)
    cut = text.find(";")
    if cut > 0:
        text = text[:cut].rstrip()
        return Span(doc_name, phrase.start_char, phrase.start_char + len(text), text)
    return Span(doc_name, phrase.start_char, phrase.end_char, text)


def _whole_name(entity: SpacySpan) -> SpacySpan:
    """The small model sometimes tags only the first word of a name ("Finote" of "Finote Selam", "Deir" of "Deir
    ez-Zor")."""
    root, doc = entity.root, entity.doc
    end = entity.end
    while root.dep_ == "compound" and root.head.i == end and root.head.pos_ == "PROPN" and not root.head.ent_type_:
        root, end = root.head, end + 1
    end = _after_joined_articles(doc, end)
    return entity if end == entity.end else SpacySpan(doc, entity.start, end, label=entity.label_)


def _after_joined_articles(doc: Doc, end: int) -> int:
    """The end of a name that goes on with an article joined by a hyphen to a capitalised word right after it ("Deir"
    + "ez-Zor", "Ras" + "al-Ain": joined_articles), however many times ("Tell al-Abyad al-Sharqi"), or was cut
    between its article and the hyphen ("Urum al" + "-Kubra")."""
    while True:
        if _joined_article(doc, end) and end + 2 < len(doc) and _joined_word(doc, end + 2):
            end += 3
        elif end > 0 and _joined_article(doc, end - 1) and end + 1 < len(doc) and _joined_word(doc, end + 1):
            end += 2
        else:
            return end


def _joined_article(doc: Doc, i: int) -> bool:
    """An article written in lower case and joined by a hyphen to the next word ("ez" of "ez-Zor")."""
    if i + 1 >= len(doc):
        return False
    article, hyphen = doc[i], doc[i + 1]
    return (
        article.lower_ in _words("joined_articles")
        and article.text.islower()
        and hyphen.text == "-"
        and not article.whitespace_
        and not hyphen.whitespace_
    )


def _joined_word(doc: Doc, i: int) -> bool:
    """The capitalised word an article is joined to ("Zor" of "ez-Zor")."""
    return _capital_first(doc[i]) and doc[i].is_alpha


def _proper_nouns_after_locatives(sentence: SpacySpan) -> list[SpacySpan]:
    """ "in Saraqib", "near Tessalit", and the object of a verb that acts on a place ("airstrikes target Sheikh
    Meskin"): proper nouns the small model's NER misses, for the gazetteer to try."""
    found = []
    plain_case = _in_plain_case(sentence)
    for token in span_tokens(sentence):
        if _acts_on_a_place(token):
            objects = [c for c in token.children if c.dep_ == "dobj" and _may_name(c, plain_case)]
        # "at Haifa and at Kiryat Shmona": the second "at" hangs as a conjunct of the first
        elif token.lower_ in place_rules().locatives and token.dep_ in {"prep", "conj"} and token.pos_ == "ADP":
            objects = [c for c in token.children if c.dep_ == "pobj" and _may_name(c, plain_case)]
        else:
            continue
        objects += [
            c
            for obj in objects
            for c in obj.conjuncts
            if c.i > obj.i and (_may_name(c, plain_case) or _names_like(c, obj))
        ]
        phrases = [_without_apposition_word(_name_ending_at(obj, token.i + 1)) for obj in objects]
        phrases = [p.doc[p.start : _after_joined_articles(p.doc, p.end)] for p in phrases]
        # "in Maarat al-Numan" may be parsed as three objects of "in": the name is the longest run.
        phrases = [p for p in phrases if not any(o.start <= p.start and p.end < o.end for o in phrases)]
        for phrase in phrases:
            if not _capitalised(phrase) or phrase.root.ent_type_ in {"DATE", "TIME"}:
                continue
            if _known_as_something_else(phrase.text):
                continue
            if _inside_institution(phrase) or _owner_or_sponsor(phrase) or _ends_an_actor_name(phrase):
                continue
            if _seat_of_a_speaker(phrase.root):
                continue
            found.append(phrase)
    return found


def _without_apposition_word(name: SpacySpan) -> SpacySpan:
    """ "in the Syrian Capital Damascus": a word for a place written capitalised before a name ("Capital", "City")
    is the apposition's word, no part of the name: the name is what follows it."""
    if len(name) > 1 and name[0].lower_ in place_rules().apposition_words:
        return name[1:]
    return name


def _may_name(token: Token, plain_case: bool) -> bool:
    """A word that may end a place's name: a proper noun, or, in a sentence written in plain case, a capitalised
    word the small model took for a common noun ("clashes in Azaz", "raids on Shaddadi"): an English sentence
    capitalises a common noun only at its start. In a title-case headline ("Warplanes Target A School") every
    word is capitalised, so such a word says nothing."""
    if token.pos_ == "PROPN":
        return True
    return plain_case and token.pos_ == "NOUN" and _capital_first(token) and token.i != token.sent.start


def _names_like(conjunct: Token, name: Token) -> bool:
    """ "losses in Hasakah and Daraa": a capitalised word joined by "and" to a proper noun after a locative is a
    name like it, whatever its tag, unless the sentence capitalises every word (a title-case headline)."""
    return (
        name.pos_ == "PROPN"
        and conjunct.pos_ == "NOUN"
        and _capital_first(conjunct)
        and not _in_title_case(conjunct.sent)
    )


def _in_title_case(sentence: SpacySpan) -> bool:
    """Whether every longer word of a sentence is capitalised ("Warplanes Target A School And Kill Four")."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return bool(words) and all(_capital_first(t) for t in words)


def _capital_first(token: Token) -> bool:
    """Written with a capital first letter: "Azaz", "A'zaz", "Ma'ra" (``is_title`` reads the letter after an
    apostrophe as a new word's), "SDF"."""
    return token.text[:1].isupper()


def _in_plain_case(sentence: SpacySpan) -> bool:
    """Whether most of a sentence's longer words are written in lower case (not a title-case headline)."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_lower for t in words) * 2 > len(words)


def _capitalised(name: SpacySpan) -> bool:
    """A name with a capitalised word ("al-Bab", "Kafr Nabudah"), not a common word the parser took for one."""
    return any(t.is_title or t.is_upper or _capital_first(t) for t in name)


def _acts_on_a_place(token: Token) -> bool:
    """A verb whose direct object is where it happened ("shelled", "stormed", "rock")."""
    return token.pos_ == "VERB" and token.lemma_.lower() in _words("place_object_verbs")


def _continues_name(token: Token) -> bool:
    """A word of a multi-word name before its head: "Busra" and "al" and "-" of "Busra al-Sham"; a word joined
    to the next by a hyphen is part of one name whatever its parse ("Maarat al-Numan")."""
    if token.text == "-":
        return True
    joined = not token.whitespace_ and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-"
    return token.pos_ == "PROPN" and (token.dep_ == "compound" or joined)


def _place_phrases(sentence: SpacySpan) -> list[SpacySpan]:
    rules = place_rules()
    heads, labels = rules.heads, {label.upper() for label in rules.modifier_labels}
    phrases = []
    for token in span_tokens(sentence):
        if token.lemma_.lower() not in heads or token.pos_ != "NOUN":
            continue
        subtree = list(token.subtree)
        # "the countryside of al-Hasakah": stop at a relative clause or a second preposition
        right = token.i
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                right = child.right_edge.i
        left = _phrase_start(sentence.doc, min(t.i for t in subtree if t.i <= token.i), token.i)
        span = sentence.doc[left : _phrase_end(sentence.doc, token.i, right + 1)]
        military_head = ontology().military_cues.fullmatch(token.text) is not None
        demonyms = actor_dictionary().demonyms
        # A place name or proper noun names the place; "a US base" is the owner's base, not a place "US".
        modifiers = [
            t
            for t in span
            if t.i != token.i
            and (
                t.ent_type_ in labels
                or t.pos_ == "PROPN"
                or (t.i != sentence.start and _capitalised_name_word(t))
                or _names_the_settlement(t, token)
            )
            and not (military_head and t.text.lower() in demonyms)
        ]
        if modifiers and token.ent_type_ not in {"FAC", "GPE"}:
            named = _named_object(token)
            # "the town of Kafr Nabudah" is Kafr Nabudah; "the countryside of al-Hasakah" stays a phrase.
            same_as_name = named is not None and token.lemma_.lower() in _words("same_as_name_heads")
            phrases.append(named if named is not None and same_as_name and not _names_listed_after_of(span) else span)
    return phrases


def _phrase_start(doc: Doc, left: int, head: int) -> int:
    """Where a place phrase begins: a headline's parse may hang a clause on the head ("Factions control Halfaya
    town"), but a common noun or verb written before a name never modifies that name, so the phrase starts at
    the name after it ("Halfaya town"); so does an "and" before the name of a singular head."""
    one_place = doc[head].tag_ not in {"NNS", "NNPS"}
    for i in range(head - 1, left - 1, -1):
        word = doc[i]
        if word.pos_ in {"VERB", "AUX"} or (word.pos_ == "NOUN" and word.is_lower and doc[i + 1].pos_ == "PROPN"):
            return i + 1
        # "the airport and al-Zahraa town": a singular head names one place, so an "and" before its name ends
        # another; a plural head lists them ("the Kursk and Belgorod regions").
        if one_place and word.dep_ == "cc":
            return i + 1
        # "the town of Meles western Idlib city": a direction between two names ends the first (its comma lost)
        if _before_a_direction(doc, i - 1, i + 2) == i:
            return i + 1
    return left


def _phrase_end(doc: Doc, head: int, end: int) -> int:
    """Where a place phrase after its head ends: before a comma, a semicolon, a verb, a date, or an "and" that
    joins a common noun ("the outskirts of Aleppo and more shells" is the outskirts of Aleppo; "the countryside
    of Idlib and Hama" stays whole)."""
    for i in range(head + 1, end):
        word = doc[i]
        if word.text in {",", ";"} or word.pos_ in {"VERB", "AUX"} or word.ent_type_ in {"DATE", "TIME"}:
            return i
        # "the outskirts of X which ...": a relative pronoun opens a clause about the place, no part of its name
        if word.tag_ in RELATIVE_TAGS and word.is_lower:
            return i
        # "the neighbourhood of Jobar eastern Damascus": a direction between two names opens an apposition (its
        # comma lost) that says where the first lies
        if (
            word.is_lower
            and word.lower_ in _words("apposition_directions")
            and doc[i - 1].pos_ == "PROPN"
            and i + 1 < end
            and _starts_a_name(doc[i + 1])
        ):
            return i
        if word.dep_ == "cc" and (i + 1 == end or not _starts_a_name(doc[i + 1])):
            return i
        if _opens_a_distance(word) or (i - 1 > head and _opens_a_noun_phrase(doc, i)):
            return i
        # "the province of Raqa two suicide bombers ...": a number after a name counts what follows (its comma
        # lost); "the outskirts of X SANA said": an outlet after a name is who speaks. Neither is part of the name.
        if i - 1 > head and doc[i - 1].pos_ == "PROPN" and (word.like_num or _an_outlet(word)):
            return i
        # "the city of Hassakeh ISIS suicide bombers detonated ...": a name ends at a common noun written in lower
        # case that is no place word, and an actor's name before that noun is the doer, not part of the place.
        # ... and so does "the outskirts of Aleppo city cause casualties": after a name's own head word too
        ends_a_name = doc[i - 1].pos_ == "PROPN" or (i - 1 > head and _is_place_head(doc[i - 1]))
        if word.pos_ == "NOUN" and word.is_lower and ends_a_name and not _is_place_head(word):
            while i - 1 > head + 1 and doc[i - 1].pos_ == "PROPN" and _known_as_something_else(doc[i - 1].text):
                i -= 1
            return i
    return end


def _opens_a_noun_phrase(doc: Doc, i: int) -> bool:
    """new_phrase_after_a_name: "the town of X local media reported", "the province of X the Observatory said": after
    a name, "the" or a lower-case adjective before a common noun that is no place word opens another noun phrase
    (the speaker, its comma lost), no part of the place."""
    word, following = doc[i], doc[i + 1] if i + 1 < len(doc) else None
    if doc[i - 1].pos_ != "PROPN" or following is None:
        return False
    if word.lower_ == "the":
        return True
    return (
        word.pos_ == "ADJ"
        and word.is_lower
        and following.pos_ == "NOUN"
        and following.is_lower
        and not _is_place_head(following)
    )


def _opens_a_distance(word: Token) -> bool:
    """distance_after_a_name: "X village 65 km northwest of Y", "the town of X 40 kilometres up the valley": a number
    and a unit of length after a name say how far X lies from somewhere (its comma lost), no part of X's name."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return word.like_num and following is not None and following.lower_ in _words("distance_units")


def _without_a_distance(entity: SpacySpan) -> SpacySpan:
    """A place entity up to a distance the small model ran into it ("Tabqa 40 kilometres")."""
    cut = next((t.i for t in entity if t.i > entity.start and _opens_a_distance(t)), None)
    return entity if cut is None else SpacySpan(entity.doc, entity.start, cut, label=entity.label_)


def _without_a_time(name: SpacySpan) -> SpacySpan:
    """time_after_a_name: "in Aleppo Monday", a headline's "Idlib Sunday": a day or another time word the small
    model ran into a name (its comma or preposition lost) is no part of it."""
    end = name.end
    while end - 1 > name.start and _a_time_word(name.doc[end - 1]):
        end -= 1
    return name if end == name.end else SpacySpan(name.doc, name.start, end, label=name.label_)


def _a_time_word(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or token.lower_ in WEEKDAY_BY_NAME


def _is_place_head(word: Token) -> bool:
    return word.lemma_.lower() in place_rules().heads or word.lower_ in place_rules().heads


def _clipped(text: str) -> str:
    """A mention's text up to a semicolon (see :func:`_span`)."""
    cut = text.find(";")
    return text[:cut].rstrip() if cut > 0 else text


def _starts_a_name(token: Token) -> bool:
    """A word that opens a place name: capitalised, or a lower-case article before one ("al-Bab", "the Hama
    countryside")."""
    if token.lower_ in _words("name_openers"):
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and (following.pos_ == "PROPN" or following.is_title or following.text == "-")
    return token.pos_ == "PROPN" or token.is_title


def _named_places(phrase: SpacySpan) -> list[tuple[str, SpacySpan]]:
    """A phrase's places: itself, or each member of a list under a plural head ("the Kursk, Belgorod and
    Moscow regions" is "Kursk region", "Belgorod region" and "Moscow region", each spanning its own name)."""
    listed = _names_listed_after_of(phrase)
    if len(listed) > 1:  # "the outskirts of the towns of Aitaroun and Blida"
        owner = _owner_of_list(listed)
        if owner is None or owner.lemma_.lower() in _words("same_as_name_heads"):
            return [(name.text, name) for name in listed]
        # "the countryside of Idlib and Aleppo" is the countryside of each, not the two cities
        return [(f"the {owner.lower_} of {name.text}", name) for name in listed]
    head = phrase.root
    if head.tag_ not in {"NNS", "NNPS"} or head.lemma_.lower() == head.lower_:
        return [(_area_text(phrase), phrase)]
    members: list[list[Token]] = [[]]
    for token in phrase:
        if token.i >= head.i:
            break
        if token.text == "," or token.dep_ == "cc":
            members.append([])
        elif token.pos_ in {"PROPN", "ADJ", "NOUN"} and (token.is_title or token.is_upper or members[-1]):
            members[-1].append(token)
    names = [phrase.doc[m[0].i : m[-1].i + 1] for m in members if m]
    if len(names) < 2:
        return [(_area_text(phrase), phrase)]
    return [(f"{name.text} {head.lemma_.lower()}", name) for name in names]


def _area_text(phrase: SpacySpan) -> str:
    """area_around_one_name: a phrase for the land around one place (``area_heads``) or for one first-level unit
    (``province_heads``) whose other words say which side of it, what kind of land or how much of it ("Homs
    southeastern countryside", "the countryside of the central province of Homs", "the outskirts\" of X" with a
    stray quotation mark, "the oil-rich X province", "Syrias coastal province of X") is read as "the countryside of
    Homs" or "X province": the place it names, which no side narrows further. A plain phrase ("the eastern
    countryside of Homs", "Idlib countryside", "the outskirts of Idlib province") is kept as written."""
    head = phrase.root
    is_unit = head.lower_ in place_rules().province_heads
    if head.lemma_.lower() not in _words("area_heads") and not is_unit:
        return phrase.text
    runs = _name_runs(phrase, head)
    if len(runs) != 1:
        return phrase.text
    name = runs[0] if is_unit else _with_its_unit(runs[0], head)
    if _words_follow_the_name(phrase, head, name) or not _other_words_describe(phrase, head, name):
        return phrase.text
    return f"{span_text(name)} {head.lower_}" if is_unit else f"the {head.lower_} of {span_text(name)}"


def _with_its_unit(name: SpacySpan, head: Token) -> SpacySpan:
    """The name with the unit word written right after it ("Idlib province", "Aleppo city"), which says which of
    two namesakes is meant."""
    doc = name.doc
    unit = doc[name.end] if name.end < len(doc) and name.end != head.i else None
    if unit is not None and (
        unit.lower_ in place_rules().province_heads or unit.lemma_.lower() in _words("same_as_name_heads")
    ):
        return doc[name.start : name.end + 1]
    return name


def _name_runs(phrase: SpacySpan, head: Token) -> list[SpacySpan]:
    """The runs of name words in a phrase: capitalised words that are no side ("Northern"), nationality, unit word
    or the head itself, joined by the hyphens and articles inside a name ("Deir al-Zor")."""
    doc, runs, start = phrase.doc, [], None
    for token in phrase:
        if _a_name_word(token, head) or _joins_a_name(token, phrase.end, head):
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append(doc[start : token.i])
        start = None
    if start is not None:
        runs.append(doc[start : phrase.end])
    return runs


def _joins_a_name(token: Token, end: int, head: Token) -> bool:
    """A hyphen or an article inside a name ("al" and "-" of "Deir al-Zor"): the name goes on after it."""
    doc, i = token.doc, token.i
    while i < end and (doc[i].text == "-" or doc[i].lower_ in _words("name_openers") - {"the"}):
        i += 1
    return i > token.i and i < end and _a_name_word(doc[i], head)


def _a_name_word(token: Token, head: Token) -> bool:
    """A word of the name an area phrase surrounds; not a country whose apostrophe the text lost ("Syrias")."""
    lowered = token.lower_
    return (
        token.i != head.i
        and not country_possessive_without_apostrophe(lowered)
        and _capital_first(token)
        and token.is_alpha
        and lowered not in _words("apposition_directions")
        and lowered not in actor_dictionary().demonyms
        and lowered not in place_rules().province_heads
        and lowered not in place_rules().heads
    )


def _words_follow_the_name(phrase: SpacySpan, head: Token, name: SpacySpan) -> bool:
    """Whether words other than a side stand after the name ("the vicinity of X military airport", "X a suburb of
    the capital"): they name a site at X or open an apposition, so the phrase is no land around X alone."""
    doc = phrase.doc
    if name.end <= head.i:
        between = doc[name.end : head.i]
        return any(t.lower_ not in _words("apposition_directions") for t in between) or head.i + 1 < phrase.end
    return name.end < phrase.end


def _other_words_describe(phrase: SpacySpan, head: Token, name: SpacySpan) -> bool:
    """Whether words besides the name, the head, "the" and "of" stand in the phrase, other than a side written
    before the head of "the eastern countryside of X" (which the geocoder reads)."""
    for token in phrase:
        if name.start <= token.i < name.end or token.i == head.i or token.lower_ in {"the", "of"}:
            continue
        side_before_head = token.i == head.i - 1 and name.start > head.i
        if side_before_head and token.lower_ in _words("apposition_directions"):
            continue
        return True
    return False


def _owner_of_list(listed: list[SpacySpan]) -> Token | None:
    """The noun a list after "of" belongs to ("countryside" of "the countryside of Idlib and Aleppo")."""
    of = next((t.head for name in listed for t in name if t.dep_ == "pobj" and t.head.lower_ == "of"), None)
    return of.head if of is not None and of.head.pos_ == "NOUN" else None


def _names_listed_after_of(phrase: SpacySpan) -> list[SpacySpan]:
    """The names of a list that is the object of "of" ("the villages of Kafr Zita and Latamna")."""
    for token in phrase:
        if token.dep_ != "pobj" or token.pos_ != "PROPN" or token.head.lower_ != "of":
            continue
        members = [token, *(c for c in token.conjuncts if c.pos_ == "PROPN" and phrase.start <= c.i < phrase.end)]
        if len(members) > 1:
            return [_name_ending_at(member, phrase.start) for member in sorted(members, key=lambda t: t.i)]
    return []


def _name_ending_at(token: Token, start: int) -> SpacySpan:
    """The whole name whose last word is ``token``, reaching back no further than ``start``."""
    left = token.i
    while left - 1 >= start and _continues_name(token.doc[left - 1]):
        left -= 1
    return token.doc[left : token.i + 1]


def _names_the_settlement(word: Token, head: Token) -> bool:
    """settlement_name_before_its_head: "Arshaf village", "Daraa city": a capitalised word right before a
    settlement head (``same_as_name_heads``) names the settlement, whatever tag the small model gave it, unless it
    opens the sentence, is a nationality, or the sentence capitalises every word (a title-case headline)."""
    return (
        word.i + 1 == head.i
        and word.i != word.sent.start  # "Capital city residents fled": a sentence's first word says nothing
        and word.lower_ not in actor_dictionary().demonyms
        and _capital_first(word)
        and word.is_alpha
        and word.pos_ in {"ADJ", "NOUN"}
        and head.lemma_.lower() in _words("same_as_name_heads")
        and not _in_title_case(word.sent)
    )


def _capitalised_name_word(token: Token) -> bool:
    """ "Bokkos" of "Bokkos local government area", tagged ADJ and ORG by the small model: a capitalised word
    (not sentence-initial: the caller checks) that the parser did not take for a common word."""
    return token.is_title and token.pos_ in {"ADJ", "NOUN"} and token.ent_type_ in _words("name_word_labels")


def _named_object(head: Token) -> SpacySpan | None:
    """The proper name after "of" ("the town of Tafas" -> "Tafas"); an outlet the parser hung there as the name's
    last word ("the town of Tafas SANA said", its comma lost) is who speaks, so the name ends before it."""
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            doc, end = obj.doc, obj.i + 1
            if _an_outlet(obj) and obj.i > prep.i + 1 and doc[obj.i - 1].pos_ == "PROPN":
                end -= 1
            start = obj.left_edge.i if obj.left_edge.pos_ == "PROPN" else end - 1
            end = _after_joined_articles(doc, end)
            return _without_a_time(doc[start : _before_a_direction(doc, start, end)])
    return None


def _before_a_direction(doc: Doc, start: int, end: int) -> int:
    """Where a name ends that a lower-case direction and a second name follow, its comma lost ("the neighbourhood of
    Jobar eastern Damascus" is Jobar, which lies in eastern Damascus: ``apposition_directions``)."""
    for i in range(start + 1, end - 1):
        word = doc[i]
        between_names = _capital_first(doc[i - 1]) and _capital_first(doc[i + 1])
        if between_names and word.is_lower and word.lower_ in _words("apposition_directions"):
            return i
    return end


def _an_outlet(token: Token) -> bool:
    """outlet_after_name: an outlet's name ("SANA", "AFP") that a verb of saying follows, told after a place whose
    comma the text lost ("in Idlib SANA reported"): who reports, no part of the place's name. Without the verb the
    word may end a town's name that an outlet shares ("the city of Al Mayadeen")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.pos_ == "PROPN"
        and canonical_outlet(token.text) is not None
        and following is not None
        and following.lemma_.lower() in _words("speaker_verbs")
    )


def _stands_for_something_else(entity: SpacySpan) -> bool:
    """A place entity that is not where anything happened: an actor, a person, an outlet, an office, a river."""
    root = entity.root
    if _names_an_actor(entity) or canonical_outlet(entity.text) is not None or _inside_institution(entity):
        return True
    if _owner_or_sponsor(entity):
        return True
    # "from Ukrainian shelling": a nationality before a noun, whatever the parse.
    following = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    if (
        entity.text.lower() in actor_dictionary().demonyms
        and following is not None
        and following.pos_ in {"NOUN", "VERB", "ADJ"}
    ):
        return True
    if _seat_of_a_speaker(root) or (len(entity) == 1 and _a_speaker(root)):
        return True
    # "Oleksandr Prokudin": the first name tagged as a place.
    if root.dep_ == "compound" and root.head.ent_type_ == "PERSON" and root.head.i >= entity.end:
        return True
    # "the Dnipro river" names the river.
    return root.dep_ == "compound" and root.head.i == entity.end and root.head.lower_ in place_rules().feature_heads


def _seat_of_a_speaker(root: Token) -> bool:
    """ "the defence ministry in Moscow said ...", "the government in Damascus announced ...": a place that locates
    a national office speaking says where the speaker sits, not where the event happened (local police or a town
    council speak of their own town, so they are not such offices)."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "in" or preposition.dep_ != "prep":
        return False
    office = preposition.head
    return (
        office.lemma_.lower() in _words("national_offices")
        and office.dep_ == "nsubj"
        and office.head.lemma_.lower() in _words("speaker_verbs")
    )


def _owner_or_sponsor(phrase: SpacySpan) -> bool:
    """ "the embassies of Rwanda, France and the United States" (whose embassies), "Rwanda-backed M23" (who
    backs them): a country named for what it owns or sponsors, not for where something happened."""
    doc, rules = phrase.doc, place_rules()
    # "US-led", and "U.S led" written without its hyphen
    after = phrase.end + 1 if phrase.end < len(doc) and doc[phrase.end].text == "-" else phrase.end
    if after < len(doc) and doc[after].lower_ in rules.sponsor_participles:
        return True
    head = phrase.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in rules.owner_nouns


def _inside_institution(phrase: SpacySpan) -> bool:
    """Inside an organisation's name that is an office ("Kherson Oblast Military Administration")."""
    organisation = _entity_at(phrase[0])
    return (
        organisation is not None
        and phrase[0].ent_type_ == "ORG"
        and phrase.end <= organisation.end
        and len(organisation) > len(phrase)
        and any(t.lower_ in place_rules().institution_words for t in organisation)
    )


def _entity_at(token: Token) -> SpacySpan | None:
    """The named entity a token is part of, found from the token's IOB tags (``Doc.ents`` is rebuilt per call)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=token.ent_type_)


def _other_proper_nouns(sentence: SpacySpan) -> list[SpacySpan]:
    """Runs of proper nouns outside any place entity, for an exact gazetteer lookup ("Nikopol came under fire").

    Person names of two or more words, actors, outlets, offices and titles are not tried.
    """
    doc = sentence.doc
    tokens = document_tokens(doc)
    rules = place_rules()
    found = []
    i = sentence.start
    while i < sentence.end:
        token = tokens[i]
        if token.pos_ != "PROPN":
            i += 1
            continue
        end = i + 1
        while end < sentence.end and (
            tokens[end].pos_ == "PROPN"
            or (tokens[end].text == "-" and end + 1 < sentence.end and tokens[end + 1].pos_ == "PROPN")
        ):
            end += 1
        run = doc[i:end]
        i = end
        if (
            any(t.ent_type_ not in _words("mislabelled_entity_labels") for t in run)
            or run[0].lower_ in rules.not_place_words
            or not _capitalised(run)  # "the jihadi factions": an English text capitalises a place's name
        ):
            continue
        entity = _entity_covering(run)
        if entity is not None and ((entity.label_ == "PERSON" and len(entity) > 1) or len(entity) > len(run)):
            continue
        if _a_speaker(run.root):
            continue
        if not _known_as_something_else(span_text(run)) and not _seat_of_a_speaker(run.root):
            found.append(run)
    return found


def _a_speaker(token: Token) -> bool:
    """speaker_not_place: a bare proper noun that is the subject of a verb of saying ("Barazi said", "Sibai added")
    is who speaks (a person, an office), not where anything happened, whatever village shares its letters; so is one
    right after the verb, the speaker told last (", said Barazi"), however the parser attaches it."""
    if token.head.lemma_.lower() not in _words("speaker_verbs"):
        return False
    return token.dep_ == "nsubj" or (token.dep_ == "dobj" and token.head.i == token.i - 1)


def _known_as_something_else(text: str) -> bool:
    """A nationality, an outlet, or an actor's name that is not also a place's ("in Bamako" is a place even
    though "Bamako said" is the Malian government)."""
    dictionary = actor_dictionary()
    lowered = text.lower()
    # "thousands of Israelis": a nationality in the plural is people too
    if lowered in dictionary.demonyms or lowered.removesuffix("s") in dictionary.demonyms:
        return True
    if canonical_outlet(text) is not None:
        return True
    return dictionary.find(text) is not None and not dictionary.is_place_name(text)


def _entity_covering(run: SpacySpan) -> SpacySpan | None:
    return next((entity for t in run if (entity := _entity_at(t)) is not None), None)


def _names_an_actor(entity: SpacySpan) -> bool:
    """A place name standing for an actor, not a location: "US bases", "Washington said", "the Resistance".

    A country or capital that is also an actor's name counts as a place only as the object of a
    preposition ("in Syria", "from Washington").
    """
    root = entity.root
    dictionary = actor_dictionary()
    is_actor_name = entity.text.lower() in dictionary.demonyms or dictionary.find(entity.text) is not None
    acted_on = root.dep_ == "dobj" and _acts_on_a_place(root.head)  # "explosions rock Damascus"
    if is_actor_name and root.dep_ != "pobj" and not acted_on and not _after_a_place_word(entity):
        return True
    if _ends_an_actor_name(entity):
        return True
    # A single capitalised common noun tagged as a place ("Resistance") is a label, not a place.
    return len(entity) == 1 and root.tag_ == "NNP" and root.text.lower() in _words("label_words")


def _after_a_place_word(entity: SpacySpan) -> bool:
    """ "the capital Damascus", "the city Aleppo": a name right after a word for a place is that place, even when
    it also stands for a government elsewhere ("Damascus said")."""
    return entity.start > 0 and entity.doc[entity.start - 1].lower_ in place_rules().apposition_words


def _ends_an_actor_name(entity: SpacySpan) -> bool:
    """ "the Islamic Resistance in Lebanon", "the Islamic State of Iraq": the place ends an actor's name."""
    doc, start = entity.doc, entity.start
    if start < 2 or doc[start - 1].lower_ not in {"in", "of"} or not doc[start - 2].is_title:
        return False
    first = max(entity.sent.start, start - 5)
    for left in range(first, start - 1):
        name = span_text(doc[left : entity.end])
        match = actor_dictionary().find_match(name)
        # The alias must reach back over "in"/"of": "Tel Aviv" alone (an actor's metonym) is still a place.
        preposition_at = doc[start - 1].idx - doc[left].idx
        if match is not None and match[0].end() == len(name) and match[0].start() < preposition_at:
            return True
    return False


def continuing_places(sentence: SpacySpan, doc_name: str, not_in: Span | None = None) -> list[PlaceMention]:
    """continuing_sentence_lends_its_place: the place phrases of a sentence that tells no act of its own but says
    where the act told just before happened ("It happened near X", "The fighting took place in the village of X"):
    its subject points back at that act (a pronoun, or a definite noun of violence) and its verb says that the act
    took place, or where it struck (``continuing_act_verbs``). Any other sentence lends nothing."""
    if not any(_continues_the_act(token) for token in sentence):
        return []
    return place_mentions(sentence, doc_name, not_in)


def _continues_the_act(verb: Token) -> bool:
    """The verb says the act happened, or where, of a subject pointing back at the act just told."""
    if verb.pos_ not in POS.verb | POS.auxiliary:
        return False
    objects = [child.lemma_.lower() for child in verb.children if child.dep_ in DEP.direct_object]
    said = {verb.lemma_.lower()} | {f"{verb.lemma_.lower()} {o}" for o in objects}
    if not said & _words("continuing_act_verbs"):
        return False
    return any(_points_back(child) for child in verb.children if child.dep_ in DEP.subject | DEP.passive_subject)


def _points_back(subject: Token) -> bool:
    """A pronoun ("it"), or a noun of violence after a definite determiner ("the blast", "this raid")."""
    word = subject.lower_
    if word not in _words("continuing_act_subjects") or subject.tag_ in RELATIVE_TAGS:
        return False  # "deals that took place elsewhere": a relative pronoun points at its own noun
    if subject.pos_ in POS.pronoun or subject.tag_ in ("PRP", "DT"):
        return True
    return any(
        child.dep_ in DEP.determiner and child.lower_ in _words("continuing_act_determiners")
        for child in subject.children
    )
