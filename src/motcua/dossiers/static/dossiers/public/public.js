// Applicants' dossier pages: small enhancements; every page works without them.
(function () {
  "use strict";

  // Lowercase without Vietnamese diacritics, so "phu" finds "Phú" and "duc" finds "Đức".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();
  }

  // A search box above a long <select> of agencies: keep only the matching options.
  function filterSelect(input) {
    var select = document.getElementById(input.dataset.filterSelect);
    if (!select) return;
    input.closest("[hidden]") && input.closest("[hidden]").removeAttribute("hidden");
    var original = select.cloneNode(true);
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var chosen = select.value;
      select.replaceChildren();
      Array.prototype.forEach.call(original.children, function (node) {
        if (node.tagName === "OPTGROUP") {
          var group = node.cloneNode(false);
          var groupMatches = fold(node.label).indexOf(query) !== -1;
          Array.prototype.forEach.call(node.children, function (option) {
            if (groupMatches || fold(option.textContent).indexOf(query) !== -1) {
              group.appendChild(option.cloneNode(true));
            }
          });
          if (group.children.length) select.appendChild(group);
        } else if (!node.value || fold(node.textContent).indexOf(query) !== -1) {
          select.appendChild(node.cloneNode(true));
        }
      });
      select.value = chosen;
    });
  }

  // Copy the dossier code with one tap.
  function copyButton(button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = "Đã sao chép ✓";
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  }

  // A second tap on "submit" while the upload is still sending must not look like nothing
  // happened; the idempotency key already makes a repeat harmless.
  function submitOnce(form) {
    var button = form.querySelector("button[type=submit]");
    if (!button) return;
    var label = button.textContent;
    form.addEventListener("submit", function () {
      button.disabled = true;
      button.textContent = "Đang gửi…";
    });
    // Coming back with the browser's Back button shows the page as it was left.
    window.addEventListener("pageshow", function () {
      button.disabled = false;
      button.textContent = label;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-filter-select]").forEach(filterSelect);
    document.querySelectorAll("[data-copy]").forEach(copyButton);
    document.querySelectorAll("form[data-once]").forEach(submitOnce);
  });
})();
