// Officers' dossier pages: the keyboard-only procedure picker of counter intake, and a
// confirmation before actions that end processing.
(function () {
  "use strict";

  function setupPicker(form) {
    var input = form.querySelector("input[name=procedure]");
    var box = document.getElementById("procedure-suggestions-box");
    if (!input || !box || !window.htmx) return;
    var suggestUrl = form.dataset.suggestUrl;
    var checklistUrl = form.dataset.checklistUrl;

    function options() {
      return Array.prototype.slice.call(box.querySelectorAll("[role=option]"));
    }
    function active() {
      return box.querySelector("[role=option][aria-selected=true]");
    }
    function mark(option) {
      options().forEach(function (o) { o.setAttribute("aria-selected", o === option ? "true" : "false"); });
      if (option) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    }
    function close() {
      box.innerHTML = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function suggest() {
      var query = input.value.trim();
      if (!query) { close(); return Promise.resolve(); }
      return htmx.ajax("GET", suggestUrl + "?procedure=" + encodeURIComponent(query),
                       { target: box, swap: "innerHTML" }).then(function () {
        box.dataset.query = query;
        delete box.dataset.moved;
        input.setAttribute("aria-expanded", options().length ? "true" : "false");
        if (active()) input.setAttribute("aria-activedescendant", active().id);
      });
    }
    function choose(option) {
      var code = option.dataset.code;
      input.value = code;
      close();
      htmx.ajax("GET", checklistUrl + "?procedure=" + encodeURIComponent(code),
                { target: "#checklist", swap: "innerHTML" }).then(function () {
        var next = document.querySelector("#intake-agency select") ||
                   form.querySelector("input[name=applicant_name]");
        if (next) next.focus();
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    input.addEventListener("keydown", function (event) {
      var list = options();
      var current = active();
      var index = list.indexOf(current);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!list.length) { suggest(); return; }
        // The first press starts from the first suggestion (it is only pre-selected for Enter);
        // the following ones move from there.
        if (!box.dataset.moved) {
          box.dataset.moved = "1";
          mark(list[0]);
          return;
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        mark(list[(index + step + list.length) % list.length]);
      } else if (event.key === "Enter") {
        // Enter in the picker chooses; it never submits the intake half filled.
        event.preventDefault();
        clearTimeout(timer);
        if (current && box.dataset.query === input.value.trim()) {
          choose(current);
        } else {
          suggest().then(function () { if (active()) choose(active()); });
        }
      } else if (event.key === "Escape") {
        close();
      }
    });
    box.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) choose(option);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var intake = document.getElementById("intake-form");
    if (intake) setupPicker(intake);
    document.addEventListener("submit", function (event) {
      var message = event.target.dataset && event.target.dataset.confirm;
      if (message && !window.confirm(message)) event.preventDefault();
    });
  });
})();
