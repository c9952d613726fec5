//! Entities within one document: the mentions that name the same person, organisation or place.

use super::EntityKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalEntity {
    pub kind: EntityKind,
    /// The fullest form of the name in the document ("John Hegeman" for "Hegeman", "Mr Hegeman", ...).
    pub name: String,
    /// Indices into the document's mentions, in text order.
    pub mentions: Vec<usize>,
}
