"""Rule tables for the offset-preserving normalizer.

Every rule is a ``(pattern, replacement)`` row with a one-line comment, in the
style of Hazm's ``Normalizer``.  The rules are ports of Hazm 0.10.0
(``hazm/normalizer.py``, MIT licence) written as *minimal edits*: each pattern
matches only the characters that change (context goes into look-arounds), so
that :class:`pipeline.normalize.tracked.TrackedText` can keep an exact
alignment to the raw input.

Deliberate deviations from Hazm (all because Hazm's word tokenizer, which it
runs inside ``correct_spacing``, damages things this project extracts):

* numbers, dates and URLs are not split: Hazm turns ``1402/06/04`` into
  ``۱۴۰۲ / ۰۶ / ۰۴``, ``12.5`` into ``۱۲ ٫ ۵``, ``3,000`` into ``۳ , ۰۰۰`` and
  ``www.farsnews.ir`` into ``www. farsnews. ir``; we keep them whole;
* digits inside URLs and e-mail addresses stay ASCII;
* a ZWNJ is only ever put after a letter that joins to the next one
  («آرزو ها» becomes «آرزوها», not «آرزو‌ها»), and an existing ZWNJ after a
  non-joining letter is dropped (it is invisible);
* line structure is kept: spaces are trimmed at line ends, blank lines are
  kept (runs of 3+ newlines become 2, as in Hazm);
* the decimal point and the percent sign stay as written («12.5», «50%» keep «.» and «%»; Hazm
  writes «٫» and «٪»): a figure keeps the spelling of the source, so annotations, quotes and
  searches made on the raw text match it (digits still become Persian; every text key folds them);
* a lone «می» is only joined to the next word when that word is a verb form
  (Hazm joins «ماه می سال» into «ماه می‌سال»).
"""

from __future__ import annotations

import re

ZWNJ = "\u200c"


def zwnj_positions(word: str) -> frozenset[int]:
    """Letter indices (counted without the ZWNJs) before which ``word`` has a ZWNJ."""
    out, k = [], 0
    for ch in word:
        if ch == ZWNJ:
            out.append(k)
        else:
            k += 1
    return frozenset(out)

# --------------------------------------------------------------------------
# Character classes
# --------------------------------------------------------------------------

#: Persian letters as Hazm writes its classes (after character refinement).
FA_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
#: Everything we treat as an Arabic-script letter inside a word.
AR_LETTER_CLASS = "\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff"
#: Letters that never join to the following letter: a ZWNJ after them is
#: invisible, so we never insert one there (and drop existing ones).
NON_JOINING = "ءآأؤإاةدذرزژوۀە\u0671\u0672\u0673\u0675\u0688-\u0699\u06c4-\u06cb\u06cd\u06cf\u06d2\u06d3"

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ASCII_DIGITS = "0123456789"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# --------------------------------------------------------------------------
# 1. Character refinement (one char -> one char; offsets are unchanged)
# --------------------------------------------------------------------------

# Hazm 0.10.0 ``Normalizer.translation_src`` / ``translation_dst``, copied
# verbatim (tests/normalize/test_normalizer.py checks they still equal the
# installed Hazm's source).  Maps Arabic ي/ك/ى, presentation forms, rare
# Arabic-script letters, curly double quotes and NBSP to their Persian/plain
# equivalents.
TRANSLATION_SRC = (
    "\u0620\u063b\u063b\u063d\u063e\u063f\u0643\u064a\u066e\u066f\u0677\u0678"
    "\u0679\u067a\u067b\u067c\u067d\u067f\u0680\u0681\u0675\u0676\u0677\u0678"
    "\u0679\u067a\u067b\u067c\u067d\u067f\u0680\u0681\u0682\u0685\u0687\u0688"
    "\u0689\u068a\u068b\u068c\u068d\u068e\u068f\u0690\u0691\u0692\u0693\u0694"
    "\u0695\u0696\u0697\u0699\u069a\u069b\u069c\u069d\u069e\u069f\u06a0\u06a1"
    "\u06a2\u06a3\u06a4\u06a5\u06a6\u06a7\u06a8\u06aa\u06ab\u06ac\u06ad\u06ae"
    "\u06b0\u06b1\u06b2\u06b3\u06b4\u06b5\u06b6\u06b7\u06b8\u06b9\u06ba\u06bb"
    "\u06bc\u06bd\u06be\u06bf\u06c1\u06c2\u06c3\u06c4\u06c5\u06c6\u06c7\u06c8"
    "\u06c9\u06ca\u06cb\u06cf\u06cd\u06ce\u06d0\u06d1\u06d2\u06d3\u06d5\u06ee"
    "\u06ef\u06fa\u06fb\u06fc\u06ff\u0750\u0751\u0752\u0753\u0754\u0755\u0756"
    "\u0757\u0758\u0759\u075a\u075b\u075c\u075d\u075e\u075f\u0760\u0761\u0762"
    "\u0763\u0764\u0765\u0766\u0767\u0768\u0769\u076a\u076b\u076c\u076d\u076e"
    "\u076f\u0770\u0771\u0772\u0773\u0774\u0775\u0776\u0777\u0778\u0779\u077a"
    "\u077b\u077c\u077d\u077e\u077f\u08a0\u08a1\u08a2\u08a3\u08a4\u08a5\u08a6"
    "\u08a7\u08a8\u08a9\u08aa\u08ab\u08ae\u08af\u08b0\u08b1\u08ac\u08b2\u08b3"
    "\u08b4\u08b6\u08b7\u08b8\u08b9\u08ba\u08bb\u08bc\u08bd\ufb50\ufb51\ufb52"
    "\ufb53\ufb54\ufb55\ufb56\ufb57\ufb58\ufb59\ufb5a\ufb5b\ufb5c\ufb5d\ufb5e"
    "\ufb5f\ufb60\ufb61\ufb62\ufb63\ufb64\ufb65\ufb66\ufb67\ufb68\ufb69\ufb6e"
    "\ufb6f\ufb70\ufb71\ufb72\ufb73\ufb74\ufb75\ufb76\ufb77\ufb78\ufb79\ufb7a"
    "\ufb7b\ufb7c\ufb7d\ufb7e\ufb7f\ufb80\ufb81\ufb82\ufb83\ufb84\ufb85\ufb86"
    "\ufb87\ufb88\ufb89\ufb8a\ufb8b\ufb8c\ufb8d\ufb8e\ufb8f\ufb90\ufb91\ufb92"
    "\ufb93\ufb94\ufb95\ufb96\ufb97\ufb98\ufb99\ufb9a\ufb9b\ufb9c\ufb9d\ufb9e"
    "\ufb9f\ufba0\ufba1\ufba2\ufba3\ufba4\ufba5\ufba6\ufba7\ufba8\ufba9\ufbaa"
    "\ufbab\ufbac\ufbad\ufbae\ufbaf\ufbb0\ufbb1\ufe80\ufe81\ufe83\ufe84\ufe85"
    "\ufe86\ufe87\ufe88\ufe89\ufe8a\ufe8b\ufe8c\ufe8d\ufe8e\ufe8f\ufe90\ufe91"
    "\ufe92\ufe95\ufe96\ufe97\ufe98\ufe99\ufe9a\ufe9b\ufe9c\ufe9d\ufe9e\ufe9f"
    "\ufea0\ufea1\ufea2\ufea3\ufea4\ufea5\ufea6\ufea7\ufea8\ufea9\ufeaa\ufeab"
    "\ufeac\ufead\ufeae\ufeaf\ufeb0\ufeb1\ufeb2\ufeb3\ufeb4\ufeb5\ufeb6\ufeb7"
    "\ufeb8\ufeb9\ufeba\ufebb\ufebc\ufebd\ufebe\ufebf\ufec0\ufec1\ufec2\ufec3"
    "\ufec4\ufec5\ufec6\ufec7\ufec8\ufec9\ufeca\ufecb\ufecc\ufecd\ufece\ufecf"
    "\ufed0\ufed1\ufed2\ufed3\ufed4\ufed5\ufed6\ufed7\ufed8\ufed9\ufeda\ufedb"
    "\ufedc\ufedd\ufede\ufedf\ufee0\ufee1\ufee2\ufee3\ufee4\ufee5\ufee6\ufee7"
    "\ufee8\ufee9\ufeea\ufeeb\ufeec\ufeed\ufeee\ufeef\ufef0\ufef1\ufef2\ufef3"
    "\ufef4\u0649\u0643\u064a\u201c\u201d\u00a0"
)
TRANSLATION_DST = (
    "\u06cc\u06a9\u06a9\u06cc\u06cc\u06cc\u06a9\u06cc\u0628\u0642\u0648\u06cc"
    "\u062a\u062a\u0628\u062a\u062a\u062a\u0628\u062d\u0627\u0648\u0648\u06cc"
    "\u062a\u062a\u0628\u062a\u062a\u062a\u0628\u062d\u062d\u062d\u0686\u062f"
    "\u062f\u062f\u062f\u062f\u062f\u062f\u062f\u062f\u0631\u0631\u0631\u0631"
    "\u0631\u0631\u0631\u0631\u0633\u0633\u0633\u0635\u0635\u0637\u0639\u0641"
    "\u0641\u0641\u0641\u0641\u0641\u0642\u0642\u06a9\u06a9\u06a9\u06a9\u06a9"
    "\u06af\u06af\u06af\u06af\u06af\u0644\u0644\u0644\u0644\u0646\u0646\u0646"
    "\u0646\u0646\u0647\u0686\u0647\u0647\u0647\u0648\u0648\u0648\u0648\u0648"
    "\u0648\u0648\u0648\u0648\u06cc\u06cc\u06cc\u06cc\u06cc\u06cc\u0647\u062f"
    "\u0631\u0634\u0636\u063a\u0647\u0628\u0628\u0628\u0628\u0628\u0628\u0628"
    "\u062d\u062d\u062f\u062f\u0631\u0633\u0639\u0639\u0639\u0641\u0641\u06a9"
    "\u06a9\u06a9\u0645\u0645\u0646\u0646\u0646\u0644\u0631\u0631\u0633\u062d"
    "\u062d\u0633\u0631\u062d\u0627\u0627\u06cc\u06cc\u06cc\u0648\u0648\u06cc"
    "\u06cc\u062d\u0633\u0633\u06a9\u0628\u0628\u062c\u0637\u0641\u0642\u0644"
    "\u0645\u06cc\u06cc\u0631\u0648\u062f\u0635\u06af\u0648\u06cc\u0632\u0639"
    "\u06a9\u0628\u067e\u062a\u0631\u06cc\u0641\u0642\u0646\u0627\u0627\u0628"
    "\u0628\u0628\u0628\u067e\u067e\u067e\u067e\u0628\u0628\u0628\u0628\u062a"
    "\u062a\u062a\u062a\u062a\u062a\u062a\u062a\u062a\u062a\u062a\u062a\u0641"
    "\u0641\u0641\u0641\u062d\u062d\u062d\u062d\u062d\u062d\u062d\u062d\u0686"
    "\u0686\u0686\u0686\u0686\u0686\u0686\u0686\u062f\u062f\u062f\u062f\u062f"
    "\u062f\u062f\u062f\u0698\u0698\u0631\u0631\u06a9\u06a9\u06a9\u06a9\u06af"
    "\u06af\u06af\u06af\u06af\u06af\u06af\u06af\u06af\u06af\u06af\u06af\u0646"
    "\u0646\u0646\u0646\u0646\u0646\u0647\u0647\u0647\u0647\u0647\u0647\u0647"
    "\u0647\u0647\u0647\u06cc\u06cc\u06cc\u06cc\u0621\u0627\u0627\u0627\u0648"
    "\u0648\u0627\u0627\u06cc\u06cc\u06cc\u06cc\u0627\u0627\u0628\u0628\u0628"
    "\u0628\u062a\u062a\u062a\u062a\u062b\u062b\u062b\u062b\u062c\u062c\u062c"
    "\u062c\u062d\u062d\u062d\u062d\u062e\u062e\u062e\u062e\u062f\u062f\u0630"
    "\u0630\u0631\u0631\u0632\u0632\u0633\u0633\u0633\u0633\u0634\u0634\u0634"
    "\u0634\u0635\u0635\u0635\u0635\u0636\u0636\u0636\u0636\u0637\u0637\u0637"
    "\u0637\u0638\u0638\u0638\u0638\u0639\u0639\u0639\u0639\u063a\u063a\u063a"
    "\u063a\u0641\u0641\u0641\u0641\u0642\u0642\u0642\u0642\u06a9\u06a9\u06a9"
    "\u06a9\u0644\u0644\u0644\u0644\u0645\u0645\u0645\u0645\u0646\u0646\u0646"
    "\u0646\u0647\u0647\u0647\u0647\u0648\u0648\u06cc\u06cc\u06cc\u06cc\u06cc"
    "\u06cc\u06cc\u06a9\u06cc\u0022\u0022\u0020"
)

#: Additions to Hazm's table (one char -> one char).
EXTRA_CHAR_MAP = {
    "\u0629": "\u0647",  # ة teh marbuta -> ه (Persian spelling of Arabic loans)
    "\u06c0": "\u0647",  # ۀ heh with yeh above -> ه (ezafe mark dropped, as Hazm drops ٔ)
    "\u06c2": "\u0647",  # ۂ heh goal with hamza -> ه
    "\t": " ",  # tab -> space (Hazm's tokenizer does the same)
    "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ",
    "\u200a": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ",  # Unicode spaces -> space
    "\u2028": "\n", "\u2029": "\n",  # line / paragraph separators -> newline
    "\u000b": "\n", "\u000c": "\n",  # vertical tab / form feed -> newline
}


def build_char_map() -> dict[int, str]:
    """Hazm's character table plus :data:`EXTRA_CHAR_MAP`, as ``str.translate`` map."""
    table = {ord(a): b for a, b in zip(TRANSLATION_SRC, TRANSLATION_DST)}
    for a, b in EXTRA_CHAR_MAP.items():
        table[ord(a)] = b
    return table


CHAR_MAP = build_char_map()

# Hazm ``number_translation_src/dst``: Latin and Arabic-Indic digits to Persian. Unlike Hazm, «%»
# stays as written (see the module docstring).
DIGITS_TO_PERSIAN = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
#: The reverse, used with ``persian_digits=False``: every digit becomes ASCII.
DIGITS_TO_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٪", "01234567890123456789%")

# --------------------------------------------------------------------------
# 2. Deletions (the deleted char's raw span is absorbed by the char before it)
# --------------------------------------------------------------------------

#: Hazm ``diacritics_patterns``: fathatan .. sukun.
DIACRITICS = "[\u064b-\u0652]"
#: Hazm ``specials_chars_patterns``: superscript/subscript marks and a few signs.
SPECIALS = (
    "[\u0605\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f"
    "\u0670\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0618\u0619\u061a\u061e\u06d4\u06d6"
    "\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06dd\u06de\u06df\u06e0\u06e1\u06e2\u06e3\u06e4"
    "\u06e5\u06e6\u06e7\u06e8\u06e9\u06ea\u06eb\u06ec\u06ed\u06fd\u06fe\u08ad\u08d4-\u08ff"
    "\ufbb2-\ufbc1\ufc5e-\ufc63\ufcf2\ufcf3\ufcf4\ufd3e\ufd3f\ufe70\ufe71\ufe72\ufe76-\ufe7f"
    "\ufdfa\ufdfb]"
)

#: Run before the character map (replacements and insertions).
PRE_RULES = [
    # ours: «¬» between two letters stands for a ZWNJ in text converted from
    # old code pages.  The invisible marks (LRM, RLM, ALM, soft hyphen) are
    # NOT read as ZWNJ: scraped pages put them inside words («ش\u200fهردار»),
    # where a ZWNJ would cut a name in two; they are deleted (DELETE_RULES)
    # and the ZWNJ restorer decides afterwards («پنداشته\u200fاند» ->
    # «پنداشتهاند» -> «پنداشته‌اند»).
    ("(?<=[" + AR_LETTER_CLASS + "])\u00ac+(?=[" + AR_LETTER_CLASS + "])", ZWNJ),
    # ours: ة and ۀ do not join the next letter but ه does; keep the word
    # boundary visible when they become ه («بقیةالله» -> «بقیه‌الله»)
    ("(?<=[\u0629\u06c0])(?=[" + AR_LETTER_CLASS + "])", ZWNJ),
]

DELETE_RULES = [
    (DIACRITICS, ""),  # Hazm remove_diacritics: harakat and tanwin
    (SPECIALS, ""),  # Hazm remove_specials_chars: hamza above, superscript alef, Quranic marks
    ("[\u0640\r]", ""),  # Hazm: kashida (tatweel) and carriage returns
    ("[\u200b\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u00ad]", ""),  # ours: ZWSP, ZWJ, bidi marks (LRM RLM ALM, embeddings, isolates), BOM, soft hyphen
]

#: ours: decorative symbols of scraped pages (bullets, arrows, stars, boxes,
#: dingbats) are list and heading separators: a run of them becomes one
#: bullet «•», which the tagger sees as a boundary (deleting them would run
#: the items of a list into one name).
DECORATIVE = "[\u2022\u2023\u2043\u204c\u204d\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\u25a0-\u25ff]+"
BULLET = "\u2022"

# --------------------------------------------------------------------------
# 3. Unicode ligatures (Hazm ``unicodes_replacement``; one char -> a word)
# --------------------------------------------------------------------------

UNICODE_REPLACEMENTS = [
    ("\ufdfd", "بسم الله الرحمن الرحیم"),  # ﷽
    ("\ufdfc", "ریال"),  # ﷼ rial sign
    ("[\ufdf0\ufdf9]", "صلی"),  # ﷰ ﷹ
    ("\ufdf2", "الله"),  # ﷲ
    ("\ufdf3", "اکبر"),  # ﷳ
    ("\ufdf4", "محمد"),  # ﷴ
    ("\ufdf5", "صلعم"),  # ﷵ
    ("\ufdf6", "رسول"),  # ﷶ
    ("\ufdf7", "علیه"),  # ﷷ
    ("\ufdf8", "وسلم"),  # ﷸ
    ("[\ufef5-\ufefc]", "لا"),  # lam-alef ligatures ﻵ ﻶ ﻷ ﻸ ﻹ ﻺ ﻻ ﻼ
]

# --------------------------------------------------------------------------
# 4. Persian style (Hazm ``persian_style_patterns``)
# --------------------------------------------------------------------------

#: Paired ASCII double quotes on one line become guillemets «...» (handled in
#: code: the pair is two separate one-char edits).
QUOTE_PAIR = r'"([^\n"]+)"'

PERSIAN_STYLE_RULES = [
    # (Hazm's decimal point -> momayyez «٫» is not applied: see the module docstring)
    (r"(?<= )\.\.\.", "…"),  # three dots after a space -> ellipsis
    (r"(?<! )\.\.\.", " …"),  # three dots glued to a word -> space + ellipsis (Hazm ' ?\.\.\.' -> ' …')
]

# --------------------------------------------------------------------------
# 5. Extra spaces (Hazm ``extra_space_patterns`` plus line trimming)
# --------------------------------------------------------------------------

EXTRA_SPACE_RULES = [
    (r" {2,}", " "),  # collapse runs of spaces
    (r"(?m)^ +| +$", ""),  # trim spaces at line starts/ends (Hazm tokenizes line by line)
    (r"\n{3,}", "\n\n"),  # at most one blank line between paragraphs
    (ZWNJ + "{2,}", ZWNJ),  # collapse repeated ZWNJs
    (r"(?<!\w)" + ZWNJ + r"+|" + ZWNJ + r"+(?!\w)", ""),  # ZWNJ not between two word chars
]

#: ZWNJ after a letter that does not join is invisible: drop it (ours).
SPURIOUS_ZWNJ = (f"(?<=[{NON_JOINING}]){ZWNJ}", "")

# --------------------------------------------------------------------------
# 6. Punctuation spacing (Hazm ``punctuation_spacing_patterns``; net effect of
#    its tokenizer + rules, without splitting numbers, dates and URLs)
# --------------------------------------------------------------------------

PUNC_AFTER = r"\.:!،؛؟»\]\)\}"  # punctuation that sticks to the word before it
PUNC_BEFORE = r"«\[\(\{"  # punctuation that sticks to the word after it
#: A char of a Latin token (URL, e-mail, code, number): no spacing inside it.
LATIN_TOKEN_CHAR = r"A-Za-z0-9_@#%&=+\-/~"

PUNCTUATION_RULES = [
    (r'(?<=")[ ]+(?=[^\n"]+[ ]*")|(?<=[^\n" ])[ ]+(?=")', ""),  # Hazm: '" x "' -> '"x"' (spaces inside ASCII quotes)
    (r"[ ]+(?=[" + PUNC_AFTER + r"])(?!\.\.)", ""),  # Hazm: no space before . : ! ، ؛ ؟ » ] ) }
    (r"(?<=[" + PUNC_BEFORE + r"])[ ]+", ""),  # Hazm: no space after « [ ( {
    # Hazm: space after . : ! unless a digit, space or other closing punctuation
    # follows; ours: also not inside Latin tokens (URLs, e-mails, 'A.B', 'http://')
    (
        r"(?<=[.:!])(?<![" + LATIN_TOKEN_CHAR + r"][.:!])(?=[^\s" + PUNC_AFTER + r"\d/\"'…])",
        " ",
    ),
    (r"(?<=[.:!])(?=[^\s\d" + PUNC_AFTER + r"A-Za-z/\"'…])", " "),  # ... and after a Latin char when a non-Latin char follows
    # Hazm: space after ، ؛ ؟ » ] ) }; ours: not in a thousands group «۱،۲۳۴،۵۶۷» (digit«،» + 3 digits)
    (r"(?<=[،؛؟»\]\)\}])(?!(?<=\d،)\d{3}(?!\d))(?=[^\s" + PUNC_AFTER + r"])", " "),
    (r"(?<=[^\s" + PUNC_BEFORE + r"])(?=[" + PUNC_BEFORE + r"])", " "),  # Hazm: space before « [ ( {
    (r"(?<=\d)(?=[" + FA_LETTERS + r"])", " "),  # Hazm: ۹متر -> ۹ متر
    (r"(?<=[" + FA_LETTERS + r"])(?=\d)", " "),  # Hazm: طول۹ -> طول ۹
]

# --------------------------------------------------------------------------
# 7. Affix spacing (Hazm ``affix_spacing_patterns``).  The separator that
#    replaces the space is ZWNJ after a joining letter, nothing otherwise
#    (decided in code, see ``normalizer._join_sep``).
# --------------------------------------------------------------------------

_P_AFTER = ".:!،؛؟»\\]\\)\\}"
_P_BEFORE = "«\\[\\(\\{"
_END = r"(?=[ \n" + _P_AFTER + r"]|$)"

AFFIX_RULES = [
    (r"(?<=[^ \n]ه) (?=ی(?:[ \n]|$))", "JOIN"),  # Hazm: «خانه ی ما» -> «خانه‌ی ما»
    # Hazm: put ZWNJ before تر تری ترین گر گری ها های after a 2+ letter word
    (r"(?<=[^\n\d " + _P_AFTER + _P_BEFORE + r"]{2}) (?=(?:تر(?:ین?)?|گری?|های?)" + _END + ")", "JOIN"),
    (r"(?<=[^ \n]ه) (?=ا(?:م|یم|ش|ند|ی|ید|ت)" + _END + ")", "JOIN"),  # Hazm: «نامه ای» -> «نامه‌ای», «گفته اند» -> «گفته‌اند»
    (r"(?<=ه)(?=ها)", ZWNJ),  # Hazm: «شنبهها» -> «شنبه‌ها»
]

#: Hazm: «می»/«نمی» followed by a space is joined to the next word with ZWNJ
#: (ours: only when the next word is a verb form, checked in code).
MI_SPACE = r"(?<![^\s«\(\[\{])(ن?می) (?=([" + FA_LETTERS + r"]+))"

#: Hazm ``more_than_two_repeat_pattern``: a letter repeated 3+ times.
REPEATED_LETTER = r"([" + FA_LETTERS + r"])\1{2,}"
REPEATED_WORD = r"[" + FA_LETTERS + r"]*" + REPEATED_LETTER + r"[" + FA_LETTERS + r"]*"

#: Hazm ``Normalizer.suffixes`` (token_spacing joins ``X Y`` when Y is one of
#: these and X is a known word).
HAZM_SUFFIXES = frozenset({"ی", "ای", "ها", "های", "هایی", "تر", "تری", "ترین", "گر", "گری", "ام", "ات", "اش"})

#: Bound pieces of proper names that older text writes after a space
#: («خلیل آباد», «حسن زاده», «ملک پور», «عین اله», «قطب الدین», «احمدی نژاد»):
#: joined to the word before them (a half-space after a joining letter), as
#: the half-spaced spelling is one token for the tagger. None is a word on its
#: own in news prose after a content word.
NAME_BOUND_PIECES = frozenset({"آباد", "زاده", "پور", "نژاد", "الدین", "الله", "اله"})
#: Words never joined to a following name piece («به الله», «و آباد»).
NAME_PIECE_BLOCKERS = frozenset({
    "و", "به", "از", "در", "با", "که", "را", "تا", "بر", "برای", "این", "آن", "یک", "هر", "یا", "نه", "لا", "بسیار",
})
#: «زاده» before these is the participle «born» («در تهران زاده شد»), not a surname piece.
BORN_VERBS = frozenset({"شد", "شده", "شدم", "شدند", "شود", "می‌شود", "است", "بود"})

#: URLs and e-mail addresses: digits stay ASCII inside them.
URL_OR_EMAIL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s«»\"'<>]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
