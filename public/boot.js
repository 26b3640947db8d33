// The first paint (index.html's #boot) in the reader's language, before the app's wasm arrives.
// The language is the app's choice (src/browser.rs, `initial_lang`): `?lang=` if offered, else
// the browser's first offered language, else English. The texts are those of the language
// files, written into #boot's data-texts by `cargo xtask finish-html` (xtask/src/boot.rs).
(function () {
  "use strict";
  var boot = document.getElementById("boot");
  if (!boot) return;
  document.documentElement.classList.add("js");
  var texts;
  try {
    texts = JSON.parse(boot.getAttribute("data-texts") || "{}");
  } catch (e) {
    return;
  }
  var wanted = [];
  var asked = new URLSearchParams(window.location.search).get("lang");
  if (asked) wanted.push(asked);
  var browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var i = 0; i < browser.length; i++) wanted.push(browser[i]);
  var lang = "en";
  for (var j = 0; j < wanted.length; j++) {
    var code = String(wanted[j]).split(/[-_]/)[0].toLowerCase();
    if (Object.prototype.hasOwnProperty.call(texts, code)) {
      lang = code;
      break;
    }
  }
  var chosen = texts[lang] || {};
  var slots = boot.querySelectorAll("[data-text]");
  for (var k = 0; k < slots.length; k++) {
    var text = chosen[slots[k].getAttribute("data-text")];
    if (typeof text === "string") slots[k].textContent = text;
  }
  document.documentElement.lang = lang;
  if (typeof chosen.app_title === "string") document.title = chosen.app_title;
})();
