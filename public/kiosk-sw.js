/**
 * Keeps the kiosk working offline: its page, script and styles are answered
 * from the network when it is there and from this cache when it is not.
 * The API is never cached: responses wait in the page's own queue instead.
 */
const CACHE = "kiosk-v1";
// Each language's kiosk (/kiosk/, /es/kiosk/…) registers this worker for its own address.
const SHELL = [new URL(self.registration.scope).pathname, "/kiosk.js", "/period-rules.js", "/staff-code-rules.js", "/field-errors.js", "/received-date.js"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
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
