//! The persistent entity registry (`--registry FILE`): which identifier each entity got, under which
//! keys and names it has been seen, so that a later run over new articles gives a known entity the
//! identifier it already has and records the new names it is seen under. A knowledge base fed run
//! after run keeps one node per entity.
//!
//! Identity rules, in the order they apply to each entity a run resolves:
//! - its lookup keys are its own key and, for a person, the keys of its full-name surface forms (the
//!   spellings this run merged into it); surname-only and short forms never identify, since they are
//!   too ambiguous across runs;
//! - no registered entity has one of those keys: the entity is registered under its own key;
//! - one has: the entity takes that identifier, and its new keys and names are added to it;
//! - several have (the run found two known entities to be one): the one registered first survives, the
//!   others are marked `merged_into` it and keep their record, and the entity's node lists their old
//!   IRIs as `sameAs`, so a consumer holding an old IRI can follow it. An identifier is never reused
//!   for another entity.

use super::{person_key, GlobalEntity};
use crate::model::EntityKind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

/// The registry file's format version.
pub const REGISTRY_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    format: u32,
    /// Identifier -> record. Identifiers are keys like `person/john-hegeman`: the key the entity had
    /// when first registered.
    entities: BTreeMap<String, RegistryEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryEntry {
    /// Registration order, which decides the survivor when entities merge.
    pub seq: u64,
    pub kind: EntityKind,
    pub name: String,
    /// Every key the entity has been resolved under.
    pub keys: BTreeSet<String>,
    /// Every surface form seen (the name included).
    pub names: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
}

impl Default for Registry {
    fn default() -> Self {
        Self { format: REGISTRY_FORMAT, entities: BTreeMap::new() }
    }
}

/// The identifier the registry gives an entity of this run, and the identifiers merged into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    pub same_as: Vec<String>,
}

impl Registry {
    /// Reads the registry; a missing file is an empty registry (the first run creates it).
    pub fn load(path: &Path) -> io::Result<Self> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(e),
        };
        let registry: Self = serde_json::from_str(&text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", path.display())))?;
        if registry.format != REGISTRY_FORMAT {
            return Err(io::Error::new(io::ErrorKind::InvalidData, format!("{}: registry format {} (this newsgraph reads {REGISTRY_FORMAT})", path.display(), registry.format)));
        }
        Ok(registry)
    }

    /// Writes the registry through a temporary file renamed into place: an interrupted run leaves the
    /// previous registry whole.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let directory = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let mut temporary = tempfile::NamedTempFile::new_in(directory)?;
        serde_json::to_writer_pretty(&mut temporary, self)?;
        io::Write::write_all(&mut temporary, b"\n")?;
        std::fs::set_permissions(temporary.path(), std::os::unix::fs::PermissionsExt::from_mode(0o644))?;
        temporary.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&RegistryEntry> {
        self.entities.get(id)
    }

    /// Gives each entity of a run its identifier (in the order given, which must be deterministic) and
    /// records what the run saw of it. The key index is built once per run, so a run costs a lookup per
    /// key, whatever the size of the registry.
    pub fn assign(&mut self, entities: &[GlobalEntity]) -> Vec<Assignment> {
        let mut assigner = self.assigner();
        entities.iter().map(|entity| assigner.assign(entity)).collect()
    }

    /// `assign` one entity at a time, for runs that stream their entities.
    pub fn assigner(&mut self) -> Assigner<'_> {
        let index = Index::build(self);
        Assigner { registry: self, index }
    }

    /// Follows `merged_into` to the surviving identifier.
    fn resolve(&self, id: &str) -> String {
        let mut current = id.to_string();
        // A chain is at most as long as the registry; the bound guards against a hand-edited cycle.
        for _ in 0..=self.entities.len() {
            match self.entities.get(&current).and_then(|e| e.merged_into.clone()) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }
}

/// Gives entities their identifiers one after the other (see `Registry::assign`).
pub struct Assigner<'r> {
    registry: &'r mut Registry,
    index: Index,
}

impl Assigner<'_> {
    pub fn assign(&mut self, entity: &GlobalEntity) -> Assignment {
        let (registry, index) = (&mut *self.registry, &mut self.index);
        let keys = lookup_keys(entity);
        let known: BTreeSet<&String> = keys.iter().filter_map(|key| index.holders.get(&(entity.kind, key.clone()))).collect();
        let mut known: Vec<String> = known.into_iter().cloned().collect();
        known.sort_by_key(|id| registry.entities[id].seq);
        let id = match known.first() {
            Some(first) => first.clone(),
            None => {
                let entry = RegistryEntry { seq: index.next_seq, kind: entity.kind, name: entity.name.clone(), keys: BTreeSet::new(), names: BTreeSet::new(), merged_into: None };
                index.next_seq += 1;
                registry.entities.insert(entity.key.clone(), entry);
                entity.key.clone()
            }
        };
        for other in known.iter().skip(1) {
            let absorbed = registry.entities.get_mut(other).expect("known ids are registered");
            absorbed.merged_into = Some(id.clone());
            let (keys, names) = (absorbed.keys.clone(), absorbed.names.clone());
            let survivor = registry.entities.get_mut(&id).expect("the survivor is registered");
            survivor.keys.extend(keys);
            survivor.names.extend(names);
            let earlier = index.absorbed.remove(other).unwrap_or_default();
            let into = index.absorbed.entry(id.clone()).or_default();
            into.insert(other.clone());
            into.extend(earlier);
        }
        let survivor = registry.entities.get_mut(&id).expect("the survivor is registered");
        survivor.keys.extend(keys);
        survivor.names.insert(entity.name.clone());
        survivor.names.extend(entity.alternate_names.iter().cloned());
        // A survivor holds the keys of everything merged into it.
        for key in &survivor.keys {
            index.holders.insert((entity.kind, key.clone()), id.clone());
        }
        let same_as = index.absorbed.get(&id).map(|ids| ids.iter().cloned().collect()).unwrap_or_default();
        Assignment { id, same_as }
    }
}

/// What `assign` looks identifiers up in, derived from the registry once per run.
struct Index {
    /// (kind, key) -> the live entity holding it (the first registered, if an old file has several).
    holders: BTreeMap<(EntityKind, String), String>,
    /// Survivor -> every identifier merged into it, directly or through a chain.
    absorbed: BTreeMap<String, BTreeSet<String>>,
    next_seq: u64,
}

impl Index {
    fn build(registry: &Registry) -> Self {
        let mut live: Vec<(&String, &RegistryEntry)> = registry.entities.iter().filter(|(_, e)| e.merged_into.is_none()).collect();
        live.sort_by_key(|(_, e)| e.seq);
        let mut holders = BTreeMap::new();
        for (id, entry) in live {
            for key in &entry.keys {
                holders.entry((entry.kind, key.clone())).or_insert_with(|| id.clone());
            }
        }
        let mut absorbed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (id, _) in registry.entities.iter().filter(|(_, e)| e.merged_into.is_some()) {
            absorbed.entry(registry.resolve(id)).or_default().insert(id.clone());
        }
        let next_seq = registry.entities.values().map(|e| e.seq + 1).max().unwrap_or(0);
        Self { holders, absorbed, next_seq }
    }
}

/// The keys that identify an entity across runs: its own, and for a person those of its full-name
/// surface forms (two words or more).
fn lookup_keys(entity: &GlobalEntity) -> BTreeSet<String> {
    let mut keys = BTreeSet::from([entity.key.clone()]);
    if entity.kind == EntityKind::Person {
        for surface in std::iter::once(&entity.name).chain(&entity.alternate_names) {
            let key = person_key(surface);
            if key.len() >= 2 {
                keys.insert(format!("person/{}", key.join("-")));
            }
        }
    }
    // An organisation's key already folds case, accents, legal forms and tickers; its other surface
    // forms (short forms, acronyms) are not safe to identify by across runs.
    keys
}

#[cfg(test)]
mod tests;
