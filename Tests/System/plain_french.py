"""No internal code and no English sentence on a French page.

Every page the browser tests load in French is read the way a person sees it: the text of each block (a paragraph,
a list item, a heading, a button, a label, a table cell, an option…) and the texts read in place of or beside an
element (`aria-label`, `title`, `placeholder`). A block fails when it holds

- one of the internal codes listed in `data/internal-codes.txt` (hold reasons, rule names, audit actions, error
  codes, statuses, roles…: the raw values of the enums that have them, a list a Swift test rebuilds from the enums
  so that it cannot fall behind), as a whole word and with its case; the codes that are also ordinary words are
  listed in `ORDINARY_WORDS` with the reason they are not looked for;
- an English sentence: one of `ENGLISH_PHRASES` (the turns the hub's English messages use), or at least two
  English words (function words and the words of the English interface's buttons) and twice as many of them as
  French function words.

Left out: what is marked as written in another language (`lang="en"`, so the "English" switch), scripts and
styles, what a form holds to be edited (a `<textarea>`'s text, like an input's value: a zone's watched terms, which
include loanwords such as "open bar"), and `alt` texts, which merchants write to describe their own photos. Merchants' own texts are otherwise
read like the rest: the demo's are French, and a test that writes English on purpose says so.
"""

import re
from pathlib import Path

CODES_FILE = Path(__file__).resolve().parent / "data" / "internal-codes.txt"

# Codes that are also words a French page rightly shows, and why they are not looked for.
ORDINARY_WORDS = {
    "active": "a French adjective (« une annonce active »)",
    "offensive": "a French word as well",
    "spam": "French uses the word (« signaler un spam »)",
    "rappel": "a French word: the notice kind's identifier is French (« rappel »)",
    "escalade": "a French word: the notice kind's identifier is French (« escalade »)",
    "logo": "the French word for a logo; the photo role's identifier is the same word",
    "email": "French writes it too (« par email »); the claim method's identifier is the same word",
}

# Turns of the hub's English messages ("title: is required", "no such page", "5 posts per week in this zone").
ENGLISH_PHRASES = [
    "is required", "must be", "no such", "not found", "at most", "at least", "too many", "per week", "per month",
    "already", "is not", "are not", "does not", "do not", "cannot", "can't", "please", "could not", "you are",
    "in this", "of the", "the zone", "the post", "the merchant",
]

ENGLISH_WORDS = set("""
the and is are was were be been being of to for with this that these those you your not no has have had will would
can could should must may from by at it its if than then there which what when where who how all any some such per
into only also more most our we they their here please yet too many already does do did about after before over
under between each every other same so up out just in
approve approved reject rejected selected submit save saved cancel cancelled delete remove removed edit search sign
next previous back settings reason optional required waiting history reports rules none yes sorry found
""".split())

FRENCH_WORDS = set("""
le la les de des du un une et est à au aux pour par sur dans avec ce cette ces qui que ne pas vous votre vos nous
il elle ils elles son sa ses en y ou mais plus se sont été être a on d l n s qu j c ni leur leurs
""".split())

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def load_codes(path: Path = CODES_FILE) -> list[str]:
    """The codes of the file, without the comments, the headings and the ordinary words."""
    lines = [line.strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("#") and line not in ORDINARY_WORDS]


def code_pattern(codes: list[str]) -> re.Pattern:
    """Any of `codes` as a whole word: not inside a longer name, address or path (`held` is not in `upheld`,
    `post.submit` is not in `post.submitted`), a full stop after it allowed."""
    alternatives = "|".join(re.escape(code) for code in sorted(codes, key=len, reverse=True))
    return re.compile(rf"(?<![\w@/.:#=-])(?:{alternatives})(?![\w@/:#=-]|\.\w)")


CODES = code_pattern(load_codes())


def words(text: str) -> list[str]:
    """The words of `text`, lowercased, French elisions split (« l'offre » is « l » and « offre »)."""
    found = []
    for word in WORD.findall(text.lower()):
        found += re.split(r"['’]", word) if re.match(r"^(l|d|n|s|j|c|qu|m|t)['’]", word) else [word]
    return found


def english_sentence(text: str) -> bool:
    lowered = " ".join(words(text))
    if any(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered) for phrase in ENGLISH_PHRASES):
        return True
    tokens = lowered.split()
    english = sum(token in ENGLISH_WORDS for token in tokens)
    french = sum(token in FRENCH_WORDS for token in tokens)
    return english >= 2 and english >= 2 * french


def problems(blocks: list[str], codes: re.Pattern = CODES) -> list[str]:
    """What is wrong with the texts of a French page: each code found and each English sentence."""
    found = []
    for block in blocks:
        text = " ".join(block.split())
        for match in codes.finditer(text):
            start, end = max(0, match.start() - 70), match.end() + 70
            shown = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
            found.append(f"code {match.group(0)!r} in « {shown} »")
        if english_sentence(text):
            found.append(f"English in « {text[:160]} »")
    return found


# The texts of a French page, block by block, as the browser lays them out; null for a page in another language, one
# already read (the mark lives on the document, so the next page is read again) or one still loading (read later).
BLOCKS_SCRIPT = """
if (window.__plainFrenchRead || document.readyState === 'loading') return null;
window.__plainFrenchRead = true;
const lang = (document.documentElement.getAttribute('lang') || '').toLowerCase();
if (!lang.startsWith('fr') || !document.body) return null;
const foreign = el => { const marked = el.closest('[lang]'); return marked && !marked.lang.toLowerCase().startsWith('fr'); };
const skipped = el => el.closest('script, style, noscript, template, textarea');
const shown = el => {
  const select = el.closest('select');
  return (select || el).checkVisibility({visibilityProperty: true});
};
const blockOf = el => {
  for (let e = el; e && e !== document.body; e = e.parentElement) {
    if (e.tagName === 'OPTION' || e.tagName === 'BUTTON') return e;
    const display = getComputedStyle(e).display;
    if (display !== 'inline' && display !== 'contents') return e;
  }
  return document.body;
};
const texts = new Map();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!el || !node.nodeValue.trim() || skipped(el) || foreign(el) || !shown(el)) continue;
  const block = blockOf(el);
  texts.set(block, (texts.get(block) || '') + node.nodeValue);
}
const blocks = [...texts.values()];
for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], input[type=submit][value]')) {
  if (skipped(el) || foreign(el) || !shown(el)) continue;
  for (const name of ['aria-label', 'title', 'placeholder']) {
    if (el.getAttribute(name)) blocks.push(el.getAttribute(name));
  }
  if (el.matches('input[type=submit]')) blocks.push(el.value);
}
blocks.push(document.title);
return blocks;
"""


def page_problems(driver) -> list[str] | None:
    """The problems of the page `driver` shows, or None when it is not French or was read already."""
    blocks = driver.execute_script(BLOCKS_SCRIPT)
    return None if blocks is None else problems(blocks)
