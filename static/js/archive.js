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
})();
