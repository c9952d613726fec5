//! From the model's labels back to entities: BIO tags per word, then runs of words as entities.

use crate::model::EntityKind;
use thiserror::Error;

/// One BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Outside,
    Begin(EntityKind),
    Inside(EntityKind),
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("unknown NER label `{0}` (expected O, B-PER, I-ORG, ...)")]
pub struct UnknownLabel(pub String);

impl Tag {
    /// Parses `O`, `B-PER`, `I-LOC`, ... Types the project does not use (`MISC`) count as outside.
    pub fn parse(label: &str) -> Result<Tag, UnknownLabel> {
        if label == "O" {
            return Ok(Tag::Outside);
        }
        let (prefix, kind) = label.split_once('-').ok_or_else(|| UnknownLabel(label.to_string()))?;
        let Some(kind) = EntityKind::from_tag(kind) else {
            return Ok(Tag::Outside);
        };
        match prefix {
            "B" => Ok(Tag::Begin(kind)),
            "I" => Ok(Tag::Inside(kind)),
            _ => Err(UnknownLabel(label.to_string())),
        }
    }
}

/// The model's verdict on one word: the tag of its first sub-token and that tag's probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordTag {
    pub tag: Tag,
    pub probability: f32,
}

/// A run of words that form one entity: `words` is a half-open range of word indices.
#[derive(Debug, Clone, PartialEq)]
pub struct WordEntity {
    pub words: std::ops::Range<usize>,
    pub kind: EntityKind,
    /// Mean probability over the words.
    pub score: f32,
}

/// Groups tagged words into entities. Lenient BIO: an `I-X` that follows `O` or another type starts an
/// entity (models emit those, and dropping the word would lose a name); `B-X` always starts one.
pub fn decode_entities(tags: &[WordTag]) -> Vec<WordEntity> {
    let mut entities: Vec<WordEntity> = Vec::new();
    let mut open: Option<(usize, EntityKind, f32)> = None;
    let close = |open: &mut Option<(usize, EntityKind, f32)>, end: usize, entities: &mut Vec<WordEntity>| {
        if let Some((start, kind, sum)) = open.take() {
            entities.push(WordEntity { words: start..end, kind, score: sum / (end - start) as f32 });
        }
    };
    for (i, word) in tags.iter().enumerate() {
        match word.tag {
            Tag::Outside => close(&mut open, i, &mut entities),
            Tag::Inside(kind) if open.is_some_and(|(_, open_kind, _)| open_kind == kind) => {
                if let Some((_, _, sum)) = open.as_mut() {
                    *sum += word.probability;
                }
            }
            Tag::Begin(kind) | Tag::Inside(kind) => {
                close(&mut open, i, &mut entities);
                open = Some((i, kind, word.probability));
            }
        }
    }
    close(&mut open, tags.len(), &mut entities);
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn tags(labels: &[&str]) -> Vec<WordTag> {
        labels.iter().map(|l| WordTag { tag: Tag::parse(l).unwrap(), probability: 0.5 }).collect()
    }

    #[test]
    fn groups_bio_runs_into_entities() {
        let entities = decode_entities(&tags(&["B-PER", "I-PER", "O", "B-ORG", "B-ORG", "I-LOC", "I-LOC"]));
        let got: Vec<_> = entities.iter().map(|e| (e.words.clone(), e.kind)).collect();
        assert_eq!(got, vec![(0..2, Person), (3..4, Organization), (4..5, Organization), (5..7, Location)]);
    }

    #[test]
    fn misc_is_outside_and_bad_labels_are_errors() {
        assert_eq!(Tag::parse("B-MISC"), Ok(Tag::Outside));
        assert_eq!(Tag::parse("X-PER"), Err(UnknownLabel("X-PER".into())));
        assert_eq!(Tag::parse("PER"), Err(UnknownLabel("PER".into())));
    }

    #[test]
    fn score_is_the_mean_word_probability() {
        let mut words = tags(&["B-ORG", "I-ORG"]);
        words[1].probability = 1.0;
        assert_eq!(decode_entities(&words)[0].score, 0.75);
    }
}
