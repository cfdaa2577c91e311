// factcheck site: selecting a claim, filtering the list, colouring by verdict or source.
// Without it the page still reads: every panel shows, each at its claim's address (#id).
(function () {
  "use strict";
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-claim]"));
  var segments = Array.prototype.slice.call(document.querySelectorAll(".seg"));
  var panels = Array.prototype.slice.call(document.querySelectorAll(".panel"));
  var home = document.querySelector(".panels");  // where panels sit beside the text
  var side = document.querySelector(".side-content");
  var hint = document.querySelector(".hint");
  // one column: a panel opens under the sentence it explains, not a screen away
  var phone = window.matchMedia("(max-width: 48rem)");
  var selected = null;

  // each claim's verdict, the source it originates with (its colour) and every source it is
  // heard from (its filter), as its list item carries them
  var claims = {};
  buttons.forEach(function (b) {
    var item = b.parentElement;
    claims[b.getAttribute("data-claim")] = {
      item: item, button: b,
      verdict: item.getAttribute("data-verdict"),
      origin: item.getAttribute("data-origin"),
      label: item.getAttribute("data-label"),
      sources: item.getAttribute("data-sources").split(" ")
    };
  });

  function claimsOf(segment) { return segment.getAttribute("data-claims").split(" "); }
  function shown(id) { return !claims[id].item.hidden; }
  function firstMark(id) {
    return segments.filter(function (s) { return claimsOf(s).indexOf(id) >= 0; })[0];
  }

  // A stretch of text takes the colours of the selected claim if it is one of its own, else
  // of the innermost claim there the filters show; with none shown, it is dimmed.
  function paint() {
    var labels = segments.map(function (s) {
      var ids = claimsOf(s);
      var id = ids.indexOf(selected) >= 0 ? selected : ids.filter(shown)[0];
      s.className = "seg";
      s.removeAttribute("data-label");
      if (!id) { s.classList.add("dimmed"); return null; }
      s.classList.add("verdict-" + claims[id].verdict, "source-" + claims[id].origin);
      if (id === selected) { s.classList.add("selected"); }
      return claims[id].label;
    });
    // where a run of marks heard from the same sources stops (unmarked text next, or
    // another claim's sources), their numbers are drawn when colouring by source (site.css)
    segments.forEach(function (s, at) {
      var next = segments[at + 1];
      var goesOn = next && s.nextSibling === next && labels[at + 1] === labels[at];
      if (labels[at] && !goesOn) { s.classList.add("run-end"); s.setAttribute("data-label", labels[at]); }
    });
  }

  // A panel's place: beside the text, or on a phone right after the paragraph of its claim.
  function place(panel) {
    var mark = firstMark(panel.id);
    if (phone.matches && mark) {
      mark.parentElement.after(panel);
    } else if (panel.parentElement !== home) {
      home.appendChild(panel);
    }
  }

  function select(id, moveFocus) {
    var panel = document.getElementById(id);
    if (!panel || !panel.classList.contains("panel")) { return; }
    selected = id;
    panels.forEach(function (p) { p.hidden = p !== panel; });
    document.body.classList.add("has-selection");
    if (hint) { hint.hidden = true; }
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-claim") === id));
    });
    place(panel);
    paint();
    if (side && !phone.matches) { side.scrollTop = 0; }
    // a keyboard user lands on what they chose, its title read out; either way the panel's
    // top (its verdict and claim) is on screen, not its end (on a phone it moved to its
    // paragraph, perhaps far above the list it was chosen from)
    if (moveFocus) { panel.focus({ preventScroll: true }); }
    var box = panel.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight - 80) {
      panel.scrollIntoView({ block: "start" });
    }
    if (location.hash !== "#" + id) { history.replaceState(null, "", "#" + id); }
  }

  // Close the panel: the list comes back beside the text
  function close() {
    var panel = selected && document.getElementById(selected);
    selected = null;
    panels.forEach(function (p) { p.hidden = true; });
    if (panel) { place(panel); }
    document.body.classList.remove("has-selection");
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    paint();
    history.replaceState(null, "", location.pathname + location.search);
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function (event) {
      // a click from Enter or Space has no pointer: move to the panel; a pointer stays put
      select(button.getAttribute("data-claim"), event.detail === 0);
    });
    button.addEventListener("keydown", function (event) {
      // arrow keys move through the claims the filters show; Enter opens one
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
      var visible = buttons.filter(function (b) { return !b.parentElement.hidden; });
      var at = visible.indexOf(button) + (event.key === "ArrowDown" ? 1 : -1);
      if (at >= 0 && at < visible.length) {
        event.preventDefault();
        visible[at].focus();
        visible[at].scrollIntoView({ block: "nearest" });
      }
    });
  });

  document.querySelectorAll("[data-back]").forEach(function (back) {
    back.addEventListener("click", function () {
      var id = back.getAttribute("data-back");
      close();
      claims[id].button.focus();
      claims[id].button.scrollIntoView({ block: "nearest" });
    });
  });

  // back to where the claim is in the text, its mark focused so reading goes on from there
  document.querySelectorAll("[data-to-text]").forEach(function (back) {
    back.hidden = false;
    back.addEventListener("click", function () {
      var mark = firstMark(back.getAttribute("data-to-text"));
      close();
      if (!mark) { return; }
      mark.setAttribute("tabindex", "-1");
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    });
  });

  // the previous or next claim the filters show, without going back to the list
  document.querySelectorAll("[data-step]").forEach(function (step) {
    step.hidden = false;
    step.addEventListener("click", function () {
      // from the claim's place in the whole list, to the nearest one the filters show: the
      // claim may be open though a filter hides it (a key finding, a link)
      var all = Object.keys(claims);
      var by = Number(step.getAttribute("data-step"));
      for (var at = all.indexOf(step.getAttribute("data-of")) + by; at >= 0 && at < all.length; at += by) {
        if (shown(all[at])) { select(all[at], true); return; }
      }
    });
  });

  // a click on the text selects the innermost claim there the filters show; a second click
  // on the same text, the next one, so claims sharing a span are all reachable
  segments.forEach(function (segment) {
    segment.addEventListener("click", function () {
      var ids = claimsOf(segment).filter(shown);
      if (!ids.length) { return; }
      var at = ids.indexOf(selected);
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
    var count = 0;
    buttons.forEach(function (b) {
      var claim = claims[b.getAttribute("data-claim")];
      claim.item.hidden = !((!verdict.value || claim.verdict === verdict.value) &&
        (!source.value || claim.sources.indexOf(source.value) >= 0));
      if (!claim.item.hidden) { count += 1; }
    });
    paint();
    shownCount.textContent = String(count);
  }
  if (verdict && source) {
    verdict.addEventListener("change", filter);
    source.addEventListener("change", filter);
  }

  // a count in the assessment ("3 refuted") shows those claims in the list
  document.querySelectorAll("[data-filter-verdict]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!verdict) { return; }
      event.preventDefault();
      verdict.value = link.getAttribute("data-filter-verdict");
      if (source) { source.value = ""; }
      filter();
      close();
      var title = document.getElementById("claims-title");
      title.scrollIntoView({ block: "start" });
      title.focus({ preventScroll: true });
    });
  });

  document.querySelectorAll("input[name=colour]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      document.body.classList.toggle("by-verdict", radio.value === "verdict" && radio.checked);
      document.body.classList.toggle("by-source", radio.value === "source" && radio.checked);
    });
  });

  function fromAddress() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    if (!id || !claims[id]) { return; }
    select(id, false);
    // the claim's own words in view too: beside the panel, or above it on a phone
    var mark = firstMark(id);
    if (mark) { mark.scrollIntoView({ block: phone.matches ? "start" : "center" }); }
  }
  // a link to a claim opens the page with it selected: copy it, or say it where copying fails
  document.querySelectorAll(".copy-link").forEach(function (button) {
    var status = button.nextElementSibling;
    button.hidden = false;
    button.addEventListener("click", function () {
      var link = location.href.split("#")[0] + "#" + button.getAttribute("data-copy");
      function say(words) { status.textContent = words; }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link).then(
          function () { say("Link copied: " + link); },
          function () { say("Copy this link: " + link); });
      } else {
        say("Copy this link: " + link);
      }
    });
  });
  // a turned phone or a resized window moves the open panel to its place in that layout
  phone.addEventListener("change", function () {
    if (selected) { place(document.getElementById(selected)); }
  });
  // controls that only work with the script show with it
  document.querySelectorAll("[data-needs-script]").forEach(function (e) { e.hidden = false; });
  // with the script, one panel at a time: none until a claim is chosen
  panels.forEach(function (p) { p.hidden = true; });
  paint();
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
