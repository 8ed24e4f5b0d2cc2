/**
 * Keeps the kiosk working offline: its page, scripts and styles are answered
 * from the network when it is there and from this cache when it is not.
 * The API is never cached: responses wait in the page's own queue instead.
 */
const CACHE = "kiosk-v1";
/**
 * Every script the kiosk loads: its entry point, its modules and the rules it
 * shares with the server. A test (test/e2e/kiosk-files.test.ts) fails if one
 * it imports is missing here.
 */
const SCRIPTS = [
  "/kiosk.js",
  "/kiosk/lookup.js",
  "/kiosk/page.js",
  "/kiosk/paper.js",
  "/kiosk/period.js",
  "/kiosk/refused.js",
  "/kiosk/refused-report.js",
  "/kiosk/screens.js",
  "/kiosk/sending.js",
  "/kiosk/session.js",
  "/kiosk/setup.js",
  "/kiosk/staff.js",
  "/kiosk/state.js",
  "/kiosk/store.js",
  "/comment-rows.js",
  "/field-errors.js",
  "/period-rules.js",
  "/plural-rules.js",
  "/received-date.js",
  "/staff-code-rules.js",
  "/text-rules.js",
];
// Each language's kiosk (/kiosk/, /es/kiosk/…) registers this worker for its own address.
const SHELL = [new URL(self.registration.scope).pathname, ...SCRIPTS];

self.addEventListener("install", (event) => {
  // What another language's worker kept already is left as it is: every load online refreshes what it fetches (below).
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        const kept = await Promise.all(SHELL.map((path) => cache.match(path)));
        await cache.addAll(SHELL.filter((_, index) => !kept[index]));
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  event.respondWith(
    fetch(event.request)
      .then((answer) => {
        if (answer.ok) {
          const copy = answer.clone();
          caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return answer;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true }).then((cached) => cached || Response.error())),
  );
});
