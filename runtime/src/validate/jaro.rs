//! Jaro similarity of two strings, by characters: what "did you mean" suggestions rank by (clap
//! suggests a subcommand above 0.7). Written here rather than taken from a crate: it is the only
//! string metric needed, and it is a few lines.

/// The Jaro similarity of `a` and `b`, from 0.0 (nothing in common) to 1.0 (equal; also for
/// two empty strings). Characters match when equal and at most `max(len) / 2 - 1` apart; the
/// score averages the matched share of each string and of the matches in the same order.
pub fn jaro(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let reach = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_matched = vec![false; a.len()];
    let mut b_matched = vec![false; b.len()];
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let window = i.saturating_sub(reach)..(i + reach + 1).min(b.len());
        for j in window {
            if !b_matched[j] && b[j] == *ca {
                a_matched[i] = true;
                b_matched[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    // Matched characters of `a` and of `b`, each in its own order: a transposition is a
    // position where the two sequences differ, and counts half.
    let in_a = a
        .iter()
        .zip(&a_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let in_b = b
        .iter()
        .zip(&b_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let out_of_order = in_a.zip(in_b).filter(|(x, y)| x != y).count();
    let m = matches as f64;
    let transpositions = (out_of_order / 2) as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions) / m) / 3.0
}

#[cfg(test)]
mod tests {
    use super::jaro;

    /// Against strsim (a dev-dependency), the crate this replaces, over the values and
    /// near-misses suggestions see: enum values of the vendored models, typed with one edit.
    #[test]
    fn agrees_with_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "json-file",
            "JSON-FILE",
            "jsonfile",
            "awslogs",
            "awslog",
            "splunk",
            "syslog",
            "fluentd",
            "gelf",
            "journald",
            "FARGATE",
            "EC2",
            "EXTERNAL",
            "MANAGED_INSTANCES",
            "martha",
            "marhta",
            "dixon",
            "dicksonx",
            "jellyfish",
            "smellyfish",
            "crate",
            "trace",
            "dwayne",
            "duane",
            "ÄÖÜ",
            "AOU",
            "日本語",
            "日本",
            "RETRY",
            "EXIT",
            "exit",
            "retyr",
            "registerTaskDefinition",
            "register-task-definition",
        ];
        for a in words {
            for b in words {
                let (ours, theirs) = (jaro(a, b), strsim::jaro(a, b));
                assert!(
                    (ours - theirs).abs() < 1e-12,
                    "{a:?} {b:?}: {ours} vs {theirs}"
                );
            }
        }
    }

    #[test]
    fn known_values() {
        assert_eq!(jaro("", ""), 1.0);
        assert_eq!(jaro("abc", ""), 0.0);
        assert_eq!(jaro("abc", "abc"), 1.0);
        assert!((jaro("martha", "marhta") - 0.944_444_444_444_444_5).abs() < 1e-12);
        assert_eq!(jaro("abc", "xyz"), 0.0);
    }
}
