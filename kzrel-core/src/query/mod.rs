//! Questions about relations: which, between whom, when, where; and the views a
//! researcher draws from them — a timeline, an entity's ego network, counts by year and
//! partner.
//!
//! ```
//! use kzrel_core::dataset::Dataset;
//! use kzrel_core::query::RelationQuery;
//! use kzrel_core::relation::RelationKind;
//! let ds = Dataset::embedded()?;
//! let q = RelationQuery::new()
//!     .kind(RelationKind::Agreement)
//!     .party(ds.entity("KZ-59")?.id.clone())
//!     .since("2000".parse()?);
//! let found = ds.query(&q);
//! assert!(found.iter().all(|r| r.kind == RelationKind::Agreement));
//! assert!(found.windows(2).all(|w| w[0].date.and_then(|d| d.start()) <= w[1].date.and_then(|d| d.start())
//!     || w[1].date.is_none()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use crate::dataset::Dataset;
use crate::entity::{Entity, EntityKind};
use crate::id::EntityId;
use crate::relation::{Relation, RelationKind};
use crate::time::{PartialDate, Period};

/// What to look for; every condition set must hold. Build it with the methods.
#[derive(Debug, Clone, Default)]
pub struct RelationQuery {
    kinds: Vec<RelationKind>,
    parties: Vec<EntityId>,
    within: bool,
    party_kind: Option<EntityKind>,
    counterpart: Option<EntityId>,
    window: Option<Period>,
    place: Option<EntityId>,
    text: Option<String>,
    /// Set when the conditions cannot all hold (a window that ends before it starts).
    empty: bool,
}

impl RelationQuery {
    /// A query that matches every relation.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only relations of this kind (call again to allow several).
    #[must_use]
    pub fn kind(mut self, kind: RelationKind) -> Self {
        self.kinds.push(kind);
        self
    }

    /// Only relations with this entity among the parties (call again for "any of"). An
    /// organization whose parent it is on the relation's date — its akimat, its
    /// ministry — counts as it.
    #[must_use]
    pub fn party(mut self, entity: EntityId) -> Self {
        self.parties.push(entity);
        self
    }

    /// Let a party match when it lies inside one of the parties asked for, through the
    /// hierarchy as it stood on the relation's date: "Kazakhstan" then also finds its
    /// regions, cities and districts.
    #[must_use]
    pub fn within(mut self, within: bool) -> Self {
        self.within = within;
        self
    }

    /// Let only parties of this kind match (with [`within`](Self::within): "any region
    /// of Kazakhstan").
    #[must_use]
    pub fn party_kind(mut self, kind: EntityKind) -> Self {
        self.party_kind = Some(kind);
        self
    }

    /// Only relations with a party in this country (or inside this entity) on the
    /// relation's date, other than the parties matched by [`party`](Self::party).
    #[must_use]
    pub fn counterpart(mut self, entity: EntityId) -> Self {
        self.counterpart = Some(entity);
        self
    }

    /// Only relations whose date shares a day with `period`; "2014" overlaps
    /// "2014-10-16". Undated relations never match.
    #[must_use]
    pub fn during(mut self, period: Period) -> Self {
        self.window = Some(period);
        self
    }

    /// Only relations dated on or after (some day of) `date`.
    #[must_use]
    pub fn since(self, date: PartialDate) -> Self {
        let end = self.window.and_then(|w| w.end());
        self.window_from(Some(date), end)
    }

    /// Only relations dated on or before (some day of) `date`.
    #[must_use]
    pub fn until(self, date: PartialDate) -> Self {
        let start = self.window.and_then(|w| w.start());
        self.window_from(start, Some(date))
    }

    fn window_from(mut self, start: Option<PartialDate>, end: Option<PartialDate>) -> Self {
        match Period::new(start, end) {
            Ok(p) => self.window = Some(p),
            // An end before the start: a window nothing overlaps.
            Err(_) => self.empty = true,
        }
        self
    }

    /// Only relations that took place in this entity (or inside it).
    #[must_use]
    pub fn place(mut self, entity: EntityId) -> Self {
        self.place = Some(entity);
        self
    }

    /// Only relations whose title, summary, note or a quote contains `text`, ignoring
    /// case.
    #[must_use]
    pub fn text(mut self, text: &str) -> Self {
        self.text = Some(text.to_lowercase());
        self
    }
}

/// The date a relation's hierarchy is read on: its first day, or today when undated.
fn on(r: &Relation) -> PartialDate {
    r.date
        .and_then(|d| d.start().or(d.end()))
        .unwrap_or_else(PartialDate::today)
}

/// One tie of an entity's ego network: another entity and what joins them.
#[derive(Debug, Clone, PartialEq)]
pub struct Tie<'a> {
    /// The other entity.
    pub entity: &'a Entity,
    /// How many relations join them.
    pub count: usize,
    /// Of which kinds, with how many each.
    pub kinds: BTreeMap<RelationKind, usize>,
    /// The earliest and the latest date among them, when any is dated.
    pub first: Option<PartialDate>,
    /// The latest start date among them.
    pub last: Option<PartialDate>,
}

impl Dataset {
    /// Whether `entity` is `ancestor` or lies inside it on `date`, through parents.
    pub fn is_within(&self, entity: &Entity, ancestor: &EntityId, date: &PartialDate) -> bool {
        let mut at = entity;
        // The loader forbids only self-parents; the bound guards against longer cycles.
        for _ in 0..=self.entities().len() {
            if at.id == *ancestor {
                return true;
            }
            // A party may be named for a time its record does not cover (a region a
            // year before its recorded start): read the parent as of then regardless.
            let parent = at
                .parents
                .iter()
                .find(|l| l.period.includes(date))
                .map(|l| &l.id);
            match parent.and_then(|p| self.entity(p.as_str()).ok()) {
                Some(p) => at = p,
                None => return false,
            }
        }
        false
    }

    fn matches_party(
        &self,
        q: &RelationQuery,
        r: &Relation,
        id: &EntityId,
        targets: &[EntityId],
    ) -> bool {
        let Ok(e) = self.entity(id.as_str()) else {
            return false;
        };
        if q.party_kind.is_some_and(|k| e.kind != k) {
            return false;
        }
        let date = on(r);
        // A body of the entity (North Kazakhstan's akimat for the region) acts for it.
        let body_of = |t: &EntityId| {
            e.kind == EntityKind::Organization
                && e.parents
                    .iter()
                    .any(|l| l.period.includes(&date) && l.id == *t)
        };
        targets
            .iter()
            .any(|t| t == id || body_of(t) || (q.within && self.is_within(e, t, &date)))
    }

    /// Whether `r` meets every condition of `q`.
    pub fn matches(&self, q: &RelationQuery, r: &Relation) -> bool {
        if q.empty {
            return false;
        }
        if !q.kinds.is_empty() && !q.kinds.contains(&r.kind) {
            return false;
        }
        if let Some(w) = &q.window {
            if !r.date.is_some_and(|d| d.overlaps(w)) {
                return false;
            }
        }
        if !q.parties.is_empty()
            && !r
                .parties
                .iter()
                .any(|p| self.matches_party(q, r, &p.entity, &q.parties))
        {
            return false;
        }
        if let Some(c) = &q.counterpart {
            let date = on(r);
            let other = r.parties.iter().any(|p| {
                let asked =
                    !q.parties.is_empty() && self.matches_party(q, r, &p.entity, &q.parties);
                !asked
                    && self
                        .entity(p.entity.as_str())
                        .is_ok_and(|e| self.is_within(e, c, &date))
            });
            if !other {
                return false;
            }
        }
        if let Some(place) = &q.place {
            let date = on(r);
            let inside = r.place.as_ref().and_then(|p| self.entity(p.as_str()).ok());
            if !inside.is_some_and(|e| self.is_within(e, place, &date)) {
                return false;
            }
        }
        if let Some(t) = &q.text {
            let found = |s: &str| s.to_lowercase().contains(t.as_str());
            let any = found(&r.summary)
                || r.title.as_deref().is_some_and(found)
                || r.note.as_deref().is_some_and(found)
                || r.sources.iter().any(|c| found(&c.quote));
            if !any {
                return false;
            }
        }
        true
    }

    /// The relations that meet `q`, in date order (by first day, then last day; undated
    /// ones last), then by id: a timeline.
    pub fn query(&self, q: &RelationQuery) -> Vec<&Relation> {
        let mut out: Vec<&Relation> = self
            .relations()
            .iter()
            .filter(|r| self.matches(q, r))
            .collect();
        out.sort_by(|a, b| {
            let key = |r: &Relation| {
                r.date.map(|d| {
                    (
                        d.start().map(|s| s.first_day()),
                        d.end().map(|e| e.last_day()),
                    )
                })
            };
            match (key(a), key(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then_with(|| a.id.cmp(&b.id))
        });
        out
    }

    /// The ego network of `entity` among `relations`: every other party of a relation
    /// in which it (or, with `within`, something inside it) takes part, with how many
    /// relations, of which kinds and over which years; the most frequent first.
    pub fn ego_network<'a>(
        &'a self,
        entity: &EntityId,
        within: bool,
        relations: &[&Relation],
    ) -> Vec<Tie<'a>> {
        let q = RelationQuery {
            parties: vec![entity.clone()],
            within,
            ..RelationQuery::default()
        };
        let mut ties: BTreeMap<&EntityId, Tie<'a>> = BTreeMap::new();
        for r in relations {
            let ego: Vec<bool> = r
                .parties
                .iter()
                .map(|p| self.matches_party(&q, r, &p.entity, &q.parties))
                .collect();
            if !ego.contains(&true) {
                continue;
            }
            for (p, is_ego) in r.parties.iter().zip(ego) {
                if is_ego {
                    continue;
                }
                let Ok(other) = self.entity(p.entity.as_str()) else {
                    continue;
                };
                let tie = ties.entry(&other.id).or_insert_with(|| Tie {
                    entity: other,
                    count: 0,
                    kinds: BTreeMap::new(),
                    first: None,
                    last: None,
                });
                tie.count += 1;
                *tie.kinds.entry(r.kind).or_default() += 1;
                if let Some(start) = r.date.and_then(|d| d.start()) {
                    tie.first = Some(tie.first.map_or(start, |f| f.min(start)));
                    tie.last = Some(tie.last.map_or(start, |l| l.max(start)));
                }
            }
        }
        let mut out: Vec<Tie<'a>> = ties.into_values().collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.entity.id.cmp(&b.entity.id))
        });
        out
    }

    /// How many of `relations` each year (of their first day) counts with each partner:
    /// every party other than `focal` (and what lies inside it, with `within`), or every
    /// party when `focal` is None. Undated relations are left out.
    pub fn counts_by_year_and_partner(
        &self,
        relations: &[&Relation],
        focal: Option<&EntityId>,
        within: bool,
    ) -> BTreeMap<(i16, EntityId), usize> {
        let q = RelationQuery {
            parties: focal.into_iter().cloned().collect(),
            within,
            ..RelationQuery::default()
        };
        let mut out = BTreeMap::new();
        for r in relations {
            let Some(start) = r.date.and_then(|d| d.start()) else {
                continue;
            };
            for p in &r.parties {
                if focal.is_some() && self.matches_party(&q, r, &p.entity, &q.parties) {
                    continue;
                }
                *out.entry((start.year_number(), p.entity.clone()))
                    .or_default() += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
