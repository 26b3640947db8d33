//! Stable sorting through one compiled sort.
//!
//! Each `slice::sort_by` with its own element type and comparison is compiled anew into the
//! wasm: the atlas had 62 copies of the standard library's stable sort, 31 KB of the download
//! (docs/PERFORMANCE.md). These functions sort a list of positions with one comparison behind a
//! `dyn` reference, so that the sort itself is compiled once, then move the items into that order.
//! They are stable, as `sort_by` is: items that compare equal keep their order.
use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
///
/// ```
/// let mut cities = vec![("Riga", 2), ("Tallinn", 1), ("Kaunas", 2)];
/// atlas_core::order::sort_by(&mut cities, |a, b| a.1.cmp(&b.1));
/// assert_eq!(cities, [("Tallinn", 1), ("Riga", 2), ("Kaunas", 2)]);
/// ```
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, stably.
///
/// ```
/// let mut years = vec![1934, 1923, 1940, 1920];
/// atlas_core::order::sort_by_key(&mut years, |y| std::cmp::Reverse(*y));
/// assert_eq!(years, [1940, 1934, 1923, 1920]);
/// ```
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one compiled sort: positions, compared through `compare`.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves the items so that position `k` holds the item that was at `order[k]`, following each
/// cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut k = start;
        // `items[k]` holds the cycle's first item until the cycle closes.
        while order[k] != start {
            let next = order[k];
            items.swap(k, next);
            order[k] = k;
            k = next;
        }
        order[k] = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard library's stable sort and this one agree, ties included, on many lists.
    #[test]
    fn sorts_as_the_standard_stable_sort() {
        let mut seed = 0x2545_f491_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..200 {
            // (key, original position): few distinct keys, so that there are many ties.
            let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            theirs.sort_by_key(|item| item.0);
            assert_eq!(ours, theirs, "{len} items");
        }
    }

    #[test]
    fn strings_move_without_copies() {
        let mut names = vec!["Tartu".to_owned(), "Bulduri".to_owned(), "Geneva".to_owned()];
        sort(&mut names);
        assert_eq!(names, ["Bulduri", "Geneva", "Tartu"]);
    }
}
