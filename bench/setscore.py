"""Shared parts of the scorers of the news-style sets (bench/dates_news.py, bench/money_news.py):
the set files of a folder and the score lines they print."""
import os
import sys


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


def score_all(doc, folder, load, run, gold_of, describe):
    """The command line of a scorer: `SCRIPT BINARY [--quiet]`. For every set file of
    `folder`: `load(name)` gives its cases, `run(binary, lang, cases)` the items found per
    case index, `gold_of(case)` a case's expected items, and `describe(item, case)` the text
    of a miss or false positive. Prints each file's score line and errors, then each
    language's totals."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(doc)
    quiet = "--quiet" in sys.argv
    totals = {}
    for lang, name in files(folder):
        cases = load(name)
        found = run(args[0], lang, cases)
        tp = fp = fn = 0
        errors = []
        for i, case in enumerate(cases):
            gold, got = gold_of(case), found.get(i, set())
            tp += len(gold & got)
            fn += len(gold - got)
            fp += len(got - gold)
            errors += [f"  - {describe(item, case)}" for item in sorted(gold - got)]
            errors += [f"  + {describe(item, case)}" for item in sorted(got - gold)]
        print(score_line(name, len(cases), tp, fp, fn))
        if not quiet and errors:
            print("\n".join(errors))
        add_to(totals, lang, len(cases), tp, fp, fn)
    print_totals(totals)
