/**
 * Hostile input, thrown at every route of the API: thousands of random and
 * malformed requests (broken JSON, wrong types, huge and empty fields, invalid
 * UTF-8 and lone surrogates, odd media types and methods, malformed headers,
 * path tricks, overlong references). Whatever comes in, the answer is never a
 * 5xx, a refusal always has the contract's error shape, and a refusal writes nothing.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, it } from "vitest";
import app from "../../functions/api/index.ts";
import { addResponse } from "../api/admin-fixtures.ts";

const ADMIN_TOKEN = "hostile-input-officer-token";
/** Fixed, so a run that finds something can be repeated; change it to explore further. */
const SEED = 20301122;

const ROUTES: [method: string, path: string][] = [
  ["GET", "/api/health"],
  ["GET", "/api/consultation"],
  ["POST", "/api/responses"],
  ["GET", "/api/responses/{reference}"],
  ["GET", "/api/admin/session"],
  ["GET", "/api/admin/comments"],
  ["GET", "/api/admin/comments/{id}"],
  ["POST", "/api/admin/comments/{id}/hide"],
  ["POST", "/api/admin/comments/{id}/unhide"],
  ["POST", "/api/admin/comments/{id}/redact"],
  ["PUT", "/api/admin/comments/{id}/themes"],
  ["PUT", "/api/admin/comments/{id}/themes/{id}"],
  ["DELETE", "/api/admin/comments/{id}/themes/{id}"],
  ["GET", "/api/admin/themes"],
  ["POST", "/api/admin/themes"],
  ["PATCH", "/api/admin/themes/{id}"],
  ["GET", "/api/admin/themes/counts"],
  ["GET", "/api/admin/audit"],
  ["GET", "/api/admin/export"],
  ["GET", "/api/feedback"],
  ["GET", "/api/feedback/download"],
  ["GET", "/api/comments"],
  ["GET", "/api/admin/feedback"],
  ["POST", "/api/admin/feedback"],
  ["GET", "/api/admin/feedback/{id}"],
  ["PATCH", "/api/admin/feedback/{id}"],
  ["POST", "/api/admin/feedback/{id}/publish"],
  ["POST", "/api/admin/feedback/{id}/unpublish"],
  ["POST", "/api/admin/feedback/{id}/comments"],
  ["DELETE", "/api/admin/feedback/{id}/comments/{id}"],
  ["GET", "/api/admin/publication"],
  ["PUT", "/api/admin/publication"],
  ["GET", "/api/admin/kiosks"],
  ["POST", "/api/admin/kiosks"],
  ["DELETE", "/api/admin/kiosks/{id}"],
  ["POST", "/api/admin/kiosks/{id}/setup-codes"],
  ["GET", "/api/admin/kiosks/{id}/staff-codes"],
  ["POST", "/api/admin/kiosks/{id}/staff-codes"],
  ["DELETE", "/api/admin/kiosks/{id}/staff-codes/{id}"],
  ["POST", "/api/admin/paper/batches"],
  ["POST", "/api/admin/paper/sheets"],
  ["GET", "/api/admin/paper/sheets/{reference}"],
  ["PUT", "/api/admin/paper/sheets/{reference}"],
  ["GET", "/api/kiosk"],
  ["POST", "/api/kiosk/setup"],
  ["POST", "/api/kiosk/references"],
  ["POST", "/api/paper/sheets"],
  ["GET", "/api/paper/sheets/{reference}"],
  ["PUT", "/api/paper/sheets/{reference}"],
  ["GET", "/api/admin/overview"],
  ["POST", "/api/admin/comments/reading"],
  ["GET", "/api/admin/themes/figures"],
  ["GET", "/api/admin/report"],
  ["GET", "/api/admin/responses/{reference}"],
  ["DELETE", "/api/admin/responses/{reference}"],
  ["GET", "/api/admin/duplicates"],
  ["GET", "/api/admin/duplicates/{id}"],
  ["POST", "/api/admin/duplicates/{id}/confirm"],
  ["POST", "/api/admin/duplicates/{id}/split"],
];

const FIELD_NAMES = [
  "comments", "paragraph", "text", "comment", "generalComment", "alsoParagraph1", "alsoComment1", "publishConsent",
  "respondentType", "organisation", "idempotencyKey", "website", "cf-turnstile-response", "turnstileToken",
  "reason", "name", "themeIds", "format", "includeHidden", "cursor", "limit", "q", "from", "to", "section",
  "channel", "status", "theme", "consent", "reference", "read", "reading", "respondent", "__proto__", "constructor",
  "title", "youSaid", "weDid", "outcome", "paragraphs", "references", "filters", "quotes", "answered", "feedback", "responsesPublished",
  "assisted", "helper", "pressedSendAt", "receivedOn", "count", "code", "commentIds",
];

/** Text of every kind: ordinary, any code unit (lone surrogates included), huge, or empty. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", " ", "\u200B", "\uD800", "general", "streets-2", "9999-12-31", "-1", "1e309", "null", "A".repeat(6000)),
  fc.string({ unit: "grapheme", maxLength: 6000 }),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const jsonValue = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(scalar, fc.array(fc.dictionary(fc.constantFrom(...FIELD_NAMES), scalar), { maxLength: 60 }))),
);

/** Printable ASCII only: anything else cannot be sent as a header value at all. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 300 });

const body = fc.oneof(
  jsonValue.map((value) => JSON.stringify(value)),
  fc.string({ unit: "binary" }),
  fc.uint8Array({ maxLength: 3000 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), text).map((fields) => new URLSearchParams(fields).toString()),
  fc.constant(undefined),
);

const pathPart = fc.oneof(
  fc.constantFrom("1", "2", "0", "-1", "999999999999999999999", "1.5", "%00", "..%2F..%2Fetc", "%E0%A4%A", "AAAAA-AAAAA", "k7m4q2xd9p", "A".repeat(5000)),
  headerText.filter((part) => part.length > 0 && !part.includes("/") && !part.includes("?") && !part.includes("#")).map(encodeURIComponent),
);

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  method: fc.option(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"), { freq: 4 }),
  parts: fc.array(pathPart, { minLength: 2, maxLength: 2 }),
  query: fc.dictionary(fc.constantFrom(...FIELD_NAMES), headerText, { maxKeys: 4 }),
  contentType: fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=xyz",
    "text/plain",
    "application/x-ndjson",
    "",
    "application/json, text/html",
  ),
  body,
  idempotencyKey: fc.option(headerText),
  acceptLanguage: fc.option(headerText),
  credentials: fc.constantFrom("officer", "none", "wrong", "garbage"),
  // Mostly absent, so the public routes are still tried as the public sends them.
  kioskKey: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: headerText, weight: 1 }),
});

const TABLES = [
  "responses", "comments", "themes", "comment_themes", "audit_log", "officer_sessions",
  "feedback_entries", "feedback_paragraphs", "feedback_comments", "feedback_quotes",
  "kiosks", "kiosk_keys", "kiosk_setup_codes", "kiosk_staff_codes", "issued_references", "erasures",
];
/** Each table's row count, read in one statement: it is read once for each of the thousands of requests. */
const COUNT_ROWS = `SELECT ${TABLES.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(", ")}`;

async function writtenSoFar(): Promise<Record<string, number>> {
  return (await env.DB.prepare(COUNT_ROWS).first<Record<string, number>>())!;
}

describe("hostile input to every API route", () => {
  it("never answers 5xx, always answers a refusal in the error shape, and never writes on a refusal", { timeout: 300_000 }, async ({ expect }) => {
    await addResponse(env.DB, { comments: [{ text: "A comment to aim at" }, { paragraph: "general", text: "Another" }] });
    let client = 0;
    // What the tables held after the last request: a refusal must leave them so.
    let written = await writtenSoFar();
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const [, template] = input.route;
        let parts = 0;
        const path = template.replace(/\{\w+\}/g, () => input.parts[parts++]!);
        const query = new URLSearchParams(input.query).toString();
        const method = input.method ?? input.route[0];
        const headers = new Headers({ "CF-Connecting-IP": `198.19.${(++client >> 8) & 255}.${client & 255}` });
        if (input.contentType) headers.set("Content-Type", input.contentType);
        if (input.idempotencyKey !== null) headers.set("Idempotency-Key", input.idempotencyKey);
        if (input.acceptLanguage !== null) headers.set("Accept-Language", input.acceptLanguage);
        if (input.credentials === "officer") headers.set("Authorization", `Bearer ${ADMIN_TOKEN}`);
        if (input.credentials === "wrong") headers.set("Authorization", "Bearer not-the-token");
        if (input.credentials === "garbage") headers.set("Authorization", "Bearer");
        if (input.kioskKey !== null) headers.set("Kiosk-Key", input.kioskKey);
        const sendsBody = !["GET", "HEAD"].includes(method) && input.body !== undefined;

        const response = await app.request(
          `http://portal.test${path}${query ? `?${query}` : ""}`,
          { method, headers, body: sendsBody ? input.body : undefined },
          { ...env, ADMIN_TOKEN },
        );
        const answer = await response.text();
        const before = written;
        written = await writtenSoFar();
        const label = `${method} ${path} (${input.contentType || "no type"}) → ${response.status}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400) {
          const parsed = JSON.parse(answer) as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
          expect(typeof parsed.error?.code, label).toBe("string");
          expect(typeof parsed.error?.message, label).toBe("string");
          if (parsed.error?.fields !== undefined) {
            for (const message of Object.values(parsed.error.fields as object)) expect(typeof message, label).toBe("string");
          }
          expect(written, label).toEqual(before);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
