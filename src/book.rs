//! The price book as a component property.

use std::ops::Deref;

use pricing::PriceBook;

/// The embedded price book, compared by address so that props stay cheap.
#[derive(Clone, Copy, Debug)]
pub struct Book(pub &'static PriceBook);

impl PartialEq for Book {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Deref for Book {
    type Target = PriceBook;

    fn deref(&self) -> &PriceBook {
        self.0
    }
}

/// The optimizer over the embedded price book, compared by address.
#[derive(Clone, Copy)]
pub struct Engine(pub &'static pricing::Optimizer<'static>);

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Engine {
    /// The price book the optimizer works on.
    pub fn book(self) -> Book {
        Book(self.0.book())
    }
}
