/** Comments put straight into D1 for the officers' tests, as the public form would have stored them. */
import app from "../../functions/api/index.ts";

export const ADMIN_TOKEN = "test-officer-token";

let counter = 0;

/** A reference shaped like the real ones: ten Crockford base32 characters, unique in this run. */
export function testReference(): string {
  counter++;
  return `T${counter.toString(32).toUpperCase().replace(/I/g, "X").replace(/L/g, "Y").replace(/O/g, "Z").replace(/U/g, "W").padStart(9, "0")}`;
}

export interface TestComment {
  paragraph?: string;
  revision?: number;
  text: string;
  status?: "received" | "hidden";
}

export interface TestResponse {
  reference?: string;
  channel?: "online" | "kiosk" | "paper";
  receivedAt?: string;
  publishConsent?: boolean;
  respondentType?: "individual" | "organisation" | null;
  organisation?: string | null;
  /** Who helped, as a kiosk records it. */
  assisted?: { organisation: string; helper: string };
  comments: TestComment[];
}

export async function addResponse(db: D1Database, response: TestResponse): Promise<{ reference: string; commentIds: number[] }> {
  const reference = response.reference ?? testReference();
  const inserted = await db
    .prepare(
      `INSERT INTO responses (reference, idempotency_key_hash, content_hash, channel, received_at, publish_consent, respondent_type, organisation, assisted_organisation, assisted_helper)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .bind(
      reference,
      `key-${reference}`,
      `content-${reference}`,
      response.channel ?? "online",
      response.receivedAt ?? "2026-11-20T10:00:00.000Z",
      response.publishConsent ? 1 : 0,
      response.respondentType ?? null,
      response.organisation ?? null,
      response.assisted?.organisation ?? null,
      response.assisted?.helper ?? null,
    )
    .first<{ id: number }>();
  const commentIds: number[] = [];
  for (const [position, comment] of response.comments.entries()) {
    const paragraph = comment.paragraph ?? "streets-2";
    const row = await db
      .prepare(
        "INSERT INTO comments (response_id, position, paragraph_id, paragraph_revision, text, status) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      )
      .bind(inserted!.id, position + 1, paragraph, comment.revision ?? (paragraph === "general" ? 0 : 1), comment.text, comment.status ?? "received")
      .first<{ id: number }>();
    commentIds.push(row!.id);
  }
  return { reference, commentIds };
}

/**
 * Many one-comment responses at once, a thousand rows per statement (one
 * JSON parameter each, so D1's limit on bound parameters does not apply).
 */
export async function addManyComments(db: D1Database, count: number, text: (index: number) => string, paragraphs = ["streets-2"]): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, offset) => {
      const index = start + offset;
      return {
        reference: `B${String(index).padStart(9, "0")}`,
        receivedAt: new Date(Date.UTC(2026, 9, 5, 9) + index * 60_000).toISOString(),
        paragraph: paragraphs[index % paragraphs.length],
        text: text(index),
      };
    });
    const json = JSON.stringify(rows);
    await db.batch([
      db
        .prepare(
          `INSERT INTO responses (reference, idempotency_key_hash, content_hash, channel, received_at)
           SELECT value ->> 'reference', 'key-' || (value ->> 'reference'), 'content-' || (value ->> 'reference'), 'online', value ->> 'receivedAt'
           FROM json_each(?)`,
        )
        .bind(json),
      db
        .prepare(
          `INSERT INTO comments (response_id, position, paragraph_id, paragraph_revision, text)
           SELECT r.id, 1, j.value ->> 'paragraph', 1, j.value ->> 'text'
           FROM json_each(?) j JOIN responses r ON r.reference = j.value ->> 'reference'`,
        )
        .bind(json),
    ]);
  }
}

/** A request to the API as a signed-in officer (ADMIN_TOKEN), with a JSON body if given. */
export async function asOfficer(env: Env, path: string, init: { method?: string; json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  if (init.json !== undefined) headers["Content-Type"] = "application/json";
  return app.request(
    path,
    { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) },
    { ...env, ADMIN_TOKEN },
  );
}
