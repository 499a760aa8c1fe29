"""Find every word sequence of a text that is a gazetteer name, without looking at case.

The text is split into word tokens once; each token's key hash comes from a per-process
cache (the vocabulary of a corpus is small next to its length). The n-gram hashes of all
lengths are then formed with numpy and looked up in the sorted hash array in one
``searchsorted`` per length, so the cost per word is a few array operations, not a dictionary
probe per n-gram. N-grams never cross punctuation other than a hyphen or an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import numpy as np

from incidex.gazetteer.index import FLAG_SLOTS, Gazetteer
from incidex.gazetteer.normalize import ARTICLES, BARE_ARTICLES, CANONICAL_ARTICLE, MASK, MULT, fold, token_hash, token_key

MAX_NGRAM = 6
_SPLIT = re.compile(r"([^\W\d_]+(?:['\u2019\u02bf\u02be`][^\W\d_]+)*-?)")
_SOFT_GAP = re.compile(r"[ \t\-\u2010\u2011]*\n?[ \t]*\Z")

CASE_LOWER, CASE_TITLE, CASE_UPPER = 0, 1, 2


@lru_cache(maxsize=1 << 16)
def _token_info(raw: str) -> tuple[int, int, str, int]:
    """(key hash, case class, folded word, characters to trim from the end) of one raw token."""
    trim = 0
    hyphen = raw.endswith("-")
    if hyphen:
        raw = raw[:-1]
        trim = 1
    if len(raw) > 2 and raw[-2] in "'\u2019" and raw[-1] in "sS":  # possessive "Mosul's"
        raw = raw[:-2]
        trim += 2
    word = fold(raw).replace(" ", "")
    if not raw:
        case = CASE_LOWER
    elif raw[0].isupper():
        case = CASE_UPPER if len(raw) > 1 and raw.isupper() else CASE_TITLE
    else:
        case = CASE_LOWER
    if word in BARE_ARTICLES or (hyphen and word in ARTICLES):
        key = CANONICAL_ARTICLE
    else:
        key = token_key(word)
    return token_hash(key), case, word, trim


def token_hash_of(word: str) -> int:
    """The key hash the matcher gives a word written alone (lower case, no hyphen)."""
    return _token_info(word)[0]


@lru_cache(maxsize=4096)
def _is_break(gap: str) -> bool:
    """A gap between two words that a name cannot span (anything but spaces, one hyphen, one newline)."""
    return gap != " " and not _SOFT_GAP.match(gap)


@dataclass
class Tokens:
    """The word tokens of one text, as parallel lists (no object per token)."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]  # folded surface ("mosul", "al", "raqqa")
    cases: list[int]  # CASE_* per token
    hashes: list[int]  # key hash per token
    brk: list[int]  # cumulative count of hard breaks up to each token

    def __len__(self) -> int:
        return len(self.words)

    def span(self, i: int, n: int = 1) -> tuple[int, int]:
        return self.starts[i], self.ends[i + n - 1]

    def surface(self, i: int, n: int = 1) -> str:
        return self.text[self.starts[i]:self.ends[i + n - 1]]

    def joined(self, i: int, j: int) -> bool:
        """No hard break between token i and token j (i <= j)."""
        return i == j or self.brk[j] == self.brk[i]

    def gap(self, i: int) -> str:
        """The characters between token i-1 and token i (the text before token 0 for i == 0)."""
        prev_end = self.ends[i - 1] if i > 0 else 0
        return self.text[prev_end:self.starts[i]]


def tokenize(text: str) -> Tokens:
    parts = _SPLIT.split(text)  # gap, word, gap, word, ..., gap
    raws = parts[1::2]
    if not raws:
        return Tokens(text, [], [], [], [], [], [])
    bounds = list(accumulate(map(len, parts)))
    infos = list(map(_token_info, raws))
    hashes, cases, words, trims = (list(col) for col in zip(*infos))
    starts = bounds[0:-1:2]
    ends = bounds[1::2]
    flags = [False]
    flags.extend(map(_is_break, parts[2:-1:2]))
    if any(trims):
        ends = [e - t for e, t in zip(ends, trims)]
        # a trimmed possessive ("'s") ends the name: the next word starts a new one
        for k, t in enumerate(trims):
            if t >= 2 and k + 1 < len(flags):
                flags[k + 1] = True
    return Tokens(text=text, starts=starts, ends=ends, words=words, cases=cases, hashes=hashes,
                  brk=list(accumulate(flags)))


@dataclass
class Hits:
    """Parallel lists of n-gram matches: tokens ``i .. i+n-1`` spell a key with ``hash``;
    ``tier`` is the best tier filed under it."""

    i: list[int]
    n: list[int]
    hash: list[int]
    tier: list[int]

    def __len__(self) -> int:
        return len(self.i)


def ngram_hits(tokens: Tokens, gazetteer: Gazetteer, max_n: int = MAX_NGRAM,
               skip_single: frozenset[int] = frozenset()) -> Hits:
    """Every token n-gram (n <= ``max_n``, no hard break inside) that is a gazetteer key.

    Each token's hash is screened against the index's flag table (one byte per hash slot: a
    key may end here / a longer key may go on); an n-gram is extended only while some key
    may go on, so the walk costs about one table probe per word. The screened survivors are
    then verified exactly against the sorted hash array in one vectorised search. A token
    whose hash is in ``skip_single`` is never a name on its own (it may start a longer one)."""
    hashes = tokens.hashes
    brk = tokens.brk
    count = len(hashes)
    flags = gazetteer.flag_bytes
    mask = FLAG_SLOTS - 1
    cand_i: list[int] = []
    cand_n: list[int] = []
    cand_h: list[int] = []
    for i, h in enumerate(hashes):
        f = flags[h & mask]
        if not f:
            continue
        if f & 1 and h not in skip_single:
            cand_i.append(i)
            cand_n.append(1)
            cand_h.append(h)
        j = i + 1
        while f & 2 and j < count and j - i < max_n and brk[j] == brk[i]:
            h = (h * MULT + hashes[j]) & MASK
            f = flags[h & mask]
            j += 1
            if f & 1:
                cand_i.append(i)
                cand_n.append(j - i)
                cand_h.append(h)
    if not cand_h:
        return Hits([], [], [], [])
    if len(cand_h) <= 64:
        tier_list = gazetteer.lookup_few(cand_h)
        keep = [k for k, t in enumerate(tier_list) if t]
    else:
        found, tiers = gazetteer.lookup(np.array(cand_h, dtype=np.uint64))
        keep = np.flatnonzero(found).tolist()
        tier_list = tiers.tolist()
    return Hits([cand_i[k] for k in keep], [cand_n[k] for k in keep], [cand_h[k] for k in keep],
                [tier_list[k] for k in keep])
