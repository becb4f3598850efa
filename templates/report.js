// Filters: severity, fact and outlet. Without script every finding shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  if (!form) { return; }
  function apply() {
    var severities = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]:checked"))
      .map(function (i) { return i.value; });
    var fact = form.elements.fact.value;
    var outlet = form.elements.outlet.value;
    var visible = 0;
    cards.forEach(function (card) {
      var ok = severities.indexOf(card.getAttribute("data-severity")) >= 0 &&
        (fact === "" || card.getAttribute("data-fact") === fact) &&
        (outlet === "" || card.getAttribute("data-outlets").split(" ").indexOf(outlet) >= 0);
      card.hidden = !ok;
      if (ok) { visible += 1; }
    });
    shown.textContent = visible === cards.length
      ? "Showing all " + cards.length + " findings."
      : "Showing " + visible + " of " + cards.length + " findings.";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
}());
