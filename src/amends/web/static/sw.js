/* amends service worker: the app shell and the last plan stay readable offline.
   Served from /sw.js so its scope is the whole app. Nothing here talks to any
   other server: it only keeps copies of this app's own pages and files. */
"use strict";

var SHELL = "amends-shell-v1";
var PAGES = "amends-pages-v1";
var ASSETS = [
  "/static/app.css",
  "/static/app.js",
  "/static/vendor/htmx.min.js",
  "/static/icons/icon.svg",
  "/static/icons/icon-192.png",
  "/static/manifest.webmanifest",
  "/offline"
];
var PLAN_PAGE = /^\/plan\/[A-Za-z0-9_-]+$/;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(ASSETS); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n !== SHELL && n !== PAGES; })
        .map(function (n) { return caches.delete(n); }));
    }).then(function () { return self.clients.claim(); })
  );
});

/* Only the latest plan is kept: a new one replaces it, discarding it removes it. */
function keepLastPlan(url, response) {
  return caches.open(PAGES).then(function (cache) {
    return cache.keys().then(function (keys) {
      return Promise.all(keys.map(function (k) { return cache.delete(k); }));
    }).then(function () { return cache.put(url, response); });
  });
}

function offlinePage(request) {
  return caches.open(PAGES).then(function (pages) {
    return pages.match(request).then(function (hit) {
      if (hit) return hit;
      return caches.match("/offline");
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  if (request.mode !== "navigate") return;
  // A discarded plan, and any plan once someone signs out (hosted mode, a shared
  // computer), must not stay readable here.
  if ((url.pathname === "/plan" && url.searchParams.has("discarded")) || url.pathname === "/sign-in") {
    caches.delete(PAGES);
  }
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok && PLAN_PAGE.test(url.pathname)) {
        keepLastPlan(url.pathname, response.clone());
      }
      return response;
    }).catch(function () { return offlinePage(url.pathname); })
  );
});
