// The timeline page's script: filters by action, actor, target and source, keeps the time axis
// in step with the list, and offers the embedded data for download. The page is complete
// without it; the script only hides and shows what is already there. No network access.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  if (!form) return;
  var claims = Array.prototype.slice.call(document.querySelectorAll("li.claim"));
  // Every axis (the whole span and its close-ups) has a mark per event it shows.
  var marks = {};
  Array.prototype.forEach.call(document.querySelectorAll("li.mark"), function (m) {
    var id = m.getAttribute("data-event");
    (marks[id] = marks[id] || []).push(m);
  });
  function eachMark(id, fn) { (marks[id] || []).forEach(fn); }
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));

  // A claim matches a filter when the attribute equals the value (action, actor) or its
  // "|a|b|" list holds it (targets, sources).
  function matches(claim, attr, value) {
    if (!value) return true;
    var have = claim.getAttribute("data-" + attr) || "";
    if (have.charAt(0) === "|") return have.indexOf("|" + value + "|") !== -1;
    return have === value;
  }

  function apply() {
    var visible = 0;
    claims.forEach(function (claim) {
      var ok = selects.every(function (s) {
        return matches(claim, s.getAttribute("data-filter"), s.value);
      });
      claim.hidden = !ok;
      eachMark(claim.id, function (m) { m.hidden = !ok; });
      if (ok) visible++;
    });
    var active = selects.some(function (s) { return s.value; });
    shown.textContent = active
      ? "Showing " + visible + " of " + claims.length + " claims."
      : "Showing all " + claims.length + " claims.";
  }

  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  // Following a mark to its claim: outline the mark of the claim in view.
  function markCurrent() {
    Object.keys(marks).forEach(function (id) {
      eachMark(id, function (m) { m.classList.remove("current"); });
    });
    eachMark(decodeURIComponent(window.location.hash.slice(1)), function (m) {
      m.classList.add("current");
    });
  }
  window.addEventListener("hashchange", markCurrent);
  markCurrent();

  // Close-ups: one axis shown at a time, chosen in the zoom list.
  var zoom = document.getElementById("zoom");
  if (zoom) {
    zoom.parentNode.hidden = false;
    zoom.addEventListener("change", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".axis-scroll"), function (a) {
        a.hidden = a.id !== "axis-" + zoom.value;
      });
    });
  }

  // The embedded data, offered as a file made in the page itself.
  var data = document.getElementById("timeline-data");
  var button = document.getElementById("download");
  if (data && button && window.Blob && window.URL && URL.createObjectURL) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = URL.createObjectURL(new Blob([data.textContent], { type: "application/json" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = "timeline.json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
  }
  apply();
})();
