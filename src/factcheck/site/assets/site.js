// factcheck site: selecting a claim, filtering the list, colouring by verdict or source.
// Without it the page still reads: every panel shows, each at its claim's address (#id).
(function () {
  "use strict";
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-claim]"));
  var segments = Array.prototype.slice.call(document.querySelectorAll(".seg"));
  var panels = Array.prototype.slice.call(document.querySelectorAll(".panel"));
  var hint = document.querySelector(".hint");
  var selected = null;

  // each claim's verdict and source, as its list item carries them
  var claims = {};
  buttons.forEach(function (b) {
    var item = b.parentElement;
    claims[b.getAttribute("data-claim")] = {
      item: item, button: b,
      verdict: item.getAttribute("data-verdict"), source: item.getAttribute("data-source")
    };
  });

  function claimsOf(segment) { return segment.getAttribute("data-claims").split(" "); }
  function shown(id) { return !claims[id].item.hidden; }

  // A stretch of text takes the colours of the selected claim if it is one of its own, else
  // of the innermost claim there the filters show; with none shown, it is dimmed.
  function paint() {
    var sources = segments.map(function (s) {
      var ids = claimsOf(s);
      var id = ids.indexOf(selected) >= 0 ? selected : ids.filter(shown)[0];
      s.className = "seg";
      if (!id) { s.classList.add("dimmed"); return null; }
      s.classList.add("verdict-" + claims[id].verdict, "source-" + claims[id].source);
      if (id === selected) { s.classList.add("selected"); }
      return claims[id].source;
    });
    // where a source's marks stop (unmarked text next, or another source's), its number
    // is drawn when colouring by source (site.css)
    segments.forEach(function (s, at) {
      var next = segments[at + 1];
      var goesOn = next && s.nextSibling === next && sources[at + 1] === sources[at];
      if (sources[at] && !goesOn) { s.classList.add("run-end"); }
    });
  }

  function select(id, moveFocus) {
    var panel = document.getElementById(id);
    if (!panel || !panel.classList.contains("panel")) { return; }
    selected = id;
    panels.forEach(function (p) { p.hidden = p !== panel; });
    if (hint) { hint.hidden = true; }
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-claim") === id));
    });
    paint();
    if (moveFocus) {
      panel.focus();  // a keyboard user lands on what they chose, its title read out
    } else {
      var box = panel.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) {
        panel.scrollIntoView({ block: "start" });  // on a phone the panel sits elsewhere
      }
    }
    if (location.hash !== "#" + id) { history.replaceState(null, "", "#" + id); }
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function (event) {
      // a click from Enter or Space has no pointer: move to the panel; a pointer stays put
      select(button.getAttribute("data-claim"), event.detail === 0);
    });
    button.addEventListener("keydown", function (event) {
      // arrow keys move through the claims the filters show
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
      var visible = buttons.filter(function (b) { return !b.parentElement.hidden; });
      var at = visible.indexOf(button) + (event.key === "ArrowDown" ? 1 : -1);
      if (at >= 0 && at < visible.length) {
        event.preventDefault();
        visible[at].focus();
        select(visible[at].getAttribute("data-claim"), false);
      }
    });
  });

  document.querySelectorAll("[data-back]").forEach(function (back) {
    back.addEventListener("click", function () {
      claims[back.getAttribute("data-back")].button.focus();
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
      var item = b.parentElement;
      item.hidden = !((!verdict.value || item.getAttribute("data-verdict") === verdict.value) &&
        (!source.value || item.getAttribute("data-source") === source.value));
      if (!item.hidden) { count += 1; }
    });
    paint();
    shownCount.textContent = String(count);
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
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    if (id && claims[id]) { select(id, false); }
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
  // with the script, one panel at a time: none until a claim is chosen
  panels.forEach(function (p) { p.hidden = true; });
  paint();
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
