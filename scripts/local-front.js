// @ts-check
/**
 * The local server's front door, run inside workerd beside the built Worker
 * (scripts/worker-server.ts adds it to the Worker's modules). Miniflare's own
 * entry Worker and Cloudflare's static-file router cost most of a request's
 * time on a route that does little, so a request comes here straight from its
 * socket, and:
 * - an address no file of the build could answer, whatever Cloudflare's HTML
 *   handling makes of it, goes to the Worker directly, as Cloudflare's router
 *   would send it after finding no file;
 * - every other address goes through Cloudflare's own static-file router and
 *   asset Worker (as Miniflare runs them), so `_headers`, the HTML handling
 *   and `run_worker_first` are theirs, not a copy.
 * Text is compressed as Cloudflare does for the browser, and `npm start`
 * logs each request.
 */

/**
 * The part of an address that Cloudflare's HTML handling keeps when it looks
 * for a file: whatever "/index.html", ".html", "/index" and "/" it adds or
 * removes, the file it looks up has the same root as the address.
 * @param {string} path a decoded path
 */
export function assetRoot(path) {
  let root = path;
  for (;;) {
    const suffix = ["/index.html", ".html", "/index", "/"].find((end) => root.endsWith(end));
    if (suffix === undefined) return root;
    root = root.slice(0, -suffix.length);
  }
}

/**
 * The path as Cloudflare's asset Worker reads it: each segment decoded where
 * it can be, and runs of slashes made one.
 * @param {string} pathname
 */
export function decodedPath(pathname) {
  return pathname
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/")
    .replace(/\/+/g, "/");
}

/** Paths Cloudflare's router checks itself before anything else: they always go through it. */
const ROUTER_PATHS = /^\/(?:_image|_next\/image|cdn-cgi\/)/;

/**
 * Whether Cloudflare's router could serve this address from a file, or would
 * do anything but hand it to the Worker unchanged.
 * @param {URL} url
 * @param {Set<string> | null} roots the roots of every file in the build, or null when every address must go through the router
 */
export function mayBeStatic(url, roots) {
  if (roots === null || ROUTER_PATHS.test(url.pathname)) return true;
  return roots.has(assetRoot(decodedPath(url.pathname)));
}

/** The content types Cloudflare compresses for the browser (its documented list). */
const COMPRESSED_TYPES = new Set(
  [
    "text/html text/richtext text/plain text/css text/x-script text/x-component text/x-java-source text/x-markdown",
    "application/javascript application/x-javascript text/javascript text/js image/x-icon image/vnd.microsoft.icon",
    "application/x-perl application/x-httpd-cgi text/xml application/xml application/rss+xml application/vnd.api+json",
    "application/x-protobuf application/json multipart/bag multipart/mixed application/xhtml+xml font/ttf font/otf",
    "font/x-woff image/svg+xml application/vnd.ms-fontobject application/ttf application/x-ttf application/otf",
    "application/x-otf application/truetype application/opentype application/x-opentype application/font-woff",
    "application/eot application/font application/font-sfnt application/wasm application/javascript-binast",
    "application/manifest+json application/ld+json application/graphql+json application/geo+json",
  ].flatMap((line) => line.split(" ")),
);

/**
 * The response in the encoding the client prefers among gzip and br when
 * its type is one Cloudflare compresses; workerd compresses the body to
 * match the Content-Encoding on its way out, or sends it as it is when the
 * header is taken away.
 * @param {string | null} acceptEncoding the client's own Accept-Encoding
 * @param {Response} response
 */
export function encodedForClient(acceptEncoding, response) {
  if (acceptEncoding === null) return response;
  const type = response.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  const encoding = response.headers.get("Content-Encoding");
  if ((type !== undefined && !COMPRESSED_TYPES.has(type)) || (encoding !== null && encoding !== "gzip" && encoding !== "br")) return response;
  const offered = acceptEncoding
    .split(",")
    .map((element) => /^([a-z]+|\*)(?:\s*;\s*q=(\d+(?:\.\d+)?))?$/.exec(element.trim()))
    .filter((match) => match !== null)
    .map((match) => ({ coding: match[1], weight: match[2] === undefined ? 1 : Number(match[2]) }))
    .sort((a, b) => b.weight - a.weight);
  if (offered.length === 0) return response;
  const preferred = offered.find(({ coding, weight }) => weight > 0 && (coding === "gzip" || coding === "br" || coding === "identity"));
  const wanted = preferred?.coding === "gzip" || preferred?.coding === "br" ? preferred.coding : null;
  if (wanted === null) {
    if (preferred === undefined && offered.some(({ coding, weight }) => weight === 0 && (coding === "identity" || coding === "*"))) {
      return new Response("Unsupported Media Type", { status: 415, headers: { "Accept-Encoding": "br, gzip" } });
    }
    if (encoding === null) return response;
    const plain = new Response(response.body, response);
    plain.headers.delete("Content-Encoding");
    return plain;
  }
  if (encoding === wanted) return response;
  const encoded = new Response(response.body, response);
  encoded.headers.set("Content-Encoding", wanted);
  return encoded;
}

/**
 * Serves one request arriving at the local server's socket.
 * @param {Request} request
 * @param {{ worker: (request: Request) => Promise<Response>, router: (request: Request) => Promise<Response>, roots: Set<string> | null, logRequests: boolean }} through
 */
export async function serveFront(request, through) {
  const started = Date.now();
  const url = new URL(request.url);
  const acceptEncoding = request.headers.get("Accept-Encoding");
  // What the Worker is offered, as Cloudflare's edge offers it whatever the browser sent.
  const forwarded = new Request(request);
  forwarded.headers.set("Accept-Encoding", "br, gzip");
  const response = mayBeStatic(url, through.roots) ? await through.router(forwarded) : await through.worker(forwarded);
  if (through.logRequests) console.log(`${request.method} ${url.pathname} ${response.status} (${Date.now() - started}ms)`);
  return encodedForClient(acceptEncoding, response);
}
