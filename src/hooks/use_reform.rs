use yew::prelude::*;

/// `callback` fed through `map`, and the same callback from one render to
/// the next while `callback` and `deps` stay equal. Yew compares callbacks by
/// identity: one made afresh in each render would render again, on every
/// slider step, each component it is given.
#[hook]
pub fn use_reform<T, U, D>(callback: &Callback<U>, deps: D, map: fn(&D, T) -> U) -> Callback<T>
where
    T: 'static,
    U: 'static,
    D: Clone + PartialEq + 'static,
{
    let reformed = use_memo((callback.clone(), deps), move |(callback, deps)| {
        let deps = deps.clone();
        callback.reform(move |value| map(&deps, value))
    });
    (*reformed).clone()
}
