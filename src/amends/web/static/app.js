/* amends: copy buttons, the respond-by countdown and focus after htmx swaps.
   Loaded as a file (CSP forbids inline scripts); everything works without it. */
(function () {
  "use strict";

  function countdownText(ms) {
    if (ms <= 0) return "now — the hour is over, send it anyway";
    var minutes = Math.floor(ms / 60000);
    var seconds = Math.floor((ms % 60000) / 1000);
    if (minutes >= 1) return minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s left";
    return seconds + " seconds left";
  }

  function tick() {
    var nodes = document.querySelectorAll("[data-countdown]");
    for (var i = 0; i < nodes.length; i++) {
      var due = Date.parse(nodes[i].getAttribute("data-countdown"));
      if (!isNaN(due)) nodes[i].textContent = countdownText(due - Date.now());
    }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function setUp(root) {
    var buttons = root.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
    tick();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    copyText(source.textContent).then(function () {
      button.textContent = "Copied";
      button.classList.add("copied");
      setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 2000);
    }, function () {
      button.textContent = "Select and copy by hand";
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    setUp(document);
    setInterval(tick, 1000);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    setUp(event.target);
    var target = event.target.querySelector("[data-focus]") || event.target;
    if (target.focus) target.focus();
    if (target.scrollIntoView) target.scrollIntoView({ block: "start" });
  });

  // htmx ignores 4xx responses by default; our 422s carry the form with its messages.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
