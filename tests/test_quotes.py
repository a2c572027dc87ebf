"""Quotation marks: how much of a sentence is someone's own words (the bottom line's test, issue 19)."""

from __future__ import annotations

import pytest

from briefgen.select.standalone import leaning_rule
from briefgen.text.quotes import opens_with_title, quotation, quoted_share


@pytest.mark.parametrize(("text", "share", "is_quotation"), [
    ("\u201cWe have a deal,\u201d the minister said.", 4 / 7, True),
    ('"We have a deal," the minister said.', 4 / 7, True),
    ("``We have a deal,'' the minister said.", 4 / 7, True),
    # Marks set apart by spaces, as scraped text has them: opens inside the quotation.
    ('" it was pretty solid across the board, " said michael feroli, chief economist at jp morgan.',
     7 / 15, True),
    # The middle of a quotation an earlier sentence opened: its only mark closes it.
    ('it suggests there is really no slowing in the momentum of the labor market. "', 1.0, True),
    # A quotation a later sentence closes: its only mark opens it, after the speaker.
    ('Obama said, "we have a pattern now of something going on.', 9 / 11, True),
    ('Family members were " devastated " and " heartbroken, " they told the daily press on friday.',
     2 / 13, False),
    ("The minister said they had reached a deal on Tuesday.", 0.0, False),
    ('He called the vote "a disgrace" and left the chamber before the count was announced.', 2 / 15, False),
    ("", 0.0, False),
    # The end of a quotation an earlier sentence opened, however the closing mark is written.
    ("We will win,\u201d he said.", 3 / 5, True),
    ("We will win,'' he said.", 3 / 5, True),
    ('We will win," he said.', 3 / 5, True),
    ('we will win, " he said.', 3 / 5, True),
    ('It was over," he said, "and we knew it.', 7 / 9, True),
    # A title or a word in quotation marks first is no quotation; a straight mark after a digit is inches.
    ('"Frozen" became the highest-grossing animated film of all time.', 1 / 9, False),
    # So is a title of three words or more (Multi-News 00291, lower-cased with spaced marks).
    ('"netflix and chill " is a classic case of social media-fueled semantic drift.', 3 / 12, False),
    ('The storm dropped 12" of snow on Boston overnight.', 0.0, False),
    # Typographic single marks; an apostrophe is none.
    ("\u2018We have a deal,\u2019 the minister said.", 4 / 7, True),
    ("It\u2019s a deal, the minister said on Tuesday.", 0.0, False),
])
def test_quoted_share_and_quotation(text: str, share: float, is_quotation: bool) -> None:
    assert quoted_share(text) == pytest.approx(share)
    assert quotation(text) is is_quotation


@pytest.mark.parametrize(("text", "title"), [
    # Multi-News 00016, 00124, 00191, 00279: lower-cased, so no capital names a speaker; the quoted
    # show, book or film opened no quotation and the sentence was read as an unattributed quote.
    ('" modern family " creator steven levitan summed up the 65th primetime emmy awards telecast.', True),
    ('" blood sport " is about far more than alex rodriguez, biogenesis, and ped\'s.', True),
    ('"saturday night live " has staged its "black jeopardy " sketch a few times before.', True),
    ('\u201cFrozen\u201d became the highest-grossing animated film of all time.', True),
    # A stop or comma before the closing mark, a pronoun or a verb of saying next, or too little
    # after it: a quotation.
    ('"Nonsense," he said at the hearing on Tuesday.', False),
    ('" it was pretty solid, " said feroli, chief economist at jp morgan.', False),
    ('"We will win" said Smith on Tuesday night.', False),
    ('"We will win this war" he told the crowd at the rally.', False),
    ('"Outrageous" came the reply.', False),
    # A pronoun first, or an attribution within three words (a review's probes).
    ('"It was a mistake" Carlsson said on Tuesday morning.', False),
    ('" they lied to us " tells you everything about the campaign so far.', False),
    ('" that\'s not how this works " one user wrote on twitter on monday.', False),
    ('" we have a deal " announced the prime minister on tuesday night.', False),
    ('"The Daily Show" host Jon Stewart said he would leave the program.', True),
    # Marks around nothing but spaces (they had raised an IndexError).
    ('" " is what the sign read on the door of the shuttered factory.', False),
    # Longer than a title: six words.
    ('"we are not going to give up" was the message from the strikers on friday.', False),
])
def test_a_title_in_quotation_marks_first_opens_no_quotation(text: str, title: bool) -> None:
    assert opens_with_title(text) is title
    if title:
        # Nothing about the quoted title makes the sentence lean on the one before.
        assert leaning_rule(text) is None
