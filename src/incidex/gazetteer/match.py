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
from collections.abc import Callable, Container, Sequence
from itertools import accumulate, compress

import numpy as np

from incidex.gazetteer.index import FLAG_SLOTS, Gazetteer
from incidex.gazetteer.normalize import ARTICLES, BARE_ARTICLES, CANONICAL_ARTICLE, MASK, MULT, fold, token_hash, token_key

MAX_NGRAM = 6
#: A word: letters with apostrophes inside ("Mosul's", "Qa'im"), and the hyphen that may join it to the next.
_SPLIT = re.compile(r"([^\W\d_][^\W\d_'\u2019\u02bf\u02be`]*-?)")
_SPLIT_ASCII = re.compile(r"([A-Za-z][A-Za-z'`]*-?)")  # the same for ASCII text, twice as fast
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
    while len(raw) > 1 and raw[-1] in "'\u2019\u02bf\u02be`":  # "soldiers'": the apostrophe is not part of the word
        raw = raw[:-1]
        trim += 1
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


@lru_cache(maxsize=8)
def _screened_info(gazetteer: Gazetteer, word_class: Callable[[str], int] | None
                   ) -> Callable[[str], tuple[int, int, str, int, int, int]]:
    """:func:`_token_info` plus the token's byte in ``gazetteer``'s flag table and its class
    (``word_class`` of the folded word, 0 without one), cached per raw token."""
    flags = gazetteer.flag_bytes
    mask = FLAG_SLOTS - 1

    @lru_cache(maxsize=1 << 16)
    def info(raw: str) -> tuple[int, int, str, int, int, int]:
        h, case, word, trim = _token_info(raw)
        return h, case, word, trim, flags[h & mask], word_class(word) if word_class is not None else 0

    return info


@lru_cache(maxsize=4096)
def _is_break(gap: str) -> bool:
    """A gap between two words that a name cannot span (anything but spaces, one hyphen, one newline)."""
    return gap != " " and not _SOFT_GAP.match(gap)


@dataclass(slots=True)
class Tokens:
    """The word tokens of one text, as parallel lists (no object per token)."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    words: Sequence[str]  # folded surface ("mosul", "al", "raqqa")
    cases: Sequence[int]  # CASE_* per token
    hashes: Sequence[int]  # key hash per token
    brk: Sequence[int]  # cumulative count of hard breaks up to each token
    flags: Sequence[int] | None = None  # the gazetteer's flag byte per token, when tokenized for one
    classes: Sequence[int] | None = None  # the caller's word class per token, when it passed one

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


def tokenize(text: str, gazetteer: Gazetteer | None = None, word_class: Callable[[str], int] | None = None) -> Tokens:
    """Word tokens of ``text`` with their key hashes, case classes and hard breaks, in one regex pass.

    Each distinct raw token is analysed once per process (cached), and the offsets come from one
    running sum over the split's parts, so every step runs at C speed over the whole sentence.
    With a ``gazetteer``, each token also carries its byte of the gazetteer's flag table (which
    :func:`ngram_hits` would otherwise look up word by word) and, with a ``word_class``
    function, the caller's class of its folded word, cached with the rest."""
    parts = (_SPLIT_ASCII if text.isascii() else _SPLIT).split(text)  # gap, word, gap, word, ..., gap
    if len(parts) < 3:
        empty = [] if gazetteer is not None else None
        return Tokens(text, [], [], [], [], [], [], empty, empty)
    flags: list[int] | None = None
    classes: list[int] | None = None
    if gazetteer is not None:  # tuples, not lists: read-only, and one copy fewer
        hashes, cases, words, trims, flags, classes = zip(*map(_screened_info(gazetteer, word_class), parts[1::2]))
    else:
        hashes, cases, words, trims = zip(*map(_token_info, parts[1::2]))
    bounds = list(accumulate(map(len, parts)))
    starts = bounds[0:-1:2]
    ends = bounds[1::2]
    if any(trims):
        ends = [e - t for e, t in zip(ends, trims)]
        # a trimmed possessive ("'s") or apostrophe ends the name: the next word starts a new one
        hard = [False, *map(_is_break, parts[2:-1:2])]
        for k, t in enumerate(trims):
            if t >= 2 or (t == 1 and not parts[2 * k + 1].endswith("-")):
                if k + 1 < len(hard):
                    hard[k + 1] = True
        brk = list(accumulate(hard))
    else:
        brk = list(accumulate(map(_is_break, parts[2:-1:2]), initial=0))
    return Tokens(text, starts, ends, words, cases, hashes, brk, flags, classes)


@dataclass(slots=True)
class Hits:
    """Parallel lists of n-gram matches: tokens ``i .. i+n-1`` spell a key with ``hash``;
    ``tier`` is the best tier filed under it."""

    i: list[int]
    n: list[int]
    hash: list[int]
    tier: list[int]

    def __len__(self) -> int:
        return len(self.i)


def ngram_hits(tokens: Tokens, gazetteer: Gazetteer, single_mask: int = 0, start_mask: int = 0,
               rescued: Container[int] = (), max_n: int = MAX_NGRAM) -> Hits:
    """Every token n-gram (n <= ``max_n``, no hard break inside) that is a gazetteer key.

    Each token's hash is screened against the index's flag table (one byte per hash slot: a
    key may end here / a longer key may go on); an n-gram is extended only while some key
    may go on, so the walk costs about one table probe per word. The screened survivors are
    then verified exactly against the sorted hash array. With the caller's token ``classes``
    (see :func:`tokenize`): a token whose class meets ``single_mask`` is never a name on its
    own (a common English word) unless its index is ``rescued`` (a cue stands next to it), but
    may start a longer one; a token whose class meets ``start_mask`` starts none ("the", "of")."""
    hashes = tokens.hashes
    brk = tokens.brk
    count = len(hashes)
    flags = gazetteer.flag_bytes
    mask = FLAG_SLOTS - 1
    cand_i: list[int] = []
    cand_n: list[int] = []
    cand_h: list[int] = []
    token_flags = tokens.flags if tokens.flags is not None else [flags[h & mask] for h in hashes]
    classes = tokens.classes if tokens.classes is not None else (0,) * count
    for i in compress(range(count), token_flags):
        c = classes[i]
        if c & start_mask:
            continue
        h = hashes[i]
        f = token_flags[i]
        if f & 1 and (not c & single_mask or i in rescued):
            cand_i.append(i)
            cand_n.append(1)
            cand_h.append(h)
        if f & 2:
            j = i + 1
            b = brk[i]
            stop = i + max_n if i + max_n < count else count
            while j < stop and brk[j] == b:
                h = (h * MULT + hashes[j]) & MASK
                f = flags[h & mask]
                if not f:
                    break
                j += 1
                if f & 1:
                    cand_i.append(i)
                    cand_n.append(j - i)
                    cand_h.append(h)
                if not f & 2:
                    break
    if not cand_h:
        return Hits([], [], [], [])
    if len(cand_h) <= 64:
        tier_list = gazetteer.lookup_few(cand_h)
        keep = [k for k, t in enumerate(tier_list) if t]
    else:
        found, tiers = gazetteer.lookup(np.array(cand_h, dtype=np.uint64))
        keep = np.flatnonzero(found).tolist()
        tier_list = tiers.tolist()
    if len(keep) == len(cand_h):
        return Hits(cand_i, cand_n, cand_h, tier_list)
    return Hits([cand_i[k] for k in keep], [cand_n[k] for k in keep], [cand_h[k] for k in keep],
                [tier_list[k] for k in keep])
