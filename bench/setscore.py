"""Shared parts of the scorers of the news-style sets (bench/dates_news.py, bench/money_news.py):
the set files of a folder and the score lines they print."""
import os


def files(folder):
    """(language, file name) of every set in `folder` (`nl.txt`, `nl_2.txt`, ...), the first set
    of each language first."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    return [(n[:-4].split("_")[0], n) for n in sorted(names, key=lambda n: (n[:2], len(n), n))]


def score_line(label, sentences, tp, fp, fn):
    """One line of precision, recall and F1 from the counts of a file or a language."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{label}: {sentences} sentences, tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {f1:.3f}"


def add_to(totals, lang, sentences, tp, fp, fn):
    """Adds a file's counts to its language's totals."""
    total = totals.setdefault(lang, [0, 0, 0, 0])
    for k, n in enumerate((sentences, tp, fp, fn)):
        total[k] += n


def print_totals(totals):
    """The score line of each language's totals."""
    for lang, (n, tp, fp, fn) in totals.items():
        print(score_line(f"{lang} (all)", n, tp, fp, fn))
