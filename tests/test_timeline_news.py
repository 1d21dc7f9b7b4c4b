"""When a report was written, on the forms of election news (issue 19): the page's address, a
weekday the report also dates, spans of years that are no writing date, a bare-year guess that
gives no year, the first round that a dated sibling report shows as weeks old, a follow-up
written weeks later that is no guide. Clues are written for these tests."""
import datetime as dt

import pytest

from kastfacts.dates import DateMention
from kastfacts.timeline import (
    Anchor, TimeFrame, anchor_corpus, anchor_for, date_from_url, document_frame,
)


def frame_of(*items, source=None):
    """items: (text, timex, direction, weekday, tense)."""
    mentions = [DateMention(0, len(t), t, x, d, w) for t, x, d, w, _ in items]
    return document_frame(mentions, [i[4] for i in items], source)


# --- the page's address -------------------------------------------------------------------------

@pytest.mark.parametrize("url,day", [
    ("https://news.example.com/world/2024/03/17/vote-count-ends/", "2024-03-17"),
    ("http://example.org/txt/2023-10/22/content_998877.htm", "2023-10-22"),
    ("https://example.net/politica/candidato-gana/20220619231500123456.html", "2022-06-19"),
    ("https://blog.example.com/2021/04/resultats.html", "2021-04"),
    ("https://example.com/story/article-12345678/runoff.html", None),
    ("https://example.com/?p=765432", None),
    ("https://example.com/opinion/2016-2020-balance-de-un-gobierno", None),
    ("https://2024.example.com/news/vote", None),          # a host is no date
])
def test_date_from_url(url, day):
    assert date_from_url(url) == day


def test_the_page_address_dates_a_report():
    frame = frame_of(("dimanche", "XXXX-WXX-7", None, 7, "past"),
                     source="https://example.org/monde/2024/03/18/le-vote/")
    a = anchor_for(frame)
    assert a.date == dt.date(2024, 3, 18) and "url" in a.method and a.confidence >= 0.9


def test_an_address_with_only_a_month_gives_the_month():
    frame = frame_of(("ce matin", "PRESENT_REF", "this", None, "present"),
                     source="https://blog.example.com/2021/04/resultats.html")
    assert anchor_for(frame).year == 2021


# --- a bare weekday the report also gives with its date is that date -----------------------------

@pytest.mark.parametrize("items", [
    [("el martes 8 de julio de 2025", "2025-07-08", None, 2, "past"),
     ("la tarde del martes", "XXXX-WXX-2", None, 2, "past")],
    [("le mardi 8 juillet 2025", "2025-07-08", None, 2, "past"),
     ("mardi soir", "XXXX-WXX-2", None, 2, "past")],
    [("on Tuesday, July 8, 2025", "2025-07-08", None, 2, "past"),
     ("late on Tuesday", "XXXX-WXX-2", None, 2, "past")],
])
def test_a_weekday_the_report_dates_is_no_clue_of_its_own(items):
    frame = frame_of(*items)
    assert [c.text for c in frame.constraints] == [items[0][0]]
    assert anchor_for(frame).date == dt.date(2025, 7, 9)     # not the next Tuesday


# --- spans of years and bare years give no writing date -------------------------------------

def test_a_span_of_years_is_no_writing_date():
    frame = frame_of(("(1945-1951)", "1945/1951", None, None, "present"))
    assert frame.is_empty() and anchor_for(frame) is None


def test_a_bare_year_guess_gives_no_year_to_dates():
    guess = anchor_for(frame_of(("en 2019", "2019", None, None, "present")))
    assert guess.year == 2019 and guess.year_for_dates is None
    sure = anchor_for(frame_of(("el 3 de mayo de 2024", "2024-05-03", None, None, "past")))
    assert sure.year_for_dates == 2024


def test_a_plan_early_next_year_does_not_move_the_report_into_it():
    # a past Sunday 24 November and an inauguration on 1 March 2025, one with no verb
    a = anchor_for(frame_of(("dimanche 24 novembre", "XXXX-11-24", None, 7, "past"),
                            ("le 1er mars 2025", "2025-03-01", None, None, None),
                            ("le 1er mars 2025", "2025-03-01", None, None, "future")))
    assert a.date == dt.date(2024, 11, 25)


# --- related reports ---------------------------------------------------------------------------

NAMES = {"Orsi", "Delgado", "Uruguay", "Frente Amplio"}


@pytest.mark.parametrize("items", [
    [("la primera vuelta del 27 de octubre", "XXXX-10-27", None, None, "past"),
     ("votaron este domingo", "XXXX-WXX-7", "this", 7, "past")],
    [("le premier tour du 27 octobre", "XXXX-10-27", None, None, "past"),
     ("ont voté ce dimanche", "XXXX-WXX-7", "this", 7, "past")],
    [("the October 27 first round", "XXXX-10-27", None, None, "past"),
     ("voted this Sunday", "XXXX-WXX-7", "this", 7, "past")],
])
def test_the_first_round_a_dated_sibling_shows_as_weeks_old_is_background(items):
    # the sibling, dated by its metadata, cites 27 October four weeks back
    wire = frame_of(("Oct. 27", "XXXX-10-27", None, None, "past"),
                    ("Sunday", "XXXX-WXX-7", None, 7, "past"))
    frames = {"report": frame_of(*items), "wire": wire}
    entities = {"report": NAMES, "wire": NAMES | {"Lacalle Pou"}}
    anchors = anchor_corpus(frames, entities, {"wire": dt.date(2024, 11, 25)})
    assert anchors["report"].date == dt.date(2024, 11, 24)      # the runoff Sunday, not 27 October's
    # without the sibling's clues, the report's own past day pulls it back to October
    alone = anchor_corpus({"report": frame_of(*items)}, entities, {"wire": dt.date(2024, 11, 25)})
    assert alone["report"].date < dt.date(2024, 11, 10)


def test_a_follow_up_written_weeks_later_does_not_pull_the_report():
    report = frame_of(("este viernes", "XXXX-WXX-5", "this", 5, "past"),
                      ("el 28 de julio", "XXXX-07-28", None, None, "past"))
    frames = {"report": report}
    entities = {"report": NAMES, "later": NAMES}
    later = Anchor(dt.date(2024, 9, 21), 2024, "inferred:weekday+url", 0.9)
    assert anchor_corpus(frames, entities, {"later": later.date})["report"].date == dt.date(2024, 8, 2)


def test_spanish_day_and_initial_dates_the_report_near_its_siblings():
    report = frame_of(("del 23-J", "XXXX-06-23|XXXX-07-23", None, None, None),
                      ("este 23-J", "XXXX-06-23|XXXX-07-23", "this", None, "present"),
                      ("en 2019", "2019", None, None, "present"))
    entities = {"report": {"PP", "PSOE", "Vox"}, "wire": {"PP", "PSOE", "Sumar"}}
    anchors = anchor_corpus({"report": report}, entities, {"wire": dt.date(2023, 7, 24)})
    assert anchors["report"].date == dt.date(2023, 7, 23)
    assert anchors["report"].year_for_dates == 2023


def test_frames_round_trip_with_alternatives_and_background():
    frame = frame_of(("este 23-J", "XXXX-06-23|XXXX-07-23", "this", None, "present"),
                     source="https://example.com/2023/07/23/x")
    assert TimeFrame.from_dict(frame.to_dict()) == frame
