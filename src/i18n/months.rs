//! How the page names a month of the estimate: "month 3" / "第 3 个月", or,
//! when `start` names month 1, the calendar month: "Mar 2027" / "2027年3月".

use calculator::calendar::CalendarMonth;
use calculator::Lang;

use super::{fill, text};

/// English month abbreviations, January first.
const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Names months of the estimate in a language, by number or by the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthNames {
    /// The page's language.
    pub lang: Lang,
    /// The calendar month of month 1, if months are named by the calendar.
    pub start: Option<CalendarMonth>,
}

impl MonthNames {
    /// The month at `index` (from 0) of the estimate.
    pub fn name(self, index: usize) -> String {
        match self.start {
            None => fill(
                text(self.lang).one_month,
                &[("month", &(index + 1).to_string())],
            ),
            Some(first) => calendar_name(first.plus(index), self.lang),
        }
    }

    /// The months `from` … `to` (from 0), as one span.
    pub fn span(self, from: usize, to: usize) -> String {
        if from == to {
            return self.name(from);
        }
        match self.start {
            None => {
                let (from, to) = ((from + 1).to_string(), (to + 1).to_string());
                fill(
                    text(self.lang).months_range,
                    &[("from", &from), ("to", &to)],
                )
            }
            Some(_) => format!("{}–{}", self.name(from), self.name(to)),
        }
    }

    /// The month at `index` for a table cell: its number alone, or its calendar name.
    pub fn cell(self, index: usize) -> String {
        match self.start {
            None => (index + 1).to_string(),
            Some(_) => self.name(index),
        }
    }
}

/// A calendar month in words: "2027年3月", "Mar 2027".
pub fn calendar_name(month: CalendarMonth, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月", month.year(), month.month()),
        Lang::En => {
            let index = (month.month() as usize).saturating_sub(1) % 12;
            format!("{} {}", EN_MONTHS[index], month.year())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_or_by_the_calendar() {
        let numbered = MonthNames {
            lang: Lang::En,
            start: None,
        };
        assert_eq!(numbered.name(2), "month 3");
        assert_eq!(numbered.span(1, 11), "months 2–12");
        assert_eq!(numbered.cell(4), "5");
        let first = CalendarMonth::new(2026, 11);
        let en = MonthNames {
            lang: Lang::En,
            start: first,
        };
        assert_eq!(en.name(3), "Feb 2027");
        assert_eq!(en.span(0, 2), "Nov 2026–Jan 2027");
        let zh = MonthNames {
            lang: Lang::Zh,
            start: first,
        };
        assert_eq!(zh.name(4), "2027年3月");
        assert_eq!(zh.cell(0), "2026年11月");
        assert_eq!(
            MonthNames {
                lang: Lang::Zh,
                start: None
            }
            .name(0),
            "第 1 个月"
        );
    }
}
