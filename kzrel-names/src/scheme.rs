//! The named transliteration schemes and their descriptions.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// A language whose Cyrillic writing a scheme romanizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// Kazakh (`kk`).
    Kazakh,
    /// Russian (`ru`).
    Russian,
    /// Ukrainian (`uk`).
    Ukrainian,
    /// Belarusian (`be`).
    Belarusian,
}

impl Language {
    /// Every language, in a stable order.
    pub const ALL: &'static [Language] = &[
        Language::Kazakh,
        Language::Russian,
        Language::Ukrainian,
        Language::Belarusian,
    ];

    /// The ISO 639-1 code: `kk`, `ru`, `uk`, `be`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Kazakh => "kk",
            Language::Russian => "ru",
            Language::Ukrainian => "uk",
            Language::Belarusian => "be",
        }
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        match self {
            Language::Kazakh => "Kazakh",
            Language::Russian => "Russian",
            Language::Ukrainian => "Ukrainian",
            Language::Belarusian => "Belarusian",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An optional variant of a scheme, off by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Profile {
    /// The BGN/PCGN middle dot `·` that separates letters which would otherwise read as
    /// a digraph (`тс` → `t·s`). Optional in the standards; ISO 3166-2 never writes it.
    Separators,
    /// Kazakh 2021: loan letters by the 2018 spelling rules (ё ö, ц s, ч ş, щ ş, ю ü after
    /// a consonant) instead of the recognisable default (io, ts, ch, şş, iu).
    Orthographic,
}

impl Profile {
    /// Every profile.
    pub const ALL: &'static [Profile] = &[Profile::Separators, Profile::Orthographic];

    /// The stable id: `separators`, `orthographic`.
    pub fn id(self) -> &'static str {
        match self {
            Profile::Separators => "separators",
            Profile::Orthographic => "orthographic",
        }
    }

    pub(crate) fn bit(self) -> u8 {
        match self {
            Profile::Separators => 1,
            Profile::Orthographic => 2,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Profile {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let key = s.trim().to_ascii_lowercase();
        Profile::ALL
            .iter()
            .copied()
            .find(|p| p.id() == key)
            .ok_or_else(|| {
                Error::new(ErrorKind::UnknownProfile {
                    given: s.to_string(),
                })
            })
    }
}

/// A named transliteration scheme.
///
/// Parse one from its id (loose: case and `_` for `-` are forgiven, aliases accepted)
/// and print it back as its canonical id:
///
/// ```
/// use kzrel_names::Scheme;
/// let s: Scheme = "kk-latn-2021".parse()?;
/// assert_eq!(s, Scheme::KkLatn2021);
/// assert_eq!("UK_BGN".parse::<Scheme>()?.to_string(), "uk-national");
/// let err = "kk-latin-2021".parse::<Scheme>().unwrap_err();
/// assert!(err.to_string().contains("did you mean \"kk-latn-2021\""));
/// assert_eq!(Scheme::ALL.len(), 15);
/// # Ok::<(), kzrel_names::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scheme {
    /// `kk-latn-2021`: the Kazakh Latin alphabet presented in 2021.
    KkLatn2021,
    /// `kk-latn-2018`: the Kazakh Latin alphabet of the February 2018 decree.
    KkLatn2018,
    /// `kk-latn-2017`: the Kazakh Latin alphabet of decree No. 569 (2017), with apostrophes.
    KkLatn2017,
    /// `kk-bgn`: Kazakh BGN/PCGN 1979, the romanization of the ISO 3166-2:KZ names.
    KkBgn,
    /// `kk-press`: the lossy English-press style for Kazakh names.
    KkPress,
    /// `ru-bgn`: Russian BGN/PCGN 1947.
    RuBgn,
    /// `ru-gost779b`: Russian GOST 7.79-2000 system B.
    RuGost779b,
    /// `ru-icao`: Russian ICAO Doc 9303 (passports).
    RuIcao,
    /// `ru-alalc`: Russian ALA-LC (Library of Congress).
    RuAlalc,
    /// `ru-press`: the common English/Wikipedia style for Russian names.
    RuPress,
    /// `uk-national`: the Ukrainian national system of 2010 (= BGN/PCGN since 2019).
    UkNational,
    /// `be-national`: the Belarusian national system of 2007.
    BeNational,
    /// `be-2023`: the Belarusian instruction of 2023.
    Be2023,
    /// `be-bgn`: Belarusian BGN/PCGN 1979.
    BeBgn,
    /// `be-icao`: Belarusian ICAO Doc 9303 (passports).
    BeIcao,
}

struct Meta {
    id: &'static str,
    language: Language,
    standard: &'static str,
    description: &'static str,
    reverses: bool,
    aliases: &'static [&'static str],
    profiles: &'static [Profile],
    table: &'static str,
}

macro_rules! table {
    ($id:literal) => {
        include_str!(concat!("../data/schemes/", $id, ".toml"))
    };
}

// One row per scheme; the letter tables live in data/schemes/<id>.toml.
const META: &[Meta] = &[
    Meta {
        id: "kk-latn-2021",
        language: Language::Kazakh,
        standard: "Kazakh Latin alphabet, National Commission 2021 (draft decree, April 2021)",
        description: "Official Kazakh Latin of 2021 with umlauts, cedillas and macrons: Öskemen, Qostanai, Şymkent.",
        reverses: true,
        aliases: &["kk-latn"],
        profiles: &[Profile::Orthographic],
        table: table!("kk-latn-2021"),
    },
    Meta {
        id: "kk-latn-2018",
        language: Language::Kazakh,
        standard: "Kazakh Latin alphabet, presidential decree of 19 February 2018",
        description: "Kazakh Latin of 2018 with acute accents and sh/ch: Óskemen, Qostanaı, Shymkent.",
        reverses: true,
        aliases: &[],
        profiles: &[],
        table: table!("kk-latn-2018"),
    },
    Meta {
        id: "kk-latn-2017",
        language: Language::Kazakh,
        standard: "Kazakh Latin alphabet, presidential decree No. 569 of 26 October 2017",
        description: "Kazakh Latin of 2017 with apostrophes: O'skemen, Qostanai', S'ymkent.",
        reverses: true,
        aliases: &[],
        profiles: &[],
        table: table!("kk-latn-2017"),
    },
    Meta {
        id: "kk-bgn",
        language: Language::Kazakh,
        standard: "BGN/PCGN 1979 romanization of Kazakh (ISO 3166-2:KZ names)",
        description: "Kazakh BGN/PCGN as in ISO 3166-2: Shyghys Qazaqstan oblysy, Mangghystaū, Qostanay.",
        reverses: false,
        aliases: &["kk-bgn-pcgn", "kk-bgn-pcgn-1979"],
        profiles: &[Profile::Separators],
        table: table!("kk-bgn"),
    },
    Meta {
        id: "kk-press",
        language: Language::Kazakh,
        standard: "de-facto English-press convention (no standard)",
        description: "Kazakh names as English-language news write them, lossy: Oskemen, Kostanay, Aktobe.",
        reverses: false,
        aliases: &[],
        profiles: &[],
        table: table!("kk-press"),
    },
    Meta {
        id: "ru-bgn",
        language: Language::Russian,
        standard: "BGN/PCGN 1947 romanization of Russian",
        description: "Russian BGN/PCGN: Ust’-Kamenogorsk, Yekaterinburg, Nizhniy Novgorod.",
        reverses: false,
        aliases: &["ru-bgn-pcgn"],
        profiles: &[Profile::Separators],
        table: table!("ru-bgn"),
    },
    Meta {
        id: "ru-gost779b",
        language: Language::Russian,
        standard: "GOST 7.79-2000 (ISO 9:1995 adapted), system B",
        description: "Russian GOST 7.79-2000 system B, reversible, ASCII only: Ust`-Kamenogorsk, Celinograd.",
        reverses: true,
        aliases: &["ru-gost", "ru-gost-7.79-b"],
        profiles: &[],
        table: table!("ru-gost779b"),
    },
    Meta {
        id: "ru-icao",
        language: Language::Russian,
        standard: "ICAO Doc 9303, 7th edition (2015), Part 3",
        description: "Russian as in passports (ICAO): Ust-Kamenogorsk, Nizhnii Novgorod, Ulianovsk.",
        reverses: false,
        aliases: &[],
        profiles: &[],
        table: table!("ru-icao"),
    },
    Meta {
        id: "ru-alalc",
        language: Language::Russian,
        standard: "ALA-LC romanization table for Russian (Library of Congress)",
        description: "Russian ALA-LC, as in library catalogues: Ustʹ-Kamenogorsk, T͡selinograd, Nizhniĭ Novgorod.",
        reverses: false,
        aliases: &["ru-ala-lc"],
        profiles: &[],
        table: table!("ru-alalc"),
    },
    Meta {
        id: "ru-press",
        language: Language::Russian,
        standard: "de-facto English/Wikipedia convention (as in iuliia's wikipedia schema)",
        description: "Russian names as English-language press and Wikipedia write them: Ust-Kamenogorsk, Nizhny Novgorod.",
        reverses: false,
        aliases: &["ru-wikipedia"],
        profiles: &[],
        table: table!("ru-press"),
    },
    Meta {
        id: "uk-national",
        language: Language::Ukrainian,
        standard: "Cabinet of Ministers of Ukraine resolution No. 55 of 27 January 2010 (= BGN/PCGN 2019)",
        description: "Ukrainian national romanization: Kyiv, Zaporizhzhia, Ust-Kamenohorsk.",
        reverses: false,
        aliases: &["uk-bgn", "uk-2010"],
        profiles: &[],
        table: table!("uk-national"),
    },
    Meta {
        id: "be-national",
        language: Language::Belarusian,
        standard: "Belarusian national system, instruction of 2000 as amended 11 June 2007 (UNGEGN 2008)",
        description: "Belarusian national romanization with háčeks and acutes: Mahilioŭ, Homieĺ, Viciebsk.",
        reverses: false,
        aliases: &["be-2007"],
        profiles: &[],
        table: table!("be-national"),
    },
    Meta {
        id: "be-2023",
        language: Language::Belarusian,
        standard: "State Property Committee of Belarus resolution No. 19 of March 2023",
        description: "Belarusian romanization of 2023 (g, zh, w, ch, sh): Magiliow, Sharkawshchyna.",
        reverses: false,
        aliases: &[],
        profiles: &[],
        table: table!("be-2023"),
    },
    Meta {
        id: "be-bgn",
        language: Language::Belarusian,
        standard: "BGN/PCGN 1979 romanization of Belarusian",
        description: "Belarusian BGN/PCGN: Mahilyow, Vitsyebsk, Homyel’.",
        reverses: false,
        aliases: &["be-bgn-pcgn"],
        profiles: &[Profile::Separators],
        table: table!("be-bgn"),
    },
    Meta {
        id: "be-icao",
        language: Language::Belarusian,
        standard: "ICAO Doc 9303, 7th edition (2015), Part 3",
        description: "Belarusian as in passports (ICAO): Aliaksandr, Sviatlana, Mikalai.",
        reverses: false,
        aliases: &[],
        profiles: &[],
        table: table!("be-icao"),
    },
];

impl Scheme {
    /// Every scheme, in a stable order (Kazakh, Russian, Ukrainian, Belarusian).
    pub const ALL: &'static [Scheme] = &[
        Scheme::KkLatn2021,
        Scheme::KkLatn2018,
        Scheme::KkLatn2017,
        Scheme::KkBgn,
        Scheme::KkPress,
        Scheme::RuBgn,
        Scheme::RuGost779b,
        Scheme::RuIcao,
        Scheme::RuAlalc,
        Scheme::RuPress,
        Scheme::UkNational,
        Scheme::BeNational,
        Scheme::Be2023,
        Scheme::BeBgn,
        Scheme::BeIcao,
    ];

    fn meta(self) -> &'static Meta {
        &META[self as usize]
    }

    /// The stable id, such as `kk-latn-2021`.
    pub fn id(self) -> &'static str {
        self.meta().id
    }

    /// The language whose Cyrillic this scheme romanizes.
    pub fn language(self) -> Language {
        self.meta().language
    }

    /// The standard or convention it follows.
    pub fn standard(self) -> &'static str {
        self.meta().standard
    }

    /// A one-line description with examples.
    pub fn description(self) -> &'static str {
        self.meta().description
    }

    /// Whether the scheme also goes Latin → Cyrillic
    /// ([`to_cyrillic`](crate::to_cyrillic)).
    pub fn reverses(self) -> bool {
        self.meta().reverses
    }

    /// Other ids accepted for this scheme.
    pub fn aliases(self) -> &'static [&'static str] {
        self.meta().aliases
    }

    /// The optional profiles this scheme has.
    pub fn profiles(self) -> &'static [Profile] {
        self.meta().profiles
    }

    /// The TOML letter table this scheme is compiled from.
    pub fn table_source(self) -> &'static str {
        self.meta().table
    }

    fn suggest(key: &str) -> Option<&'static str> {
        let mut best: Option<(usize, &'static str)> = None;
        for s in Scheme::ALL {
            for cand in std::iter::once(&s.id()).chain(s.aliases()) {
                let d = if cand.starts_with(key) && key.len() >= 2 {
                    0
                } else {
                    strsim::levenshtein(key, cand)
                };
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, s.id()));
                }
            }
        }
        best.filter(|(d, _)| *d <= 3).map(|(_, id)| id)
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Scheme {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let key = s.trim().to_ascii_lowercase().replace('_', "-");
        Scheme::ALL
            .iter()
            .copied()
            .find(|sc| sc.id() == key || sc.aliases().contains(&key.as_str()))
            .ok_or_else(|| {
                Error::new(ErrorKind::UnknownScheme {
                    given: s.to_string(),
                    suggestion: Scheme::suggest(&key),
                })
            })
    }
}
