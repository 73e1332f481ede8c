"""Background is not an incident: running tolls, history, habits, ongoing states and court proceedings."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.background import (
    background_reason,
    load_rules,
    mark_background,
    rules_from_dict,
    without_rules,
)
from sitrep.model import DateInterval, Document, Mention, Span
from tests.resolve.resolve_fixtures import mention

PUBLISHED = dt.date(2024, 3, 12)


def told(sentence: str, trigger: str, date: DateInterval | None = None, offset: int = 500) -> Mention:
    """A report of ``sentence`` (placed ``offset`` characters into its document) whose trigger is ``trigger``."""
    m = mention("m", text=sentence, start=None, doc="d")
    m.sentence = Span("d", offset, offset + len(sentence), sentence)
    at = offset + sentence.index(trigger)
    m.trigger = Span("d", at, at + len(trigger), trigger)
    m.date = date
    return m


@pytest.mark.parametrize(
    ("sentence", "trigger", "rule"),
    [
        ("More than 9,000 people have been killed in the conflict, the monitor says.", "killed", "running_toll"),
        ("The envoy spoke of a civil war that has killed more than 30,000 people.", "killed", "running_toll"),
        ("Since the start of the offensive, shelling has killed 140 civilians.", "shelling", "period_total"),
        ("Three weeks of bombardment have left the port town in ruins.", "bombardment", "period_total"),
        ("Militias regularly raid the farms on the northern plain.", "raid", "habitual"),
        ("Some 200 people have been killed in the valley since a truce collapsed last week.", "truce", "period_total"),
        ("The stampede at the stadium gate killed 12 fans, officials said.", "killed", "not_political_violence"),
        ("The collapse of the old apartment block killed eleven residents.", "killed", "not_political_violence"),
        ("A road accident near the border crossing left four people dead.", "accident", "not_political_violence"),
        ("In this photo taken on Monday, rescuers search the rubble after the attack.", "attack", "page_furniture"),
        ("Army retakes the hill town pic.twitter.com/abc123 (@reporter) May 3", "retakes", "page_furniture"),
        # A page's tag list runs glued into its comment box: still the page's furniture.
        (
            "Tags shelling Kordovia Community standardsDiscussion Comment via FacebookComment",
            "shelling",
            "page_furniture",
        ),
        ("The two factions have blamed each other for mortar attacks in the past.", "attacks", "habitual"),
        ("Government troops have been struggling to retake the valley.", "retake", "ongoing"),
        ("The army is fighting to push the insurgents out of the old quarter.", "fighting", "ongoing"),
        ("The province is at the heart of clashes between the two armies.", "clashes", "standing_situation"),
        ("Farmers face the risk of being shelled whenever they tend their fields.", "shelled", "standing_situation"),
        ("The driver is accused of ramming a crowd of marchers two years ago.", "ramming", "judicial"),
        (
            "The alliance admitted the deaths of 410 civilians in its raids on the two countries since 2015.",
            "raids",
            "since_a_year",
        ),
        ("The militia has since taken over most of the farmland west of the river.", "taken", "habitual"),
        (
            "The valley has been under heavy shelling by government forces, residents say.",
            "shelling",
            "under_attack_for_a_while",
        ),
        (
            "The alliance came to the region to fight Daesh after the group seized the border towns.",
            "fight",
            "generic_struggle",
        ),
        ("Two rival militias, also battling Karimov's troops, were weakened.", "battling", "generic_struggle"),
        (
            "The fall of the port has raised fears for the museum's collection.",
            "fall",
            "consequence_of_a_known_incident",
        ),
        ("Source AFP Related News Car bomb kills five soldiers in the north.", "kills", "links_and_posts"),
        ("The air force has in recent weeks intensified its raids on the hill villages.", "raids", "recent_spell"),
        ("Militiamen have been besieging the mining town for weeks, residents say.", "besieging", "recent_spell"),
        ("Activists say the drone strikes on the valley have killed hundreds of farmers.", "strikes", "tally_of_many"),
        ("The monitor has recorded thousands of civilians killed in the offensive.", "killed", "tally_of_many"),
        ("The militia has also been under attack across the border.", "attack", "under_attack_for_a_while"),
        ("Two previous rounds of talks in the capital failed to end the siege.", "talks", "previous_acts"),
        ("Residents still recall a prior attack on the convoy.", "attack", "previous_acts"),
        (
            "Around 90,000 people have reportedly been killed due to the violence in the highlands.",
            "killed",
            "running_toll",
        ),
        (
            "The junta, backed by China in air strikes across the north since March 2021, held the valley.",
            "strikes",
            "since_a_year",
        ),
        ("The militias have been since April waging raids on the plateau.", "raids", "ongoing"),
        ("Leaders warned that the ongoing violence would ruin the harvest.", "violence", "ongoing"),
        ("The siege has been marked by heavy shelling of the markets.", "shelling", "standing_situation"),
        ("The army vowed to keep fighting against terrorist cells in the hills.", "fighting", "generic_struggle"),
        ("A judge sentenced the driver to 20 years for ramming the marchers.", "ramming", "judicial"),
        ("12 Related Rebels Shell Port City Army Pushes North", "Shell", "links_and_posts"),
        ("03.05.2024 Topic Offensive on the Northern Front (42) 3 17", "Offensive", "topic_tag"),
        ("Drone strikes on the delta have intensified since the talks collapsed.", "strikes", "trend"),
        ("The navy has increased the intensity of its raids on the islands.", "raids", "trend"),
        ("Two offensives are being fought against the militia in the north.", "offensives", "ongoing"),
        ("At least 50 rebels have been killed in three days of army operations.", "killed", "period_total"),
        ("At least 30 people have been killed in the port city in the last 48 hours.", "killed", "period_total"),
        ("Militia fighters backed by allied air strikes pushed the rebels back.", "strikes", "support_of_another_act"),
        ("Envoys brokered deals to ease the fighting around the port.", "fighting", "act_named_as_an_object"),
        ("Farmers fled south to escape the battles in the valley.", "battles", "act_named_as_an_object"),
        ("A week-long freeze on fighting expired on Sunday.", "fighting", "act_named_as_an_object"),
        ("More than 60 rebels killed in army operations across the country.", "killed", "roundup_across_the_country"),
        ("Troops kill over 40 insurgents in various provinces.", "kill", "roundup_across_the_country"),
        ("Shelling killed nine as the army pressed its campaign to retake the delta.", "retake", "goal_of_a_campaign"),
        ("Smoke rises after an air strike on the port town, March 3 2024.", "strike", "photo_caption"),
        ("The monitor's toll includes 40 people killed by shelling of the port.", "shelling", "toll_breakdown"),
        (
            "The old quarter was the site of the May 2 car bombing that killed nine.",
            "bombing",
            "place_known_for_an_act",
        ),
        ("The two militias do not cooperate except in fighting the army.", "fighting", "habitual"),
        ("Residents inspect the damage at a bakery hit by shelling on March 3, 2024.", "shelling", "photo_caption"),
        ("Those who were abducted are all drivers from the southern districts.", "abducted", "victims_described"),
        ("The men who were killed were farmers from two nearby hamlets.", "killed", "victims_described"),
        ("The insurgents' supply routes are also being targeted by drones, officials say.", "targeted", "ongoing"),
        ("Villages along the river are still being shelled by both armies.", "shelled", "ongoing"),
        ("The militia is still hoping to retake the hill above the town.", "retake", "ongoing"),
        (
            "A boy carries a bucket of water past a mosque damaged by shelling in the old city.",
            "shelling",
            "caption_scene",
        ),
        (
            "Rescuers search the rubble of a school hit by an air strike in the northern district.",
            "strike",
            "caption_scene",
        ),
        (
            "The country has been at war since 2019, when the army fired on protesters in the capital.",
            "fired",
            "war_began_when",
        ),
        ("Militias fighting to topple the governor have lost ground in the south.", "fighting", "fight_for_a_purpose"),
        (
            "The garrison, battling for survival on three fronts, still holds the fort.",
            "battling",
            "fight_for_a_purpose",
        ),
        ("Last year a truck bomb killed 30 people at the same checkpoint.", "bomb", "recalled_from_months_ago"),
        ("Three years ago the militia overran the two dams.", "overran", "recalled_from_months_ago"),
        ("In the aftermath of the bombing, residents fled the port district.", "bombing", "act_as_a_reference"),
        ("The envoy called for an investigation into the alleged gas attack.", "attack", "act_as_a_reference"),
        ("Ministers met to discuss how to respond to the raid on the embassy.", "raid", "act_as_a_reference"),
        ("The minister said the army would shell any convoy that crossed the line.", "shell", "future_or_hypothetical"),
        ("He warned that the rebels may attack the port again.", "attack", "future_or_hypothetical"),
        ("Such rockets can destroy a whole house.", "destroy", "future_or_hypothetical"),
        ("The rebels began a push in early May to try to advance on the coast.", "advance", "act_as_an_aim"),
        ("Talks aim to end the junta's ability to use cluster bombs.", "use", "act_as_an_aim"),
        ("The fight for the bridge is part of a wider offensive on the delta.", "fight", "part_of_a_campaign"),
        ("The senate will vote on authorization for air strikes on the island.", "strikes", "act_as_policy"),
        ("There were 37 attacks on schools in the region in May, the agency said.", "attacks", "count_of_acts"),
        ("The valley has been a frequent target of drone strikes by the navy.", "strikes", "standing_situation"),
        ("Renewed shelling threatens the harvest in the river valley.", "shelling", "standing_situation"),
        ("The two countries have been locked in a border war since the spring.", "war", "standing_situation"),
        (
            "Shelling of the port has intensified since the militia seized the lighthouse on March 2.",
            "seized",
            "trend",
        ),
        ("Aid workers believe more than 40,000 people have died in the camps.", "died", "tally_of_many"),
        (
            "Seizing the mountain pass has helped the militia cut the northern supply road.",
            "Seizing",
            "consequence_of_a_known_incident",
        ),
        (
            "Shelling killed four as the army pressed a campaign from the coast to break the siege of the port.",
            "break",
            "goal_of_a_campaign",
        ),
        ("Related Coverage Rebels Shell Port City Army Pushes North", "Shell", "links_and_posts"),
        (
            "Doctors said autopsies on the victims of the blast concluded that a nerve agent had been used.",
            "used",
            "finding_of_an_inquiry",
        ),
        # Session 16: patterns widened to their general form, and new named ones.
        ("Since Oct. 4 at least 210 people have been killed in the valley, medics say.", "killed", "period_total"),
        ("In the last three months the militia has used drones to hit the pipeline.", "used", "period_total"),
        ("In this week alone 80 patients have been treated for burns and 9 have died.", "died", "period_total"),
        (
            "The navy has waged a blockade since early June to starve the port, killing dozens.",
            "blockade",
            "period_total",
        ),
        ("The air force has markedly reduced the pace of its raids on the hills.", "raids", "trend"),
        ("Its grip on the delta tightens as the navy is intensifying strikes on the coast.", "strikes", "trend"),
        ("The allies appeared to scale down drone strikes on the capital last week.", "strikes", "trend"),
        (
            "The tribes set up a joint command to drive the militia out of the hill towns.",
            "drive",
            "act_as_an_aim",
        ),
        ("Villagers have fought to stop the militia from entering the valley.", "fought", "fight_for_a_purpose"),
        ("The guards see smugglers whenever the patrols carry out raids on the coast.", "raids", "whenever_it_happens"),
        (
            "Arson and killings by the militias undermine any hope of a settlement, the envoy warned.",
            "killings",
            "standing_situation",
        ),
        ("The storm of protest led the council to approve airstrikes on the island.", "airstrikes", "act_as_policy"),
        (
            "The ferry has been idle since March, when the navy shelled the harbour.",
            "shelled",
            "war_began_when",
        ),
        ("The minister said the rebels must be punished for the use of nerve gas.", "use", "act_as_a_reference"),
        ("The bombing served as a pretext for missile strikes on the airfield.", "strikes", "act_as_a_reference"),
        ("The two leaders discussed the alleged attack by telephone.", "attack", "act_as_a_reference"),
        ("Medics said that before the May 2 attack the clinic had been evacuated.", "attack", "act_as_a_reference"),
        ("The capture of the dam paves the way for the militia to advance on the city.", "advance", "act_as_an_aim"),
        ("The parties are having trouble agreeing on a new truce map.", "agreeing", "act_as_an_aim"),
        (
            "Talks broke down over the offensive, which included strikes on two clinics.",
            "strikes",
            "part_of_a_campaign",
        ),
        (
            "A fighter fires his rifle during a battle near the border town, May 2 2019.",
            "battle",
            "photo_caption",
        ),
        (
            "A girl who survived what medics say was a gas attack cries in a shelter, June 5 2016.",
            "attack",
            "photo_caption",
        ),
        (
            "After the 2009 harbour bombing the port authority hired private guards.",
            "bombing",
            "incident_named_by_its_year",
        ),
        (
            "The islanders took up arms after police fired on a march for land reform.",
            "fired",
            "origin_of_the_war",
        ),
        ("More than 40 people have died as a result of these violations.", "died", "toll_of_acts_told"),
        ("The broadcast showed scenes of heavy fighting near the airport.", "fighting", "act_as_shown"),
        ("The militia has made rapid gains by seizing farmland from rival clans.", "seizing", "sweeping_gains"),
        ("The insurgents seized large parts of the two provinces in a lightning campaign.", "seized", "sweeping_gains"),
        ("The powers formed an alliance to fight extremist groups in the region.", "fight", "generic_struggle"),
        (
            "Monitors said the shelling of the valley was causing heavy civilian casualties and destroying farms.",
            "destroying",
            "standing_situation",
        ),
        (
            "Monitors said the shelling of the valley by the navy's gunboats was causing heavy civilian casualties.",
            "shelling",
            "standing_situation",
        ),
        (
            "Villagers say the gunmen at the checkpoint, most of them fighting alongside the army, control the road.",
            "fighting",
            "generic_struggle",
        ),
        ("The tribes joined the offensive to push out the militia from the valley.", "push", "act_as_an_aim"),
        # An act told in the present progressive is a campaign or a policy going on, not an incident on a day.
        (
            "Jets are carrying out raids on the valley to back the offensive, the ministry said.",
            "raids",
            "act_in_the_present_progressive",
        ),
        (
            "The navy is targeting fishing boats off the coast, the rebels say.",
            "targeting",
            "act_in_the_present_progressive",
        ),
        # A perfect-tense toll of a hundred or more with no day of the news is a running total.
        ("The raids have killed 312 people, the monitor said.", "raids", "tally_of_many"),
        ("Some 450 fighters have died in the battle for the port town.", "died", "tally_of_many"),
        # A known act judged or deplored is a reaction to it.
        ("The minister said such cruel attacks on fishermen are unacceptable.", "attacks", "act_as_a_reference"),
        ("The agency deplored these strikes on schools and urged restraint.", "strikes", "act_as_a_reference"),
    ],
)
def test_background_sentences_are_named_by_their_rule(sentence: str, trigger: str, rule: str) -> None:
    assert background_reason(told(sentence, trigger), PUBLISHED) == rule


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Air strikes killed twelve people in the market town on Monday, the monitor said.", "strikes"),
        ("Gunmen stormed a checkpoint near the bridge and killed four soldiers.", "stormed"),
        ("Police fired tear gas at protesters outside the ministry on Sunday.", "fired"),
        # The incident in the first clause is news; the war's running toll at the end is background of its own.
        ("A car bomb killed nine people in the capital on Friday, in a war that has killed thousands.", "bomb"),
        ("The town, held by the rebels since 2012, was hit by air strikes on Monday.", "hit"),
        ("Government troops were fighting Kurdish units near the dam on Sunday.", "fighting"),
        ("On Friday air strikes killed 14 people in the town which has been under siege since the spring.", "strikes"),
        # A spell of raids that names the incident it culminated in ("when it dropped ...") tells that incident.
        ("The army has stepped up raids in recent days, killing 31 when it bombed the bakery queue.", "raids"),
        # An army that escalated its shelling of a town is reported as doing it: the act is the news.
        ("The army has escalated its shelling of the old town since the rebels refused the deal.", "shelling"),
        ("The blast on Monday was heard across the country, the broadcaster said.", "blast"),
        ("Air strikes killed 12 in the village as families tried to flee the fighting.", "strikes"),
        ("The army retook the delta town on Monday after a week-long campaign.", "retook"),
        # Fighting told as going on is reported now: a headline's "ongoing clashes" is news, "ongoing violence" a state.
        ("Heavy shelling accompanies the ongoing clashes in the hills east of the dam", "shelling"),
        ("Ongoing clashes between the militia and the army in the northern valley", "clashes"),
        # Fighting told as still going on happens now: news, unlike an effort still going on.
        ("Clashes are still taking place on the edge of the old town, the monitor said.", "Clashes"),
        ("Battles are still raging around the airport road.", "Battles"),
        # A caption's scene without the picture's date closing it, or a date closing a sentence of news, is news.
        ("Residents inspect the damage after an air strike hit the market on Monday.", "strike"),
        ("An air strike hit the market of the port town on March 3, 2024.", "strike"),
        # A toll that counts the incident itself, and a place told as the scene of acts it reports, are news.
        ("Shelling of the port killed 40 people, the monitor's toll showed.", "Shelling"),
        ("The port was the scene of heavy shelling on Monday.", "shelling"),
        ("The militias did not stop fighting the army on Monday.", "fighting"),
        # Victims killed in the act the sentence reports, and a place that was being shelled when it was hit, are news.
        ("Rescuers found the bodies of those who were killed when the bridge was bombed on Monday.", "bombed"),
        ("Gunmen killed the men who were guarding the pumping station.", "killed"),
        ("The convoy was being shelled when the bridge collapsed on Sunday.", "shelled"),
        # A disaster's word in a sentence that tells an attack, or a blast said to be no accident, is news.
        ("The collapse of the bridge came after an air strike killed six people on Monday.", "strike"),
        ("The blast that killed nine at the depot was not an accident, police said.", "blast"),
        # Strikes told in the simple past over the past hours are those strikes: news.
        ("Drone strikes killed 30 militants in the hills over the past 24 hours, the army said.", "strikes"),
        # A lead run on after a site's topic tag is news: the tag names only its own words.
        ("Topic Offensive on the Northern Front (42) Rebels shelled the port on Monday.", "shelled"),
        # A cue after the trigger says nothing of it: the strike itself happened ("would" tells what it is called).
        ("The air strike would be the deadliest of the war, the monitor said.", "strike"),
        ("Jets bombed the market on Monday, hours after a deal intended to end the fighting.", "bombed"),
        # A past act told with doubt is news ("may have"), and so is a month-dated incident with no word of months ago.
        ("At least 20 people may have been killed in the shelling of the port on Sunday.", "killed"),
        # A modal about who did it speaks of the act, it does not make it one that may come.
        ("A source said a drone may be behind the strike on the convoy on Monday.", "strike"),
        # A month's name is no modal: a dated headline is news.
        ("May 3 2024 Army Shells Rebel Posts in the Hills", "Shells"),
        ("Hundreds of people have been killed in an air strike on the market, the agency said.", "killed"),
        # Fighters killed while trying to storm a post took part in an incident: a foiled attack is news.
        ("Twelve gunmen were killed while trying to storm the army post on Monday.", "storm"),
        # Strikes or clashes in several areas of one province on one day are an incident, told as such.
        ("On Thursday air strikes on several areas of the province wounded 50 people.", "strikes"),
        ("Clashes continue in several areas of the eastern countryside.", "Clashes"),
        # An act told as what a finding was about, beside the finding, is news when it is told apart from it.
        ("Jets bombed the clinic on Monday; an inquiry later found that it had been marked on maps.", "bombed"),
        # An act of the news beside one recalled from last year, or explained as part of a campaign, is news.
        ("The town, captured by the militia last year, was shelled on Monday.", "shelled"),
        ("The raid on the port on Sunday is part of a wider offensive, the army said.", "raid"),
        # A caption's verb told in the past is the news itself.
        ("A man carried his son out of the rubble after the strike on Monday, witnesses said.", "strike"),
        # "In the past week" is a spell, as "in the past four days" is: no habit.
        ("Militants shot dead three shepherds in the past week near the hill village, residents said.", "shot"),
        ("Four of the fishermen seized in the past month have been executed, the family said.", "executed"),
        # An escalation told in the past is what was done on a day: news.
        ("The army escalated its shelling of the old quarter on Monday, killing six.", "shelling"),
        # A headline tells past news in the present: the escalation it names is what was done.
        ("Militia intensifies the shelling on two border villages and wounds civilians", "shelling"),
        # A toll of the strikes just told is a fact of that incident, not a sum of incidents.
        ("Twelve soldiers were killed and 30 wounded in these strikes.", "strikes"),
        # A way paved in the past tells that the act happened.
        ("The retreat paved the way for the militia to storm the hill post.", "storm"),
        # Who was responsible for an incident is a fact of it, and joins it.
        ("Officials believe a navy gunboat was responsible for the strike on the ferry.", "strike"),
        # Strikes over the past few days told with a count of what they hit are the strikes: news.
        ("Jets have pounded four bridges in the past three days, the monitor said.", "pounded"),
        # A spell in the sentence that is another act's does not make the day's act a campaign.
        ("On June 3 troops broke the siege the militia had kept on the town for several years.", "broke"),
        # Large parts taken on a day are that day's act.
        ("The rebels seized large parts of the old town on Monday, the monitor said.", "seized"),
        # A caption needs its closing date: a present-tense headline is news.
        ("Militia fires rockets at the port as the truce collapses", "fires"),
        # The text of the article run on after a page's links, with no full stop between, tells its news.
        ("Read also Talks stall in the capital Meanwhile rebels shelled the port, killing three.", "shelled"),
        ("Related Envoy visits the camps Gunmen stormed a checkpoint on Monday and killed four soldiers.", "stormed"),
        # A toll of a hundred or more told with its day is that day's incident; a year is no toll.
        ("Air strikes have killed 120 people in the market town on Monday, the monitor said.", "strikes"),
        ("Shelling has left 2016 families without water in the old quarter.", "Shelling"),
        # An act told with its toll is news, however it is judged.
        ("Jets bombed the market on Monday, killing nine, in a strike the envoy called unacceptable.", "bombed"),
    ],
)
def test_news_of_an_incident_is_not_background(sentence: str, trigger: str) -> None:
    assert background_reason(told(sentence, trigger), PUBLISHED) == ""


def test_an_incident_the_sentence_dates_months_before_publication_is_history() -> None:
    sentence = "In October the militants overran the border town after a week of fighting."
    old = DateInterval(dt.date(2023, 10, 1), dt.date(2023, 10, 31), "month", Span("d", 503, 513))
    assert background_reason(told(sentence, "overran", old), PUBLISHED) == "history"


def test_an_act_dated_months_back_right_after_its_trigger_is_history_whatever_the_sentence_is_dated() -> None:
    # The news (Monday's vote) dates the report; the agreement's own date follows its trigger.
    sentence = "On Monday the assembly ratified a border agreement signed on October 4 by the two ministers."
    monday = DateInterval(dt.date(2024, 3, 11), dt.date(2024, 3, 11), "day", Span("d", 503, 509))
    assert background_reason(told(sentence, "signed", monday), PUBLISHED) == "history"


def test_a_recent_date_after_the_trigger_or_an_old_one_far_from_it_is_no_history() -> None:
    recent = "Rebels seized the dam on March 9 after heavy clashes."
    assert background_reason(told(recent, "seized"), PUBLISHED) == ""
    far = "Rebels seized the dam, which the army had held since the long siege that ended on October 4."
    assert background_reason(told(far, "seized"), PUBLISHED) == ""


def test_an_act_in_the_pluperfect_before_an_old_date_of_its_sentence_is_history() -> None:
    # The statement is dated months back; what it says had happened happened before it.
    sentence = "In June 2023 the ministry announced that its troops had killed the commander of the brigade."
    assert background_reason(told(sentence, "killed"), PUBLISHED) == "history"
    passive = "The inspectors confirmed in late 2022 that nerve gas had been used in the valley."
    assert background_reason(told(passive, "used"), PUBLISHED) == "history"


def test_an_act_in_the_pluperfect_told_against_a_recent_date_is_news() -> None:
    sentence = "On Monday the monitor said gunmen had killed four shepherds near the dam."
    assert background_reason(told(sentence, "killed"), PUBLISHED) == ""
    # An old date with the act in the simple past dates the other act, not this one.
    simple = "Rebels retook the dam on Monday, which the army took from them in June 2023."
    assert background_reason(told(simple, "retook"), PUBLISHED) == ""


def test_the_pluperfect_rule_is_off_at_zero_reach() -> None:
    raw = {"history_after_days": 31, "history_pluperfect_reach_words": 0, "rules": []}
    sentence = "In June 2023 the ministry announced that its troops had killed the commander of the brigade."
    assert background_reason(told(sentence, "killed"), PUBLISHED, rules_from_dict(raw)) == ""


def test_a_date_carried_from_an_earlier_sentence_does_not_make_history() -> None:
    # The date was given two sentences before; this one says nothing of when, so it is not judged by it.
    sentence = "Rockets hit the airport road, killing two drivers."
    carried = DateInterval(dt.date(2023, 10, 1), dt.date(2023, 10, 31), "month", Span("d", 100, 110))
    assert background_reason(told(sentence, "Rockets", carried), PUBLISHED) == ""


def test_a_recent_incident_recalled_is_still_news() -> None:
    sentence = "Last week the rebels seized the dam after heavy clashes."
    recent = DateInterval(dt.date(2024, 3, 4), dt.date(2024, 3, 10), "week", Span("d", 500, 509))
    assert background_reason(told(sentence, "seized", recent), PUBLISHED) == ""


@pytest.mark.parametrize(
    ("sentence", "trigger", "rule"),
    [
        ("The district is covered by a truce between the militia and the army.", "truce", "agreement_as_backdrop"),
        ("Both sides blamed each other for ceasefire violations.", "ceasefire", "agreement_as_backdrop"),
        (
            "The province lies in a safe zone set up under a deal between the three powers.",
            "deal",
            "agreement_as_backdrop",
        ),
        ("The two sides signed a ceasefire agreement in the capital on Monday.", "agreement", ""),
        ("A truce brokered by the two envoys last week took effect at noon.", "truce", ""),
        # The day a deal comes into force is its own: an agreement's incident.
        ("The local truce had come into force on the evening of May 3.", "truce", ""),
        # A deal told as ending is no deal made, whoever brokered it.
        ("A truce brokered by the two powers collapsed last month.", "truce", "agreement_ended"),
        ("The border deal the two sides signed in May broke down on Monday.", "deal", "agreement_ended"),
    ],
)
def test_an_agreement_is_an_incident_only_when_the_text_says_it_was_made(
    sentence: str, trigger: str, rule: str
) -> None:
    report = told(sentence, trigger)
    report.event_type, report.sub_event_type = "Strategic developments", "Agreement"
    assert background_reason(report, PUBLISHED) == rule


def test_a_headline_of_another_story_is_a_link_but_the_articles_own_title_is_news() -> None:
    link = "Photo Jane Roe Army Repels Militant Attack on Hill Town North of the Capital"
    report = told(link, "Attack")
    assert (
        background_reason(report, PUBLISHED, title="Rebels Shell Port City, Killing Four")
        == "headline_of_another_story"
    )
    # The same words printed as the article's own title name its lead incident: news.
    assert background_reason(report, PUBLISHED, title="Army Repels Militant Attack on Hill Town") == ""


def test_an_untitled_page_that_opens_with_its_headline_keeps_it_as_news() -> None:
    headline = "Army Repels Militant Attack on Hill Town North of the Capital"
    text = headline + "\nThe army said it drove back the militants on Monday."
    report = told(headline, "Attack", offset=0)
    mark_background([report], Document(name="d", content_hash="h", text=text, published=PUBLISHED))
    assert report.background == ""


def test_a_title_in_the_present_progressive_tells_the_days_news() -> None:
    title = "Jets are shelling the hill villages east of the port"
    report = told(title, "shelling", offset=0)
    assert background_reason(report, PUBLISHED, title=title) == ""
    assert background_reason(report, PUBLISHED, title="Talks stall in the capital") == "act_in_the_present_progressive"


def test_the_rules_reject_unknown_keys() -> None:
    with pytest.raises(ValueError, match="unknown keys"):
        rules_from_dict({"history_after_days": 31, "rules": [{"name": "x", "patterns": ["a"], "reach": 3}]})
    assert [r.name for r in load_rules().rules][:2] == ["running_toll", "period_total"]


def test_a_rule_judges_each_report_of_one_sentence_by_its_own_trigger() -> None:
    # A sentence's matches are found once for all its reports; how near each lies is still measured from each
    # report's own trigger.
    rules = rules_from_dict(
        {"history_after_days": 31, "rules": [{"name": "near_rumour", "patterns": [r"\brumou?red\b"], "reach_words": 3}]}
    )
    sentence = "Gunmen stormed the market at dawn, and much later a bridge was rumoured to have been blown up."
    assert background_reason(told(sentence, "blown"), PUBLISHED, rules) == "near_rumour"
    assert background_reason(told(sentence, "stormed"), PUBLISHED, rules) == ""
    assert background_reason(told(sentence, "blown"), PUBLISHED, rules) == "near_rumour"


def test_a_rule_left_out_no_longer_marks_what_it_alone_covered() -> None:
    # Measuring a rule's net effect re-marks stored reports without it: what only it covered becomes news again,
    # what another rule covers stays background under that rule's name.
    habit = told("Militias regularly raid the farms on the northern plain.", "raid")
    toll = told("More than 9,000 people have been killed in the conflict, the monitor says.", "killed")
    document = Document(name="d", content_hash="h", text="x" * 1000, published=PUBLISHED, title="Farms raided")
    rules = without_rules(load_rules(), ["habitual"])
    mark_background([habit, toll], document, rules)
    assert (habit.background, toll.background) == ("", "running_toll")
    mark_background([habit, toll], document)
    assert (habit.background, toll.background) == ("habitual", "running_toll")


def test_leaving_out_the_date_rule_makes_an_old_incident_news_and_a_misspelt_name_is_refused() -> None:
    sentence = "In October the militants overran the border town after a week of fighting."
    old = DateInterval(dt.date(2023, 10, 1), dt.date(2023, 10, 31), "month", Span("d", 503, 513))
    assert background_reason(told(sentence, "overran", old), PUBLISHED, without_rules(load_rules(), ["history"])) == ""
    with pytest.raises(ValueError, match="no background rule"):
        without_rules(load_rules(), ["habitually"])
