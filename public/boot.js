// The first paint (index.html's #boot) in the reader's language, before the app's wasm arrives.
// It runs in the page's <head>, before the body is drawn, so that the first paint is already in
// that language: it marks <html> (lang, and the class `js` that shows the progress line) and
// fills each of #boot's texts as the parser adds it.
// The language is the app's choice (src/browser.rs, `initial_lang`): `?lang=` if offered, else
// the browser's first offered language, else English. The texts are those of the language
// files, written into #boot's data-texts by `cargo xtask finish-html` (xtask/src/boot.rs).
// Trusted Types (the policy's `require-trusted-types-for 'script'; trusted-types default`): the
// one policy, "default", is what the browser asks when a string is assigned to an HTML sink. The
// only such strings are Leptos's static templates (a `<template>`'s innerHTML built from the
// app's own `view!` markup); markup that could run script is refused (null: blocked, reported).
(function () {
  "use strict";
  if (!window.trustedTypes || !window.trustedTypes.createPolicy) return;
  var risky = /<\s*(script|iframe|object|embed|frame|base|meta|link)\b|\son[a-z]+\s*=|javascript:/i;
  window.trustedTypes.createPolicy("default", {
    createHTML: function (html) {
      if (risky.test(html)) {
        console.error("entente-atlas: refused markup that could run script:", html.slice(0, 200));
        return null;
      }
      return html;
    }
  });
})();

(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var lang = null;
  var chosen = null;

  function choose(boot) {
    var texts;
    try {
      texts = JSON.parse(boot.getAttribute("data-texts") || "{}");
    } catch (e) {
      texts = {};
    }
    var wanted = [];
    var asked = new URLSearchParams(window.location.search).get("lang");
    if (asked) wanted.push(asked);
    var browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < browser.length; i++) wanted.push(browser[i]);
    lang = "en";
    for (var j = 0; j < wanted.length; j++) {
      var code = String(wanted[j]).split(/[-_]/)[0].toLowerCase();
      if (Object.prototype.hasOwnProperty.call(texts, code)) {
        lang = code;
        break;
      }
    }
    chosen = texts[lang] || {};
    root.lang = lang;
    if (typeof chosen.app_title === "string") document.title = chosen.app_title;
  }

  // Fills what the parser has added of #boot so far; true once its last text is in.
  function fill() {
    var boot = document.getElementById("boot");
    if (!boot) return false;
    if (chosen === null) choose(boot);
    var slots = boot.querySelectorAll("[data-text]");
    var done = 0;
    for (var k = 0; k < slots.length; k++) {
      var text = chosen[slots[k].getAttribute("data-text")];
      if (typeof text === "string" && slots[k].textContent !== text) slots[k].textContent = text;
      if (slots[k].textContent.length > 0 || typeof text !== "string") done += 1;
    }
    return slots.length > 0 && done === slots.length && boot.querySelector(".boot-loading") !== null;
  }

  // The app could not start (the loader refused a damaged wasm, or could not fetch it): say
  // so in the reader's language instead of "Loading…" for ever; a kiosk tries again.
  window.addEventListener("atlas-start-failed", function (event) {
    var boot = document.getElementById("boot");
    if (!boot) return;
    if (chosen === null) choose(boot);
    var kiosk = new URLSearchParams(window.location.search).has("kiosk");
    var fallback = "The map could not load";
    var message = kiosk
      ? [chosen.kiosk_error_title, chosen.kiosk_error_body].filter(function (t) { return typeof t === "string"; }).join(" ")
      : chosen.load_error_title;
    boot.classList.add("boot-failed");
    boot.setAttribute("data-failed", "");
    var line = boot.querySelector(".boot-loading");
    if (line) line.textContent = message || fallback;
    if (!kiosk) {
      var detail = document.createElement("p");
      detail.className = "boot-detail";
      detail.textContent = String(event.detail || "");
      if (line && line.parentNode) line.parentNode.appendChild(detail);
    } else {
      window.setTimeout(function () { window.location.reload(); }, 30000);
    }
  });

  if (fill()) return;
  var watcher = new MutationObserver(function () {
    if (fill()) watcher.disconnect();
  });
  watcher.observe(root, { childList: true, subtree: true, characterData: true });
  document.addEventListener("DOMContentLoaded", function () {
    fill();
    watcher.disconnect();
  });
})();
