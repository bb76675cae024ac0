//! Language detection cost on a 2 KB and a 10 KB article: reading stops after a bounded
//! sample, so both should cost the same. Also a headline, which takes the letter-trigram path.
//!
//! Run: `cargo bench --bench langid`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};

/// Sentences written for this benchmark, in the style of a Dutch and a French news report.
const DUTCH: &[&str] = &[
    "De gemeenteraad heeft dinsdagavond ingestemd met het plan voor een nieuwe fietsbrug over het kanaal.",
    "Volgens de wethouder moet de brug over twee jaar klaar zijn en kost het project ongeveer negen miljoen euro.",
    "Omwonenden maken zich zorgen over de drukte tijdens de bouw, maar de gemeente belooft extra maatregelen.",
    "Een deel van het geld komt van de provincie, die het fietsverkeer in de regio wil stimuleren.",
    "Tegenstanders vinden dat het bedrag beter aan het onderhoud van bestaande wegen kan worden besteed.",
    "De eerste werkzaamheden beginnen naar verwachting na de zomer, als de vergunningen rond zijn.",
];

const FRENCH: &[&str] = &[
    "Le conseil municipal a approuvé mardi soir le projet de nouvelle passerelle au-dessus du canal.",
    "Selon l'adjoint au maire, l'ouvrage devrait être terminé dans deux ans pour un coût d'environ neuf millions d'euros.",
    "Les riverains s'inquiètent des nuisances pendant les travaux, mais la ville promet des mesures.",
    "Une partie du financement provient de la région, qui veut encourager le vélo dans l'agglomération.",
    "Les opposants estiment que cette somme serait mieux employée à l'entretien des routes existantes.",
    "Les premiers travaux devraient commencer après l'été, une fois les autorisations obtenues.",
];

/// An article of at least `bytes` bytes made of `sentences` in turn.
fn article(sentences: &[&str], bytes: usize) -> String {
    let mut text = String::new();
    for sentence in sentences.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(sentence);
        text.push(' ');
    }
    text
}

fn bench_detection(c: &mut Criterion) {
    let mut group = c.benchmark_group("langid");
    for (name, sentences) in [("nl", DUTCH), ("fr", FRENCH)] {
        for kb in [2, 10] {
            let text = article(sentences, kb * 1024);
            group.bench_function(format!("{name}_{kb}kb"), |b| {
                b.iter(|| newsfacts::langid::detect(black_box(&text)))
            });
        }
    }
    group.bench_function("nl_headline", |b| {
        b.iter(|| {
            newsfacts::langid::detect(black_box("Gemeente bouwt nieuwe fietsbrug over kanaal"))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_detection);
criterion_main!(benches);
