//! The page's display language.

/// A language the page is shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the language switch offers them.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// Every language's id in URLs, in [`Lang::ALL`]'s order.
    pub const IDS: [&'static str; 2] = [Lang::ALL[0].id(), Lang::ALL[1].id()];

    /// The language's id in URLs.
    pub const fn id(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language with this id, if any.
    pub fn from_id(id: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.id() == id)
    }
}
