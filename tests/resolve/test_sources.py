from sitrep.resolve import derive_event, source_profiles
from tests.resolve.resolve_fixtures import mention


def test_profiles_count_sole_reports_extreme_figures_and_framing() -> None:
    shared = derive_event(
        "ev1",
        [
            mention("a", killed=(5, 5, 5), sources=("SANA",), framing=("terrorists",)),
            mention("b", killed=(None, 12, None), sources=("SOHR", "Reuters")),
            mention("c", killed=(8, 8, 8), sources=("AFP",)),
        ],
    )
    alone = derive_event("ev2", [mention("d", sources=("SANA",), framing=("martyrs", "criminal"))])
    outlets = {"doc-a": "SANA", "doc-b": "Reuters", "doc-c": "AFP", "doc-d": "SANA"}
    profiles = {(p.name, p.kind): p for p in source_profiles([shared, alone], outlets)}
    sana = profiles[("SANA", "outlet")]
    assert (sana.events, sana.sole_reporter, sana.lowest_figure, sana.highest_figure) == (2, 1, 1, 0)
    assert (sana.framing_terms, sana.framing_per_report) == (3, 1.5)
    assert profiles[("Reuters", "outlet")].highest_figure == 1
    # The originator is credited too, under the source table's one name and its category (not as "SOHR" here and
    # "Syrian Observatory" there).
    assert profiles[("Syrian Observatory for Human Rights", "monitor")].highest_figure == 1
    assert profiles[("AFP", "outlet")].sole_reporter == 0


def test_one_source_under_several_names_is_one_profile() -> None:
    event = derive_event(
        "ev1",
        [
            mention("a", sources=("SOHR", "Courier")),
            mention("b", sources=("Syrian Observatory", "Courier")),
            mention("c", sources=("Britain-based Syrian Observatory for Human Rights", "Courier")),
        ],
    )
    names = [p.name for p in source_profiles([event], {}) if p.kind == "monitor"]
    assert names == ["Syrian Observatory for Human Rights"]
