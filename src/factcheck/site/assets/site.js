// factcheck site: selecting a claim, filtering the list, colouring by verdict or source.
// The page reads without it: every panel is in the page, and each claim's address is #id.
(function () {
  "use strict";
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-claim]"));
  var segments = Array.prototype.slice.call(document.querySelectorAll(".seg"));
  var panels = Array.prototype.slice.call(document.querySelectorAll(".panel"));
  var hint = document.querySelector(".hint");

  function claimsOf(segment) { return segment.getAttribute("data-claims").split(" "); }

  function select(id, moveFocus) {
    var panel = document.getElementById(id);
    if (!panel || !panel.classList.contains("panel")) { return; }
    panels.forEach(function (p) { p.hidden = p !== panel; });
    if (hint) { hint.hidden = true; }
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-claim") === id));
    });
    segments.forEach(function (s) { s.classList.toggle("selected", claimsOf(s).indexOf(id) >= 0); });
    if (moveFocus) { panel.focus(); }
    if (location.hash !== "#" + id) { history.replaceState(null, "", "#" + id); }
  }

  buttons.forEach(function (button, index) {
    button.addEventListener("click", function () { select(button.getAttribute("data-claim"), false); });
    button.addEventListener("keydown", function (event) {
      // arrow keys move through the claims the filters show
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
      var shown = buttons.filter(function (b) { return !b.parentElement.hidden; });
      var at = shown.indexOf(button) + (event.key === "ArrowDown" ? 1 : -1);
      if (at >= 0 && at < shown.length) {
        event.preventDefault();
        shown[at].focus();
        select(shown[at].getAttribute("data-claim"), false);
      }
    });
  });

  // a click on the text selects the innermost claim there; a second click on the same
  // text, the next claim covering it, so claims sharing a span are all reachable
  segments.forEach(function (segment) {
    segment.addEventListener("click", function () {
      var ids = claimsOf(segment);
      var current = document.querySelector(".panel:not([hidden])");
      var at = current ? ids.indexOf(current.id) : -1;
      select(ids[(at + 1) % ids.length], false);
    });
  });

  document.querySelectorAll("[data-claim-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      select(link.getAttribute("data-claim-link"), true);
    });
  });

  var verdict = document.getElementById("filter-verdict");
  var source = document.getElementById("filter-source");
  var shownCount = document.getElementById("shown-count");
  function filter() {
    var wantVerdict = verdict.value, wantSource = source.value, shown = [];
    buttons.forEach(function (b) {
      var item = b.parentElement;
      var keep = (!wantVerdict || item.getAttribute("data-verdict") === wantVerdict) &&
        (!wantSource || item.getAttribute("data-source") === wantSource);
      item.hidden = !keep;
      if (keep) { shown.push(b.getAttribute("data-claim")); }
    });
    segments.forEach(function (s) {
      s.classList.toggle("dimmed", !claimsOf(s).some(function (id) { return shown.indexOf(id) >= 0; }));
    });
    shownCount.textContent = String(shown.length);
  }
  if (verdict && source) {
    verdict.addEventListener("change", filter);
    source.addEventListener("change", filter);
  }

  document.querySelectorAll("input[name=colour]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      document.body.classList.toggle("by-verdict", radio.value === "verdict" && radio.checked);
      document.body.classList.toggle("by-source", radio.value === "source" && radio.checked);
    });
  });

  function fromAddress() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id) { select(id, false); }
  }
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
