#!/usr/bin/env python3
"""Builds src/langid/ngrams/<code>.txt: letter-trigram statistics per language.

Each file lists the most frequent trigrams of the language's word forms (counted once per
distinct form, words padded with `_` at both ends), one per line with its cost
`-100 * ln P(trigram | language)` rounded to an integer.

Sources (installed with the ordinary package clients, not shipped):
  * nl fr en de es it pt ca: the 40,000 most frequent forms of the `wordfreq` package
    (pip install wordfreq; its data is CC BY-SA 4.0);
  * af: every form of the Debian `hunspell-af` dictionary (apt-get install hunspell-af
    hunspell-tools; MPL/LGPL), expanded with `unmunch`.

Usage: python3 tools/langid_ngrams.py [OUT_DIR]
"""
import math
import os
import subprocess
import sys
from collections import Counter

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "langid", "ngrams")
LANGS = ["nl", "fr", "en", "de", "es", "it", "pt", "ca"]
TOP_FORMS = 40000
KEEP = 3000


def forms(lang):
    if lang == "af":
        out = subprocess.run(["unmunch", "/usr/share/hunspell/af_ZA.dic", "/usr/share/hunspell/af_ZA.aff"],
                             capture_output=True, text=True, check=True).stdout
        return {w.strip().lower() for w in out.splitlines() if w.strip()}
    import wordfreq
    return set(wordfreq.top_n_list(lang, TOP_FORMS))


def trigrams(word):
    padded = "_" + word + "_"
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


def main():
    os.makedirs(OUT, exist_ok=True)
    for lang in LANGS + ["af"]:
        counts = Counter()
        for word in forms(lang):
            if word.replace("'", "").isalpha() and len(word) >= 2:
                counts.update(t for t in trigrams(word.replace("'", "")))
        total = sum(counts.values())
        kept = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:KEEP]
        # An unlisted trigram costs as much as half the least frequent listed one.
        floor = round(-100 * math.log(kept[-1][1] / 2 / total))
        with open(os.path.join(OUT, f"{lang}.txt"), "w", encoding="utf-8") as f:
            f.write(f"# {lang}: letter trigrams and -100*ln P; built by tools/langid_ngrams.py\n")
            f.write("# `_` marks a word boundary; the line `___` gives the cost of any unlisted trigram\n")
            f.write(f"___ {floor}\n")
            for tri, n in kept:
                f.write(f"{tri} {round(-100 * math.log(n / total))}\n")
        print(lang, total, len(counts))


if __name__ == "__main__":
    main()
