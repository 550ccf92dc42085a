// The comparison page's script: without it the page is complete; with it, pointing at a mark
// lights up the same event in every lane and in the merged timeline, and the verdict boxes hide
// the events of a kind. No network, no libraries.
(function () {
  "use strict";
  var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };

  function light(id, on) {
    all('[data-event="' + id + '"]').forEach(function (el) { el.classList.toggle("hot", on); });
  }
  all(".item, .col-head").forEach(function (el) {
    var id = el.getAttribute("data-event");
    el.addEventListener("mouseenter", function () { light(id, true); });
    el.addEventListener("mouseleave", function () { light(id, false); });
    el.addEventListener("focus", function () { light(id, true); });
    el.addEventListener("blur", function () { light(id, false); });
  });

  var form = document.getElementById("verdicts");
  if (!form) return;
  form.addEventListener("change", function () {
    var shown = {};
    all("#verdicts input").forEach(function (box) { shown[box.value] = box.checked; });
    all("[data-verdict]").forEach(function (el) {
      el.classList.toggle("hidden", !shown[el.getAttribute("data-verdict")]);
    });
  });
})();
