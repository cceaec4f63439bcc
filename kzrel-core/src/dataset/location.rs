//! Where to put an entity on a map: its own coordinates, its administrative centre's, or
//! for a unit without either, the centre of the places inside it that have some.

use crate::entity::{Coordinates, Entity, EntityKind};
use crate::id::EntityId;
use crate::time::PartialDate;

use super::Dataset;

/// A point to draw an entity at, and what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// The point.
    pub coordinates: Coordinates,
    /// Where the point comes from.
    pub basis: LocationBasis,
}

/// What a [`Location`] rests on, from the most to the least exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocationBasis {
    /// The entity's own coordinates (a city's, from GeoNames).
    Own,
    /// The coordinates of its administrative centre on the date asked.
    Seat(EntityId),
    /// The mean of the coordinates of this many places inside it: a rough point within a
    /// region, for a map, not a centroid.
    Inside(usize),
}

impl Dataset {
    /// Where `entity` is on `as_of`: its own coordinates, else its seat's, else (for a
    /// region, district or city without coordinates) the mean of the points of the
    /// places inside it. None for a country, organization, company or person without
    /// coordinates of its own or of a seat: a country's places are too spread out for
    /// their mean to stand for it.
    pub fn location(&self, entity: &Entity, as_of: &PartialDate) -> Option<Location> {
        if let Some(c) = entity.coordinates {
            return Some(Location {
                coordinates: c,
                basis: LocationBasis::Own,
            });
        }
        if let Some(seat) = entity.seat(as_of) {
            if let Some(c) = self.entity(seat.as_str()).ok().and_then(|s| s.coordinates) {
                return Some(Location {
                    coordinates: c,
                    basis: LocationBasis::Seat(seat.clone()),
                });
            }
        }
        if !matches!(
            entity.kind,
            EntityKind::Region | EntityKind::District | EntityKind::City
        ) {
            return None;
        }
        let (mut lat, mut lon, mut n) = (0.0, 0.0, 0usize);
        for e in &self.entities {
            let Some(c) = e.coordinates else { continue };
            if self.ancestors(e, as_of).iter().any(|a| a.id == entity.id) {
                lat += c.lat;
                lon += c.lon;
                n += 1;
            }
        }
        // Longitudes are averaged as numbers: no unit the data holds spans the 180th
        // meridian except Russia's far east, and countries are not averaged.
        (n > 0).then(|| Location {
            coordinates: Coordinates {
                lat: lat / n as f64,
                lon: lon / n as f64,
            },
            basis: LocationBasis::Inside(n),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_has_its_own_point_a_region_its_seats_or_its_places() {
        let ds = Dataset::embedded().unwrap();
        let today = PartialDate::today();
        let at = |key: &str| ds.location(ds.entity(key).unwrap(), &today);

        let city = at("kz-ust-kamenogorsk").unwrap();
        assert_eq!(city.basis, LocationBasis::Own);
        assert!((city.coordinates.lat - 49.97).abs() < 0.05, "{city:?}");

        // East Kazakhstan Region is drawn at Oskemen, its centre.
        let east = at("KZ-63").unwrap();
        assert_eq!(east.coordinates, city.coordinates);
        assert_eq!(
            east.basis,
            LocationBasis::Seat("kz-ust-kamenogorsk".parse::<EntityId>().unwrap())
        );

        // Altai Krai has no seat in the data: the mean of Barnaul and the other places
        // inside it, which lies in the krai (50.7–54.5 N, 77.9–87.2 E).
        let altai = at("ru-altayskiy-kray").unwrap();
        assert!(
            matches!(altai.basis, LocationBasis::Inside(n) if n >= 2),
            "{altai:?}"
        );
        let c = altai.coordinates;
        assert!(
            (50.7..54.5).contains(&c.lat) && (77.9..87.2).contains(&c.lon),
            "{c:?}"
        );

        // A country is not averaged; an organization has no point.
        assert_eq!(at("KZ"), None);
        assert_eq!(at("org-altai-our-common-home"), None);
    }

    #[test]
    fn the_seat_follows_the_date() {
        let ds = Dataset::embedded().unwrap();
        let almaty_region = ds.entity("KZ-19").unwrap();
        let then = ds
            .location(almaty_region, &"2010".parse().unwrap())
            .unwrap();
        assert_eq!(
            then.basis,
            LocationBasis::Seat("kz-taldykorgan".parse::<EntityId>().unwrap())
        );
    }
}
