// Small enhancements; every page works without them.
(function () {
  "use strict";

  // Quote permalink: bring the marked words into view inside the article's text box,
  // without scrolling the page away from the quote's heading.
  document.querySelectorAll("[data-scroll-to]").forEach(function (box) {
    var target = document.getElementById(box.getAttribute("data-scroll-to"));
    if (!target) return;
    // The box is position: relative, so offsetTop is measured from its top.
    box.scrollTop = Math.max(0, target.offsetTop - box.clientHeight / 3);
    // On a short screen the box itself may be below the fold: bring the words up too.
    var rect = target.getBoundingClientRect();
    if (rect.bottom > window.innerHeight) target.scrollIntoView({ block: "center" });
  });

  // Filters start open on wide screens; on a phone they stay folded above the results.
  if (window.matchMedia("(min-width: 60em)").matches) {
    document.querySelectorAll("details.filters").forEach(function (details) {
      details.open = true;
    });
  }

  // Copy buttons appear only where the clipboard can be written.
  if (navigator.clipboard) {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          button.textContent = "Copied";
        });
      });
    });
  }

  // The speaker picker: names suggested as they are typed (without this, the form finds
  // the closest speaker to whatever name is submitted).
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || !window.fetch) return;
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === asked) return;
        asked = q;
        var url = input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            if (q !== asked) return;
            list.textContent = "";
            data.results.forEach(function (speaker) {
              var option = document.createElement("option");
              option.value = speaker.name;
              option.label = [speaker.title, speaker.country].filter(Boolean).join(", ");
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  });

  // Shared addresses carry only the filters in use: empty fields are left out of a GET
  // form's submission (and given back if the browser returns to this page).
  document.querySelectorAll("form[method=get]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (field.type !== "checkbox" && field.type !== "radio" && field.value === "") {
          field.disabled = true;
          field.setAttribute("data-emptied", "");
        }
      });
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("[data-emptied]").forEach(function (field) {
      field.disabled = false;
      field.removeAttribute("data-emptied");
    });
  });
})();
