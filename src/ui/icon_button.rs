//! Buttons that show a drawn icon and say what they do to screen readers and in a tooltip.
use leptos::prelude::*;

/// A small filled icon; its meaning is given by the button's label.
#[component]
pub fn Icon(
    /// SVG path in a 24×24 box.
    #[prop(into)]
    path: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d=path fill="currentColor" />
        </svg>
    }
}

/// A toggle button's state, its `aria-pressed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressed {
    Off,
    On,
}

impl Pressed {
    fn aria(self) -> &'static str {
        match self {
            Pressed::Off => "false",
            Pressed::On => "true",
        }
    }
}

/// A button with an icon (drawn by the app: no icon font may be installed on a kiosk).
#[component]
pub fn IconButton(
    /// The `data-testid` of the button.
    testid: &'static str,
    /// What the button does, in the current language (its accessible name and tooltip).
    #[prop(into)]
    label: Signal<String>,
    /// SVG path of the icon in a 24×24 box.
    #[prop(into)]
    icon: Signal<&'static str>,
    /// Whether the button cannot be used now.
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// For a toggle: whether it is on (`aria-pressed`); none for a plain button.
    #[prop(into, optional)]
    pressed: Option<Signal<Pressed>>,
    /// What a click does.
    #[prop(into)]
    on_click: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            data-testid=testid
            aria-label=label
            title=label
            aria-pressed=move || pressed.map(|p| p.get().aria())
            disabled=disabled
            on:click=move |_| on_click.run(())
        >
            <Icon path=icon />
        </button>
    }
}
