//! The regions that passed from one state to another this year, too small to read otherwise
//! (the Klaipėda Region in 1939): the region drawn highlighted, and its callout, "Klaipėda
//! Region → Germany, 23 March 1939", in a box beside it with a leader line, where atlas-core's
//! `geo::callout` placed it.
use atlas_core::geo::callout::RegionCallout;
use leptos::prelude::*;

use super::use_map;

/// The callouts of the map's labels in the current language, keyed by what they show.
fn callouts_of(map: super::MapContext) -> Memo<Vec<RegionCallout>> {
    Memo::new(move |_| map.labels.with(|labels| labels.callouts.clone()))
}

/// Each called-out region, highlighted: the path of the period it came from, clipped to the
/// period it passed to (drawn in the main frame's zoomable base layer, over the borders).
#[component]
pub fn TransferAreas() -> impl IntoView {
    let map = use_map();
    let callouts = callouts_of(map);
    let areas = move || {
        let frames = map.frames.get();
        callouts
            .get()
            .into_iter()
            .filter_map(|c| {
                let paths = frames.borders.first()?;
                let area = paths.get(c.from_period)?.clone()?;
                let clip = paths.get(c.period)?.clone()?;
                let id = map.ids.id(&format!("transfer-{}", c.transfer));
                Some(view! {
                    <clipPath id=id.clone()>
                        <path d=clip />
                    </clipPath>
                    <path class="transfer-area" d=area clip-path=format!("url(#{id})") />
                })
            })
            .collect_view()
    };
    view! { <g class="transfer-layer" aria-hidden="true">{areas}</g> }
}

/// The callouts' boxes, text and leader lines (with the other labels, keeping their size on
/// screen when the map zooms).
#[component]
pub fn RegionCallouts() -> impl IntoView {
    let map = use_map();
    let callouts = callouts_of(map);
    view! {
        <g class="callout-layer" data-testid="region-callouts">
            <For
                each=move || callouts.get()
                key=|c| format!("{}|{}|{:.1}|{:.1}|{}", c.transfer, c.text, c.at.0, c.at.1, c.lines.len())
                let:callout
            >
                <Callout callout=callout />
            </For>
        </g>
    }
}

/// One region's callout.
#[component]
fn Callout(callout: RegionCallout) -> impl IntoView {
    // The box is as wide as placed on screen, centred on its map point and kept that size as the
    // map zooms; the leader runs in map units from the region to the box's edge.
    let b = callout.bounds;
    let (cx, cy) = callout.at;
    let count = callout.lines.len() as f64;
    let spans = callout
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let dy = format!("{:.3}em", (i as f64 - (count - 1.0) / 2.0) * 1.25);
            view! { <tspan x="0" y=dy>{line.clone()}</tspan> }
        })
        .collect_view();
    let ((ax, ay), (lx, ly)) = (callout.anchor, callout.leader_end);
    view! {
        <g class="region-callout" data-testid="region-callout" role="note" aria-label=callout.text.clone()>
            <line class="callout-leader" x1=format!("{ax:.1}") y1=format!("{ay:.1}") x2=format!("{lx:.1}") y2=format!("{ly:.1}") />
            <circle class="callout-anchor" cx=format!("{ax:.1}") cy=format!("{ay:.1}") r="3" />
            <g class="callout-at" style:--x=format!("{cx:.1}px") style:--y=format!("{cy:.1}px")>
                <rect
                    class="callout-box"
                    x=format!("{:.1}", -b.width / 2.0)
                    y=format!("{:.1}", -b.height / 2.0)
                    width=format!("{:.1}", b.width)
                    height=format!("{:.1}", b.height)
                    rx="4"
                />
                <text class="callout-text" text-anchor="middle" dominant-baseline="central" lang=callout.lang.to_string() aria-hidden="true">
                    {spans}
                </text>
            </g>
        </g>
    }
}
