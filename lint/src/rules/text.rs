//! What rules ask of a string someone wrote: whether it is a template's placeholder, whose
//! rendered value cannot be known, and which allowed name it is a likely typo of.

/// Whether a value is, or holds, a template placeholder (Terraform, Helm, Jinja, ERB, the
/// `$$$NAME$$$` of some deploy scripts): a rule cannot know the rendered value, so it says
/// nothing about it.
pub fn is_placeholder(value: &str) -> bool {
    ["${", "{{", "%{", "$$$", "<%", "#{"]
        .iter()
        .any(|open| value.contains(open))
}

/// The candidate closest to `value`, when one is close enough to be a likely typo: Jaro
/// similarity above 0.7, case ignored, as validation's "did you mean".
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let value = value.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                awsgen_runtime::validate::jaro(&value, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}
