"""Name normalisation shared by the index builder and the text matcher.

The same place reaches English text under many spellings: "Raqqa", "Raqqah", "ar-Raqqah";
"Deir ez-Zor", "Dayr az Zawr"; "Qunduz", "Kunduz". A transliteration drops or changes vowels,
doubles or undoubles letters, writes the Arabic article four ways and ends in -a, -ah or -eh.
Rather than list every variant we fold each *token* to a key that such variants share, and
use the same function when the index is built and when text is read, so a spelling never seen
in GeoNames still lands on the right key. The folding is deliberately lossy (it merges a few
unrelated names); the resolver then scores candidates by how close the written form is to
the gazetteer's own forms, so a collision costs a candidate, not a wrong answer.

Hashes are 64-bit and stable across processes (blake2b, never Python's salted ``hash``): the
index stores the hash of every name key, and the text matcher combines token hashes into
n-gram hashes with :func:`combine`, the same arithmetic numpy uses over whole arrays.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

#: Multiplier that chains token hashes into an n-gram hash (odd, so multiplication is a bijection mod 2**64).
MULT = 0x9E3779B97F4A7C15
MASK = (1 << 64) - 1

#: Arabic article spellings ("al-", sun-letter assimilations, Persian/Urdu "ul"); all become "al".
ARTICLES = frozenset({"al", "el", "ul", "il", "ar", "as", "ad", "an", "ash", "at", "az", "ez", "es", "ed", "en",
                      "er", "et", "esh", "adh", "ath", "ud", "us", "ur", "un", "ut"})
#: Article spellings that are not English words, so they count as articles even when standing alone.
BARE_ARTICLES = frozenset({"al", "el", "ul", "ez", "adh", "esh"})
CANONICAL_ARTICLE = "al"

_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "ħ": "h", "Ħ": "H", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ŀ": "l",
    "ʿ": "'", "ʾ": "'", "’": "'", "‘": "'", "`": "'", "ʻ": "'", "ʼ": "'", "´": "'", "ʹ": "'", "′": "'",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
})
_APOSTROPHES = "'"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLES = re.compile(r"([a-z])\1+")

# Ordered digraph and vowel rewrites: each maps spellings that transliterations use
# interchangeably onto one form.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("ou", "u"), ("oo", "u"), ("ee", "i"),
    ("kh", "k"), ("dh", "d"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("q", "k"),
    ("ay", "i"), ("ai", "i"), ("ei", "i"), ("ey", "i"),
    ("aw", "u"), ("au", "u"), ("ow", "u"),
    ("e", "i"), ("o", "u"), ("y", "i"),
)


def ascii_name(text: str) -> str:
    """Diacritics off, special letters spelled in ASCII, case and apostrophes kept (GeoNames ``asciiname`` style)."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in text if not unicodedata.combining(c) and ord(c) < 128)


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: apostrophes vanish, hyphens split."""
    text = ascii_name(text).lower().replace(_APOSTROPHES, "")
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=1 << 17)
def token_key(token: str) -> str:
    """The transliteration key of one folded token ("raqqah"/"raqqa" -> "rak", "zawr"/"zor" -> "zur").

    The -ah/-eh/-a ending goes first, then the digraph and vowel rewrites, then doubled letters."""
    t = token
    if len(t) > 5 and t.endswith(("ah", "eh")):  # Raqqah, Nineveh, Hamadeh
        t = t[:-2]
    elif len(t) > 4 and t.endswith("a"):  # Raqqa, Falluja
        t = t[:-1]
    for old, new in _REWRITES:
        if old in t:
            t = t.replace(old, new)
    return _DOUBLES.sub(r"\1", t)


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a gazetteer name with every article spelling made canonical."""
    return [CANONICAL_ARTICLE if t in ARTICLES else t for t in fold(name).split()]


def name_keys(name: str) -> list[str]:
    """The keys a gazetteer name is indexed under: with its articles (canonical) and without.

    "Ar Raqqah" gives "al rak" and "rak", so "al-Raqqa" and "Raqqa" in text both find it."""
    toks = name_tokens(name)
    if not toks:
        return []
    full = " ".join(token_key(t) for t in toks)
    keys = [full]
    bare = [t for t in toks if t != CANONICAL_ARTICLE]
    if bare and len(bare) < len(toks):
        keys.append(" ".join(token_key(t) for t in bare))
    return keys


def normalize(name: str) -> str:
    """The primary key of a name as written (articles canonical, as text matching sees it)."""
    return " ".join(token_key(t) for t in name_tokens(name))


@lru_cache(maxsize=1 << 17)
def token_hash(key: str) -> int:
    """Stable 64-bit hash of one token key."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def combine(h: int, t: int) -> int:
    """Chain the hash of the n-gram so far with the next token's hash (same as the numpy matcher)."""
    return (h * MULT + t) & MASK


def key_hash(key: str) -> int:
    """Hash of a space-separated key, token by token, as the text matcher computes it."""
    h = 0
    first = True
    for part in key.split(" "):
        th = token_hash(part)
        h = th if first else combine(h, th)
        first = False
    return h


def skeleton(key: str) -> str:
    """Consonant skeleton of a key: the fuzzy-search block ("dir al zur" -> "drlzr")."""
    s = key.replace(" ", "")
    return s[:1] + re.sub(r"[aiu]", "", s[1:])


def block_of(key: str) -> str:
    """The block a name is filed under for fuzzy search: first three skeleton letters."""
    return skeleton(key)[:3]


def to_signed(h: int) -> int:
    """SQLite integers are signed 64-bit."""
    return h - (1 << 64) if h >= (1 << 63) else h
