/**
 * The officer area refuses anyone who is not an officer, by any spelling of
 * its address. Every officer page (found from src/pages/admin) and every
 * officer API route (found from the API's own route table) is asked for in
 * hostile spellings, with no, wrong, forged and signed-out credentials:
 * never officer content, never a server error, never a cacheable answer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import api from "../../functions/api/index.ts";
import { officerSessionCookie, startSite, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";

const ADMIN_TOKEN = "officer-gate-test-token-0123456789";
/** Words only an officer may read: a hidden comment given without consent, and a kiosk's name. */
const SECRET_COMMENT = "Sleeping behind the library, please keep this private zq7x";
const SECRET_KIOSK = "Kiosk named ym4w";
const MARKERS = ["zq7x", "ym4w", "Signed in as", 'class="admin-nav"'];

// ── The routes, found from the code ──────────────────────────────────────────

const PAGES_FOLDER = resolve("src/pages/admin");

function files(folder: string, extension: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** "comments/[id].astro" → "/admin/comments/1/": every officer page, with its parameters filled in. */
const officerPages = files(PAGES_FOLDER, ".astro")
  .map((file) => relative(PAGES_FOLDER, file).split("\\").join("/"))
  .map((file) => `/admin/${file.replace(/\.astro$/, "").replace(/(^|\/)index$/, "")}/`.replace(/\/+/g, "/").replace(/\[[^\]]+\]/g, "1"))
  .filter((path) => path !== "/admin/sign-in/");

/** Every route the API answers under /api/admin, with its method and parameters filled in. */
const officerApiRoutes = [
  ...new Map(
    api.routes
      .filter((route) => route.path.startsWith("/api/admin") && route.method !== "ALL")
      .map((route) => {
        const path = route.path.replace(/:reference\b[^/]*/g, "K7M4Q-2XD9P").replace(/:[A-Za-z]+(\{[^}]*\})?/g, "1").replace(/\/\*$/, "");
        return [`${route.method} ${path}`, { method: route.method, path }] as const;
      }),
  ).values(),
];

// ── Hostile spellings of one address ─────────────────────────────────────────

const encode = (character: string, times: number) => {
  let spelled = character;
  for (let i = 0; i < times; i++) spelled = [...new TextEncoder().encode(spelled)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
  return spelled;
};
const fullWidth = (letter: string) => encodeURIComponent(String.fromCodePoint(letter.codePointAt(0)! - 0x61 + 0xff41));

/** The same address written other ways: every way a gate on the raw address could be talked past. */
export function hostileSpellings(path: string): string[] {
  const [, first, ...rest] = path.split("/");
  const tail = rest.length ? `/${rest.join("/")}` : "";
  const letterAt = (index: number) => first![index]!;
  const withLetter = (index: number, spelled: string) => `/${first!.slice(0, index)}${spelled}${first!.slice(index + 1)}${tail}`;
  const secondSlash = path.indexOf("/", 1);
  const spellings = [
    // One letter encoded once, twice and three times, in lower and upper case hex.
    ...[0, 3].flatMap((index) => [1, 2, 3].map((times) => withLetter(index, encode(letterAt(index), times)))),
    // Only the percent sign encoded again: /%2561dmin/, /%252561dmin/.
    withLetter(0, encode(letterAt(0), 1).replace("%", "%25")),
    withLetter(0, encode(letterAt(0), 1).replace("%", "%2525")),
    withLetter(0, encode(letterAt(0), 1).toUpperCase()),
    // A letter deep in the address too.
    path.replace(/([a-z])(\/?)$/, (_, letter: string, slash: string) => `${encode(letter, 2)}${slash}`),
    // Encoded slashes and backslashes, dot segments, repeated slashes.
    secondSlash > 0 ? `${path.slice(0, secondSlash)}%2f${path.slice(secondSlash + 1)}` : `${path}%2f`,
    secondSlash > 0 ? `${path.slice(0, secondSlash)}%2F${path.slice(secondSlash + 1)}` : `${path}%2F`,
    `/%5c${path.slice(1)}`,
    `/\\${path.slice(1)}`,
    `/.${path}`,
    `/./${path.slice(1)}`,
    `/draft/..${path}`,
    `/draft/%2e%2e${path}`,
    `/%2e${path}`,
    `//${path.slice(1)}`,
    path.replace(/\//g, "//"),
    // Case, suffixes and prefixes.
    path.toUpperCase(),
    `/${first!.charAt(0).toUpperCase()}${first!.slice(1)}${tail}`,
    `${path};`,
    `${path.replace(/\/$/, "")};/`,
    `${path}%00`,
    `${path.replace(/\/$/, "")}%00/`,
    `${path}%20`,
    withLetter(0, fullWidth(letterAt(0))),
    `/es${path}`,
    `/it${path}`,
    `/EN${path}`,
  ];
  return [...new Set(spellings)].filter((spelling) => spelling !== path);
}

// ── Asking ───────────────────────────────────────────────────────────────────

interface Credentials {
  name: string;
  headers: () => Record<string, string>;
}

interface Answer {
  status: number;
  location: string | null;
  cacheControl: string | null;
  body: string;
  hops: string[];
}

let lastAddress = 0;
/** A different client address for each request, so the lockout for wrong credentials does not hide what the check itself answers. */
const nextAddress = () => `198.51.100.${(lastAddress = (lastAddress % 250) + 1)}`;

/** Asks for an address as written, following redirects (with the same credentials) as a browser or a script would. */
async function ask(site: Site, method: string, path: string, credentials: Credentials): Promise<Answer> {
  const hops: string[] = [];
  let url = `${site.url}${path}`;
  for (let hop = 0; hop < 5; hop++) {
    const response = await fetch(url, {
      method,
      redirect: "manual",
      // Uncompressed, as a script such as curl asks: compressing thousands of sign-in pages would be all of the local
      // server's front door work here, and none of the gate's.
      headers: {
        "CF-Connecting-IP": nextAddress(),
        Origin: site.url,
        "Accept-Encoding": "identity",
        ...(method === "GET" ? {} : { "Content-Type": "application/json" }),
        ...credentials.headers(),
      },
      body: method === "GET" || method === "HEAD" ? undefined : "{}",
    });
    const location = response.headers.get("Location");
    const answer: Answer = { status: response.status, location, cacheControl: response.headers.get("Cache-Control"), body: await response.text(), hops };
    if (response.status < 300 || response.status >= 400 || !location) return answer;
    hops.push(`${response.status} → ${location}`);
    const next = new URL(location, url);
    if (next.origin !== site.url) return answer;
    url = next.href;
    method = response.status === 303 ? "GET" : method;
  }
  throw new Error(`${path} redirected more than five times: ${hops.join(", ")}`);
}

/** What must never be: officer content, a server error, or an officer answer that could be cached. */
function problemsWith(answer: Answer, address: string): string[] {
  const problems: string[] = [];
  const where = `${address}${answer.hops.length ? ` (${answer.hops.join(", ")})` : ""} answered ${answer.status}`;
  if (answer.status >= 500) problems.push(`${where}: a server error`);
  for (const marker of MARKERS) if (answer.body.includes(marker)) problems.push(`${where} with officer content ("${marker}")`);
  const signInPage = answer.body.includes('name="token"') || answer.body.includes("Sign in to the officers");
  if (answer.status >= 200 && answer.status < 300 && !(answer.status === 200 && signInPage)) problems.push(`${where}: a success, and not the sign-in page`);
  return problems;
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

// ── The site ─────────────────────────────────────────────────────────────────

let site: Site;
let signedOutCookie = "";

async function asOfficer(path: string, json: unknown): Promise<Response> {
  return fetch(`${site.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(json),
  });
}

beforeAll(async () => {
  site = await startSite({ ADMIN_TOKEN, OPENS_AT: "2020-01-01T00:00:00Z", CLOSES_AT: "2090-12-31T23:59:59Z" });
  executeSql(site.stateDirectory, seedCommentsSql([{ reference: "K7M4Q-2XD9P", paragraph: "general", text: SECRET_COMMENT }]));
  await asOfficer("/api/admin/kiosks", { name: SECRET_KIOSK });
  // A session cookie as it was before its officer signed out.
  signedOutCookie = await officerSessionCookie(site, ADMIN_TOKEN);
  await fetch(`${site.url}/admin/sign-out/`, { method: "POST", redirect: "manual", headers: { Cookie: signedOutCookie, Origin: site.url } });
});
afterAll(async () => {
  await site?.stop();
});

const strangers: Credentials[] = [
  { name: "no credentials", headers: () => ({}) },
  { name: "a wrong token", headers: () => ({ Authorization: "Bearer not-the-token" }) },
  { name: "a token in the wrong scheme", headers: () => ({ Authorization: `Basic ${btoa(`officer:${ADMIN_TOKEN}`)}` }) },
  { name: "a forged session cookie", headers: () => ({ Cookie: "officer_session=forged.forged" }) },
  { name: "a signed-out session", headers: () => ({ Cookie: signedOutCookie }) },
  { name: "a forged Access assertion", headers: () => ({ "Cf-Access-Jwt-Assertion": "eyJhbGciOiJub25lIn0.eyJlbWFpbCI6Im9mZmljZXJAZXhhbXBsZS5vcmcifQ." }) },
];

describe("the officer area, walked route by route", () => {
  it("finds the officer pages and API routes from the code, so a new one is walked by itself", async ({ expect }) => {
    expect(officerPages).toEqual(expect.arrayContaining(["/admin/", "/admin/comments/", "/admin/comments/1/", "/admin/audit/", "/admin/kiosks/"]));
    expect(officerApiRoutes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(["GET /api/admin/overview", "GET /api/admin/export", "POST /api/admin/kiosks", "DELETE /api/admin/kiosks/1"]),
    );
  });

  it("shows an officer every page and answer at its own address, never cached", async ({ expect }) => {
    const officer: Credentials = { name: "the officer", headers: () => ({ Authorization: `Bearer ${ADMIN_TOKEN}` }) };
    const overview = await ask(site, "GET", "/admin/comments/", officer);
    expect(overview.status).toBe(200);
    expect(overview.body).toContain("zq7x");
    for (const path of officerPages) {
      const answer = await ask(site, "GET", path, officer);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.cacheControl, path).toBe("no-store");
    }
    for (const route of officerApiRoutes.filter((route) => route.method === "GET")) {
      const answer = await ask(site, "GET", route.path, officer);
      expect(answer.status, route.path).toBeLessThan(500);
      expect(answer.cacheControl, route.path).toBe("no-store");
    }
  });

  it.for(strangers)("refuses every officer page, however its address is spelled, to $name", async (credentials, { expect }) => {
    expect(await refusals(site, credentials, officerPages.flatMap((path) => [path, ...hostileSpellings(path)]).map((address) => ({ method: "GET", address })))).toEqual([]);
  });

  it("refuses every officer API route, however its address is spelled, to someone without credentials", async ({ expect }) => {
    const requests = officerApiRoutes.flatMap((route) => [route.path, ...hostileSpellings(route.path)].map((address) => ({ method: route.method, address })));
    expect(await refusals(site, strangers[0]!, requests)).toEqual([]);
  });

  it.for(strangers.slice(1))("refuses every officer API route to $name", async (credentials, { expect }) => {
    // The API decides on the path it routes on; its spellings are walked above, its credentials here.
    const requests = officerApiRoutes.flatMap((route) => [route.path, hostileSpellings(route.path)[0]!].map((address) => ({ method: route.method, address })));
    expect(await refusals(site, credentials, requests)).toEqual([]);
  });
});

describe("the officer area with Cloudflare Access configured", () => {
  let accessSite: Site;
  beforeAll(async () => {
    accessSite = await startSite({ ACCESS_TEAM_DOMAIN: "https://eastbrook.cloudflareaccess.com", ACCESS_AUD: "officer-gate-audience", OPENS_AT: "2020-01-01T00:00:00Z", CLOSES_AT: "2090-12-31T23:59:59Z" });
    executeSql(accessSite.stateDirectory, seedCommentsSql([{ reference: "K7M4Q-2XD9P", paragraph: "general", text: SECRET_COMMENT }]));
  });
  afterAll(async () => {
    await accessSite?.stop();
  });

  it.for([strangers[0]!, strangers.at(-1)!, strangers[1]!])("refuses every officer page, however its address is spelled, to $name", async (credentials, { expect }) => {
    expect(await refusals(accessSite, credentials, officerPages.flatMap((path) => [path, ...hostileSpellings(path)]).map((address) => ({ method: "GET", address })))).toEqual([]);
  });
});

/** Asks for each address and lists everything wrong with the answers. */
async function refusals(target: Site, credentials: Credentials, requests: { method: string; address: string }[]): Promise<string[]> {
  const problems = await inBatches(requests, 16, async ({ method, address }) => {
    const answer = await ask(target, method, address, credentials);
    const found = problemsWith(answer, `${method} ${address}`);
    const officerAddress = address.startsWith("/admin/") || address.startsWith("/api/admin/");
    if (officerAddress && answer.cacheControl !== "no-store") found.push(`${method} ${address}: cacheable (${answer.cacheControl})`);
    return found;
  });
  return problems.flat();
}

describe("officer pages reach officer data only through the officer's desk", () => {
  /** Local modules a file imports, by path. */
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, "utf8").matchAll(/(?:import|from)\s*["']([^"']+)["']/g)]
      .map((match) => match[1]!)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolve(dirname(file), specifier));

  /** Modules that may hold the Worker's bindings, and why that is safe for an officer page. */
  const MAY_HOLD_BINDINGS: Record<string, string> = {
    "src/server/officer-desk.ts": "opens only for a signed-in officer",
    "src/server/live-consultation.ts": "reads the consultation's dates, and no data",
  };

  it("leaves no way to the database from an officer page but the desk, which opens only for an officer", async ({ expect }) => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      if (/\.(astro|ts|js)$/.test(file)) for (const imported of importsOf(file)) visit(imported);
    };
    for (const page of files(PAGES_FOLDER, ".astro").filter((file) => !file.endsWith("sign-in.astro"))) visit(page);
    const holding = [...reached]
      .filter((file) => /\.(astro|ts|js)$/.test(file) && /cloudflare:workers/.test(readFileSync(file, "utf8")))
      .map((file) => relative(resolve("."), file));
    expect(holding.filter((file) => !(file in MAY_HOLD_BINDINGS))).toEqual([]);
    expect(holding).toContain("src/server/officer-desk.ts");
  });
});
