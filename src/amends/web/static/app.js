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

  /* Message tabs: without JavaScript every message is on the page and the tabs are
     in-page links; with it, one message shows at a time and the tab says which. */
  function showTab(nav, id) {
    var links = nav.querySelectorAll("a[data-tab]");
    for (var i = 0; i < links.length; i++) {
      var on = links[i].getAttribute("data-tab") === id;
      if (on) { links[i].setAttribute("aria-current", "true"); } else { links[i].removeAttribute("aria-current"); }
      var panel = document.getElementById(links[i].getAttribute("data-tab"));
      if (panel) panel.hidden = !on;
    }
  }

  /* Variants of one message (short / with the reason): a switch instead of two copies. */
  function showVariant(group, id) {
    var buttons = group.querySelectorAll("button[data-variant]");
    for (var i = 0; i < buttons.length; i++) {
      var on = buttons[i].getAttribute("data-variant") === id;
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
      var article = document.getElementById(buttons[i].getAttribute("data-variant"));
      if (article) article.hidden = !on;
    }
  }

  function setUp(root) {
    var buttons = root.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
    var navs = root.querySelectorAll("nav.tabs");
    for (var n = 0; n < navs.length; n++) {
      var first = navs[n].querySelector("a[data-tab]");
      if (first) showTab(navs[n], first.getAttribute("data-tab"));
      navs[n].classList.add("live");
    }
    var groups = root.querySelectorAll(".switch");
    for (var g = 0; g < groups.length; g++) {
      groups[g].hidden = false;
      var pick = groups[g].querySelector("button[data-variant]");
      if (pick) showVariant(groups[g], pick.getAttribute("data-variant"));
      var titles = groups[g].parentNode.querySelectorAll(".variant-title");
      for (var t = 0; t < titles.length; t++) titles[t].classList.add("visually-hidden");
    }
    // On a phone the long checklist starts folded; the first hour's actions come first.
    if (window.matchMedia && window.matchMedia("(max-width: 47.99rem)").matches) {
      var folds = root.querySelectorAll("details[data-collapse-small]");
      for (var d = 0; d < folds.length; d++) folds[d].open = false;
    }
    var last = root.querySelector("[data-last-plan] a");
    if (last && window.caches) {
      caches.open("amends-pages-v1").then(function (cache) { return cache.keys(); }).then(function (keys) {
        if (keys.length) { last.href = new URL(keys[0].url).pathname; } else { last.parentNode.textContent = "No plan was kept on this device yet."; }
      });
    }
    tick();
  }

  document.addEventListener("click", function (event) {
    var tab = event.target.closest ? event.target.closest("nav.tabs a[data-tab]") : null;
    if (tab) {
      event.preventDefault();
      showTab(tab.closest("nav.tabs"), tab.getAttribute("data-tab"));
      return;
    }
    var variant = event.target.closest ? event.target.closest(".switch button[data-variant]") : null;
    if (variant) showVariant(variant.closest(".switch"), variant.getAttribute("data-variant"));
  });

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
    if ("serviceWorker" in navigator && window.isSecureContext) {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    }
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
