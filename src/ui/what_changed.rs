//! What changed since the previous step of the time bar, in one short sentence under the year
//! ("1933 → 1934: …; borders unchanged."), written by atlas-core's
//! [`atlas_core::what_changed::WhatChanged`]. The same sentence is the polite live region's
//! (src/ui/announcer.rs) and the caption of playback and of the kiosk's attract loop.
use atlas_core::time::CalendarDay;
use atlas_core::what_changed::{previous_step, WhatChanged};
use leptos::prelude::*;

use crate::browser::plural_category;
use crate::state::{use_data, use_locale, use_selection};

/// The sentence of the step on screen, computed once for the line and the live region.
#[derive(Debug, Clone, Copy)]
pub struct WhatChangedText(pub Memo<String>);

/// Creates the sentence and puts it in context: the change from the day shown before (when it
/// was earlier: a jump forward tells all it passed over) or else from the time bar's previous
/// step, to the day on screen; while two dates are side by side, from the first to the second.
pub fn provide_what_changed() -> WhatChangedText {
    let selection = use_selection();
    let locale = use_locale();
    let data = use_data();
    let steps = data.clone();
    let compare = use_context::<super::CompareState>();
    let pair = Memo::new(move |last: Option<&(Option<CalendarDay>, CalendarDay)>| {
        let day = selection.day();
        // Two dates side by side: what changed from the first to the second.
        if let Some(left) = compare.and_then(|c| c.left()) {
            return (Some(left), day);
        }
        let shown_before = last.map(|&(_, shown)| shown).filter(|shown| *shown < day);
        (shown_before.or_else(|| previous_step(&steps, day)), day)
    });
    let sentence = Memo::new(move |_| {
        let (from, to) = pair.get();
        let text = locale.text();
        let lang = text.lang();
        WhatChanged::between(&data, from, to).sentence(&data, &text, &|n| plural_category(lang, n))
    });
    let text = WhatChangedText(sentence);
    provide_context(text);
    text
}

/// The sentence under the year. Its room is kept (two lines, see style.css), so the page does
/// not jump as it changes; a longer one is cut there and whole in its tooltip.
#[component]
pub fn WhatChangedLine() -> impl IntoView {
    let WhatChangedText(sentence) = expect_context::<WhatChangedText>();
    let locale = use_locale();
    view! {
        <p class="what-changed" data-testid="what-changed" lang=move || locale.lang().code().to_owned() title=move || sentence.get()>
            {move || sentence.get()}
        </p>
    }
}
