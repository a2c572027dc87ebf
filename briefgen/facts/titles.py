"""The office a sentence gives a named person: "chief prosecutor Hans Carlsson", "Wi, director of ...".

:func:`titles` reads two forms:

* a title before the name: "National Security Adviser Wi Sung-lack",
  "chief prosecutor Hans Carlsson", "Deputy Minister Kim";
* an apposition after it: "Hans Carlsson, the lead detective in the case",
  "Wi Sung-rak, director of the National Security Office".

Each gives a :class:`~briefgen.facts.values.Value` of measure ``"title"``
whose subject is the person's surname and whose role holds the office words.
:func:`differ` says whether two of them name different offices: different
posts of one family ("detective" / "prosecutor", "adviser" / "minister"; a
judge who presides over a tribunal holds both posts, an archbishop may chair a
commission), a deputy and the post itself, one post in two named offices
("Foreign Minister" / "Defense Minister"; not "the company's chairman" /
"chairman of Microsoft"), or two different services under generic words
("head of the anti-kidnapping department" / "leader of the anti-terrorist
squad"). One
office translated two ways ("National Security Adviser" / "director of the
National Security Office": the same office words) is not a difference, nor is
a generic word against a post ("leader" / "prime minister"). A former or
acting office is left out.
"""

from __future__ import annotations

from briefgen.facts.amounts import Word, split_words
from briefgen.facts.values import Value
from briefgen.text.names import name_key
from briefgen.text.words import STOPWORDS, stem

__all__ = ["POST_WORDS", "differ", "titles"]

# Words that name a post; "vice" and "deputy" make another post of the one they precede.
_POSTS = frozenset(["minister", "secretary", "adviser", "advisor", "director", "president", "chairman",
                    "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "ambassador",
                    "governor", "mayor", "senator", "prosecutor", "judge", "detective", "inspector",
                    "commissioner", "commander", "general", "colonel", "captain", "lieutenant", "sergeant",
                    "major", "envoy", "premier", "chancellor", "lawyer", "attorney", "editor", "professor",
                    "ceo", "executive", "manager", "coach", "administrator", "superintendent", "sheriff",
                    "justice", "consul", "congressman", "congresswoman", "lawmaker", "legislator",
                    "treasurer", "counsel", "investigator", "ombudsman", "archbishop", "bishop", "cardinal",
                    "pope", "mufti", "imam", "rabbi"])
_RANKS = {"col": "colonel", "gen": "general", "lt": "lieutenant", "capt": "captain", "sgt": "sergeant",
          "maj": "major", "adm": "admiral", "cmdr": "commander"}
_MODIFIERS = frozenset({"deputy", "vice", "assistant", "associate", "acting", "chief", "senior", "lead",
                        "top", "principal", "special", "first", "second", "under", "interim"})
_GENERIC = frozenset({"head", "leader", "official", "officer", "chief", "boss", "representative", "member",
                      "aide", "spokesman", "spokeswoman", "spokesperson"})
# Words inside an office's name that say nothing about which office it is.
_FILLER = frozenset(["the", "of", "a", "an", "for", "in", "and", "department", "office", "ministry",
                     "agency", "bureau", "unit", "squad", "service", "team", "division", "section",
                     "national", "regional", "local", "state", "city", "federal", "special", "anti", "top",
                     "senior", "lead", "chief", "deputy", "vice", "head", "leader", "official", "officer"])
_PAST = frozenset({"former", "ex", "then", "acting", "late", "retired", "outgoing", "incoming", "designate",
                   "elect", "new", "interim", "would-be"})
_STOP_APPOSITION = frozenset({",", ";", ":", ".", "(", ")", "\"", "who", "which", "that", "said", "says",
                              "told"})


#: Every word that can name a post, a rank or an office, lower case.
POST_WORDS = _POSTS | frozenset(_RANKS) | _GENERIC


def _is_post(low: str) -> bool:
    return low in _POSTS or low in _RANKS or low in _GENERIC


def _name_after(words: tuple[Word, ...], k: int) -> tuple[int, int]:
    """The capitalised name starting at ``k``: (first, last) token, or (-1, -1)."""
    j = k
    while j < len(words) and j - k < 6 and words[j].text[:1].isupper() \
            and words[j].text.replace("-", "").isalpha() and words[j].low not in STOPWORDS \
            and not _is_post(words[j].low):
        j += 1
        if len(words[j - 1].text) == 1 and j < len(words) and words[j].text == ".":
            j += 1  # an initial: "B. J. Habibie"
        while j + 1 < len(words) and words[j].text == "-" and words[j + 1].text[:1].isalpha():
            j += 2  # "Sung-lack"
    while j > k and (words[j - 1].text == "." or len(words[j - 1].text) < 3):
        j -= 1  # a name ends with a surname, not an initial
    return (k, j - 1) if j > k else (-1, -1)


def _person(words: tuple[Word, ...], first: int, last: int) -> tuple[str, str]:
    """(key, shown) of the person named by tokens ``first..last``: the key of the surname."""
    parts = [w.text for w in words[first:last + 1]]
    shown = " ".join(parts).replace(" - ", "-").replace(" .", ".")
    names = [p for p in shown.split() if p[:1].isupper() and len(p.rstrip(".")) > 1] or [shown]
    # A short Korean surname comes first ("Wi Sung-rak"); otherwise the surname is last.
    surname = names[0] if len(names) >= 2 and len(names[0]) <= 3 and "-" in names[1] else names[-1]
    return name_key(surname), shown


def _role(words: tuple[Word, ...], lo: int, hi: int) -> tuple[frozenset[str], str]:
    """(role words, shown) of tokens ``lo..hi``: the post, its modifiers and the office's own words."""
    role = set()
    for w in words[lo:hi + 1]:
        low = w.low.rstrip(".")
        low = _RANKS.get(low, low)
        if w.text == "-" or low in ("the", "a", "an", "of", "for", "in", "and"):
            continue
        if _is_post(low) or low in _MODIFIERS:
            role.add(low)
        else:
            # An office's own name is capitalised ("Foreign Minister"); "the company's chairman" is not.
            role.add(("^" if w.text[:1].isupper() else "") + stem(low)[:6])
    shown = " ".join(w.text for w in words[lo:hi + 1]).replace(" - ", "-").replace(" .", ".")
    return frozenset(role), shown


def titles(text: str) -> list[Value]:
    """The titles ``text`` gives named persons (see the module docstring)."""
    words = split_words(text)
    if not any(_is_post(w.low.rstrip(".")) for w in words):
        return []
    out: list[Value] = []
    n = len(words)
    i = 0
    while i < n:
        low = words[i].low.rstrip(".")
        if not _is_post(low):
            i += 1
            continue
        # A title before a name: the run of title words that ends right before it.
        end = i
        while end + 1 < n and (_is_post(words[end + 1].low.rstrip(".")) or words[end + 1].text == "."):
            end += 1
        first, last = _name_after(words, end + 1)
        if first >= 0:
            start = i
            while start > 0 and words[start - 1].text[:1].isalpha() \
                    and words[start - 1].low not in STOPWORDS \
                    and (words[start - 1].text[:1].isupper() or words[start - 1].low in _MODIFIERS
                         or words[start - 1].low.startswith("anti")) and start > i - 4:
                start -= 1
            while start > 0 and words[start - 1].text == "-" and start > 1:
                start -= 2  # "anti-kidnapping"
            if not (start > 0 and words[start - 1].low in _PAST) and not any(
                    words[j].low in _PAST for j in range(start, end + 1)):
                key, person = _person(words, first, last)
                role, shown = _role(words, start, end)
                if key and _specific(role):
                    out.append(Value("title", "title", key, shown, role=role, labelled=(person,)))
            i = last + 1
            continue
        i = end + 1
    # An apposition: "Hans Carlsson, the lead detective in the case,"
    for k in range(2, n - 2):
        if words[k].text != "," or not words[k - 1].text[:1].isupper():
            continue
        j = k + 1
        if words[j].low in ("the", "a", "an"):
            j += 1
        if j < n and words[j].low in _PAST:
            continue
        start = j
        end = j
        while end < n and words[end].text not in _STOP_APPOSITION and end - start < 9:
            if end > start and words[end].text[:1].isupper() and _is_post(words[end - 1].low) \
                    and not _is_post(words[end].low):
                break  # "..., President Lee visited": a title before a name, read above
            end += 1
        end -= 1
        heads = [x for x in range(start, end + 1) if _is_post(words[x].low)]
        if not heads or heads[0] - start > 3 or end + 1 < n and words[end + 1].text[:1].isupper():
            continue
        name_end = k - 1
        name_start = name_end
        while name_start > 0 and words[name_start - 1].text[:1].isupper() and name_end - name_start < 3 \
                and words[name_start - 1].low not in STOPWORDS and not _is_post(words[name_start - 1].low):
            name_start -= 1
        # A person: two capitalised words or more, not the end of a list or a place ("Halifax, Nova Scotia,").
        if name_end - name_start < 1 or (name_start > 0 and words[name_start - 1].text in (",", "(")) \
                or any(len(w.text) < 2 or not w.text.replace("-", "").isalpha()
                       for w in words[name_start:name_end + 1]):
            continue
        key, person = _person(words, name_start, name_end)
        role, shown = _role(words, start, end)
        if key and _specific(role):
            out.append(Value("title", "title", key, shown, role=role, labelled=(person,)))
    return out


def _specific(role: frozenset[str]) -> bool:
    """Whether a role says which office: a post, or a generic word with office words."""
    return bool(role & _POSTS) or bool(role & set(_RANKS.values())) or bool(_office(role))


def _office(role: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in role if not _is_post(w) and w not in _MODIFIERS and w not in _FILLER
                     and w not in _RANKS.values())


# Posts one person holds apart from each other: a justice system's (a detective is not a prosecutor)
# and a government's (an adviser is not a minister). Posts of different families, and ranks,
# honours and corporate posts, are often held together (a judge presiding over a tribunal; an
# archbishop chairing a commission; a chairman and chief executive).
_FAMILIES = (
    frozenset({"detective", "inspector", "investigator", "prosecutor", "judge", "justice", "lawyer",
               "attorney", "sheriff", "counsel", "ombudsman"}),
    frozenset({"minister", "adviser", "advisor", "secretary", "ambassador", "envoy", "governor", "mayor",
               "senator", "premier", "chancellor", "president", "consul", "congressman", "congresswoman",
               "lawmaker", "legislator", "treasurer"}),
)


def differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether role words ``a`` and ``b`` name different offices (see the module docstring)."""
    posts_a, posts_b = (a & _POSTS) - _GENERIC, (b & _POSTS) - _GENERIC
    office_a, office_b = _office(a), _office(b)
    if office_a & office_b or {w.lstrip("^") for w in office_a} & {w.lstrip("^") for w in office_b}:
        return False  # one office, worded two ways
    named_a = {w for w in office_a if w.startswith("^")}
    named_b = {w for w in office_b if w.startswith("^")}
    if posts_a and posts_b:
        if posts_a & posts_b:
            deputy_a = bool(a & {"deputy", "vice", "assistant"})
            deputy_b = bool(b & {"deputy", "vice", "assistant"})
            return deputy_a != deputy_b or bool(named_a and named_b)
        return any(posts_a & family and posts_b & family for family in _FAMILIES)
    if not posts_a and not posts_b:
        return bool(office_a and office_b)
    return False
