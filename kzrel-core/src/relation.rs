//! Relations between entities — agreements, partnerships, events, trade figures,
//! memberships, projects — each with its parties, date, place and sources.
//!
//! ```
//! use kzrel_core::relation::{Relation, RelationKind, RelationSubkind};
//! let record = r#"{
//!   "id": "x-0001", "kind": "agreement", "subkind": "memorandum",
//!   "parties": [{"entity": "a", "role": "signatory"}, {"entity": "b", "role": "signatory"}],
//!   "date": "2014-10", "summary": "A and B sign a memorandum.",
//!   "sources": [{"source": "s", "locator": "line 3", "quote": "signed a memorandum"}]
//! }"#;
//! let r: Relation = serde_json::from_str(record)?;
//! assert_eq!((r.kind, r.subkind), (RelationKind::Agreement, Some(RelationSubkind::Memorandum)));
//! assert!(r.problems().is_empty());
//! assert!(r.date.unwrap().includes(&"2014".parse()?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The record above is made up to show the format; the dataset's records quote their
//! sources.

use serde::{Deserialize, Serialize};

use crate::id::{EntityId, RelationId};
use crate::time::Period;

/// What sort of relation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// A treaty, agreement, memorandum, programme, roadmap or contract.
    Agreement,
    /// A standing tie: twin cities, sister regions, a cooperation council.
    Partnership,
    /// Something that happened: a visit, forum, summit, exhibition, commission session.
    Event,
    /// A figure of trade or investment between a reporter and a partner.
    TradeFigure,
    /// A member of an organization.
    Membership,
    /// A joint project: a joint venture, an assembly plant, a construction.
    Project,
}

impl RelationKind {
    /// Every kind, in the order above.
    pub const ALL: [RelationKind; 6] = [
        RelationKind::Agreement,
        RelationKind::Partnership,
        RelationKind::Event,
        RelationKind::TradeFigure,
        RelationKind::Membership,
        RelationKind::Project,
    ];
}

/// The finer kind of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // the names say it; the data README lists them by kind
pub enum RelationSubkind {
    // Agreements.
    Treaty,
    Agreement,
    Memorandum,
    Programme,
    Roadmap,
    Contract,
    Protocol,
    Declaration,
    Plan,
    // Partnerships.
    TwinCities,
    SisterRegions,
    CooperationCouncil,
    Partnership,
    // Events.
    Visit,
    Forum,
    Summit,
    Exhibition,
    CommissionSession,
    ElectionObserved,
    Conference,
    Meeting,
    Festival,
    // Projects.
    JointVenture,
    AssemblyPlant,
    Construction,
    Investment,
    // Events and projects.
    Other,
}

impl RelationSubkind {
    /// Whether the sub-kind belongs to `kind`.
    pub fn fits(self, kind: RelationKind) -> bool {
        use RelationKind as K;
        use RelationSubkind as S;
        match self {
            S::Treaty
            | S::Agreement
            | S::Memorandum
            | S::Programme
            | S::Roadmap
            | S::Contract
            | S::Protocol
            | S::Declaration
            | S::Plan => kind == K::Agreement,
            S::TwinCities | S::SisterRegions | S::CooperationCouncil | S::Partnership => {
                kind == K::Partnership
            }
            S::Visit
            | S::Forum
            | S::Summit
            | S::Exhibition
            | S::CommissionSession
            | S::ElectionObserved
            | S::Conference
            | S::Meeting
            | S::Festival => kind == K::Event,
            S::JointVenture | S::AssemblyPlant | S::Construction | S::Investment => {
                kind == K::Project
            }
            S::Other => kind == K::Event || kind == K::Project,
        }
    }
}

/// The part an entity plays in a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)] // the names say it
pub enum PartyRole {
    Signatory,
    Host,
    Visitor,
    Organizer,
    Participant,
    Member,
    Organization,
    Reporter,
    Partner,
    Investor,
    Producer,
    Customer,
    Observer,
    Party,
}

/// An entity taking part in a relation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The entity.
    pub entity: EntityId,
    /// Its part.
    pub role: PartyRole,
}

/// Which way a trade figure runs, or what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)] // the names say it
pub enum Flow {
    Turnover,
    Export,
    Import,
    Investment,
    Cost,
}

/// The scale a figure is printed in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Units as printed.
    #[default]
    #[serde(rename = "")]
    One,
    /// Thousands.
    Thousand,
    /// Millions.
    Million,
    /// Billions (10⁹).
    Billion,
}

impl Scale {
    /// The factor the printed amount is multiplied by.
    pub fn factor(self) -> f64 {
        match self {
            Scale::One => 1.0,
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
        }
    }
}

/// Whether a figure happened or was aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)] // the names say it
pub enum Status {
    Actual,
    Target,
    Forecast,
}

/// The value of a trade figure, as the source prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// What it measures.
    pub flow: Flow,
    /// The number as printed.
    pub amount: f64,
    /// An ISO 4217 currency (`USD`) or another unit (`units`, `tonnes`, `percent`).
    pub unit: String,
    /// The scale as printed.
    #[serde(default)]
    pub scale: Scale,
    /// Actual, target or forecast.
    pub status: Status,
}

impl Value {
    /// The amount in units of `unit`: the printed number times its scale.
    pub fn in_units(&self) -> f64 {
        self.amount * self.scale.factor()
    }
}

/// Where a relation is stated: the source, the place in it and its words.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The source's id in the dataset's sources.
    pub source: String,
    /// Where in it: a line, page, section or footnote.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locator: String,
    /// Its words, verbatim, at most [`MAX_QUOTE`] characters.
    pub quote: String,
}

/// The longest quote a citation may carry, in characters.
pub const MAX_QUOTE: usize = 200;

/// One relation between entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The stable id.
    pub id: RelationId,
    /// What sort of relation it is.
    pub kind: RelationKind,
    /// The finer kind, where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<RelationSubkind>,
    /// The entities taking part, with their roles.
    pub parties: Vec<Party>,
    /// When it happened or held, as precisely as the source says; unknown when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Period>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<EntityId>,
    /// The printed name of the document or event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// One sentence in English, in the dataset's own words.
    pub summary: String,
    /// The figure, for a trade figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Where it is stated.
    pub sources: Vec<Citation>,
    /// A curator's remark: what the source garbles or contradicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Relation {
    /// The entities taking part, in order.
    pub fn entities(&self) -> impl Iterator<Item = &EntityId> {
        self.parties.iter().map(|p| &p.entity)
    }

    /// Problems with this record on its own: a sub-kind of another kind, a trade figure
    /// without a value (or a value on anything else), a membership without a member and
    /// an organization, no parties, no source, an empty summary, a quote that is empty or
    /// too long, a figure that is not a finite number. Empty when it is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(s) = self.subkind {
            if !s.fits(self.kind) {
                out.push(format!("subkind {s} does not belong to kind {}", self.kind));
            }
        }
        if self.parties.is_empty() {
            out.push("it has no parties".into());
        }
        let has = |role| self.parties.iter().any(|p| p.role == role);
        match (self.kind, &self.value) {
            (RelationKind::TradeFigure, None) => {
                out.push("a trade figure needs a value (flow, amount, unit, status)".into());
            }
            (RelationKind::TradeFigure, Some(v)) if !v.amount.is_finite() => {
                out.push(format!("amount {} is not a number", v.amount));
            }
            (RelationKind::TradeFigure, Some(v)) if v.unit.trim().is_empty() => {
                out.push("the value has no unit (USD, KZT, units…)".into());
            }
            (k, Some(_)) if k != RelationKind::TradeFigure => {
                out.push(format!("only a trade figure has a value, not a {k}"));
            }
            _ => {}
        }
        if self.kind == RelationKind::Membership
            && !(has(PartyRole::Member) && has(PartyRole::Organization))
        {
            out.push(
                "a membership needs a party with role member and one with role organization".into(),
            );
        }
        if self.summary.trim().is_empty() {
            out.push("the summary is empty".into());
        }
        for (field, text) in [("title", &self.title), ("note", &self.note)] {
            if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                out.push(format!("the {field} is empty; leave it out"));
            }
        }
        if self.sources.is_empty() {
            out.push("it cites no source".into());
        }
        for c in &self.sources {
            let n = c.quote.chars().count();
            if c.quote.trim().is_empty() {
                out.push(format!("the quote from {} is empty", c.source));
            } else if n > MAX_QUOTE {
                out.push(format!(
                    "the quote from {} has {n} characters; at most {MAX_QUOTE}",
                    c.source
                ));
            }
        }
        out
    }
}

kebab_text!(
    RelationKind,
    RelationSubkind,
    PartyRole,
    Flow,
    Scale,
    Status
);

#[cfg(test)]
mod tests {
    use super::*;

    fn relation(json: &str) -> Relation {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn kinds_print_as_in_the_data() {
        assert_eq!(RelationKind::TradeFigure.to_string(), "trade-figure");
        assert_eq!(RelationSubkind::TwinCities.to_string(), "twin-cities");
        assert_eq!(Scale::One.to_string(), "");
        assert!(RelationSubkind::Other.fits(RelationKind::Project));
        assert!(!RelationSubkind::Visit.fits(RelationKind::Agreement));
    }

    #[test]
    fn problems_are_found() {
        let r = relation(
            r#"{"id": "x", "kind": "membership", "subkind": "visit", "parties": [],
                "summary": " ", "value": {"flow": "export", "amount": 1, "unit": "USD", "status": "actual"},
                "sources": [{"source": "s", "quote": ""}]}"#,
        );
        let p = r.problems().join("\n");
        for want in [
            "subkind visit does not belong to kind membership",
            "no parties",
            "only a trade figure has a value",
            "needs a party with role member",
            "summary is empty",
            "quote from s is empty",
        ] {
            assert!(p.contains(want), "missing {want:?} in:\n{p}");
        }
        let long = "x".repeat(201);
        let r = relation(&format!(
            r#"{{"id": "x", "kind": "trade-figure", "parties": [{{"entity": "a", "role": "reporter"}}],
                "summary": "s", "sources": [{{"source": "s", "quote": "{long}"}}]}}"#
        ));
        let p = r.problems().join("\n");
        assert!(
            p.contains("needs a value") && p.contains("201 characters"),
            "{p}"
        );
    }

    #[test]
    fn values_scale_and_round_trip() {
        let r = relation(
            r#"{"id": "x", "kind": "trade-figure", "parties": [{"entity": "by", "role": "reporter"}, {"entity": "kz", "role": "partner"}],
                "date": "2010", "summary": "Turnover.", "value": {"flow": "turnover", "amount": 870, "unit": "USD", "scale": "million", "status": "actual"},
                "sources": [{"source": "s", "locator": "line 107", "quote": "$870 million"}]}"#,
        );
        assert!(r.problems().is_empty(), "{:?}", r.problems());
        assert!((r.value.as_ref().map_or(0.0, Value::in_units) - 870e6).abs() < 1.0);
        let back: Relation = serde_json::from_str(&serde_json::to_string(&r).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, r);
    }

    #[test]
    fn unknown_fields_and_values_are_named() {
        let e = serde_json::from_str::<Relation>(r#"{"id": "x", "kind": "treaty"}"#).unwrap_err();
        assert!(e.to_string().contains("treaty"), "{e}");
        let e = serde_json::from_str::<Relation>(
            r#"{"id": "x", "kind": "event", "parties": [], "summary": "s", "sources": [], "wehn": "2014"}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("wehn"), "{e}");
    }
}
