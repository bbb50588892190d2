//! Computations done a step at a time, in one shape, so that a page can
//! spread any of them over short tasks and drop them when they are no
//! longer wanted.

/// A computation done a step at a time.
pub trait Work {
    /// What it yields once done (an error included).
    type Output;

    /// Does one more step: the output once done, `None` while there is more.
    fn step(&mut self) -> Option<Self::Output>;

    /// The same work, its output passed through `then` once done.
    fn then<T, F: FnOnce(Self::Output) -> T>(self, then: F) -> Then<Self, F>
    where
        Self: Sized,
    {
        Then {
            work: self,
            then: Some(then),
        }
    }
}

/// A [`Work`] whose output is passed through a function ([`Work::then`]).
pub struct Then<W, F> {
    work: W,
    then: Option<F>,
}

impl<W: Work, T, F: FnOnce(W::Output) -> T> Work for Then<W, F> {
    type Output = T;

    fn step(&mut self) -> Option<T> {
        let output = self.work.step()?;
        Some((self.then.take()?)(output))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts down to zero, a step at a time.
    struct Countdown(u32);

    impl Work for Countdown {
        type Output = &'static str;

        fn step(&mut self) -> Option<&'static str> {
            self.0 = self.0.checked_sub(1)?;
            (self.0 == 0).then_some("done")
        }
    }

    #[test]
    fn then_passes_the_output_through_once_the_work_is_done() {
        let mut work = Countdown(3).then(str::len);
        assert_eq!(work.step(), None);
        assert_eq!(work.step(), None);
        assert_eq!(work.step(), Some(4));
    }
}
