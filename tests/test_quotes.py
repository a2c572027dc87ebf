"""Quotation marks: how much of a sentence is someone's own words (the bottom line's test, issue 19)."""

from __future__ import annotations

import pytest

from briefgen.text.quotes import quotation, quoted_share


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
    ('The storm dropped 12" of snow on Boston overnight.', 0.0, False),
    # Typographic single marks; an apostrophe is none.
    ("\u2018We have a deal,\u2019 the minister said.", 4 / 7, True),
    ("It\u2019s a deal, the minister said on Tuesday.", 0.0, False),
])
def test_quoted_share_and_quotation(text: str, share: float, is_quotation: bool) -> None:
    assert quoted_share(text) == pytest.approx(share)
    assert quotation(text) is is_quotation
