/** The response store called directly: one response per idempotency key, its comments in order. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { revisionSeenNow } from "../../functions/consultation/paragraphs.ts";
import { refused } from "../../functions/lib/errors.ts";
import { newReference } from "../../functions/responses/reference.ts";
import { responseSchema } from "../../functions/responses/schema.ts";
import { createResponse, findResponse, type Submission } from "../../functions/responses/store.ts";
import { countRows, domainError, startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

const NOW = new Date("2030-11-22T12:00:00Z");

function submission(body: unknown, idempotencyKey = "key-0001-abcdefgh"): Submission & { now: Date } {
  return { response: responseSchema.parse(body), channel: "online", idempotencyKey, now: NOW };
}

const threeComments = {
  comments: [
    { paragraph: "streets-2", text: "Outreach should answer at night too." },
    { paragraph: "general", text: "A clear plan overall." },
    { paragraph: "about-2", text: "Short is good." },
  ],
};

async function storedComments(reference: string) {
  const { results } = await env.DB.prepare(
    `SELECT c.position, c.paragraph_id, c.paragraph_revision, c.text, c.status
     FROM comments c JOIN responses r ON r.id = c.response_id WHERE r.reference = ? ORDER BY c.position`,
  )
    .bind(reference)
    .all();
  return results;
}

// ---- Creating --------------------------------------------------------------

describe("creating a response", () => {
  it("stores the response once, with its comments in the order they were written", async ({ expect }) => {
    const result = await createResponse(env.DB, submission(threeComments));
    if (result.kind !== "created") throw new Error(`expected created, got ${result.kind}`);
    expect(result.receipt.receivedAt).toBe(NOW.toISOString());
    expect(result.receipt.comments.map((comment) => comment.paragraph)).toEqual(["streets-2", "general", "about-2"]);
    expect(await storedComments(result.receipt.reference)).toEqual([
      { position: 0, paragraph_id: "streets-2", paragraph_revision: 1, text: "Outreach should answer at night too.", status: "received" },
      { position: 1, paragraph_id: "general", paragraph_revision: 0, text: "A clear plan overall.", status: "received" },
      { position: 2, paragraph_id: "about-2", paragraph_revision: revisionSeenNow("about-2"), text: "Short is good.", status: "received" },
    ]);
    expect(await countRows("responses")).toBe(1);
  });

  it("records each comment against the wording of its paragraph people see now", async ({ expect }) => {
    const result = await createResponse(env.DB, submission({ comments: [{ paragraph: "about-2", text: "Reworded." }] }));
    if (result.kind !== "created") throw new Error(`expected created, got ${result.kind}`);
    const [comment] = await storedComments(result.receipt.reference);
    expect(comment).toMatchObject({ paragraph_revision: 2 });
  });

  it("gives the receipt's comment ids to the comments it stored", async ({ expect }) => {
    const result = await createResponse(env.DB, submission(threeComments));
    if (result.kind !== "created") throw new Error(`expected created, got ${result.kind}`);
    const tracked = await findResponse(env.DB, result.receipt.reference);
    expect(tracked?.comments.map((comment) => comment.id)).toEqual(result.receipt.comments.map((comment) => comment.id));
    expect(tracked?.comments.map((comment) => comment.text)).toEqual(threeComments.comments.map((comment) => comment.text));
  });

  it("keeps only a hash of the idempotency key", async ({ expect }) => {
    await createResponse(env.DB, submission(threeComments, "a-very-recognisable-key"));
    const row = await env.DB.prepare("SELECT idempotency_key_hash FROM responses").first<{ idempotency_key_hash: string }>();
    expect(row!.idempotency_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.idempotency_key_hash).not.toContain("recognisable");
  });

  it("stores the consent and who is responding with the response", async ({ expect }) => {
    await createResponse(
      env.DB,
      submission({ ...threeComments, publishConsent: true, respondentType: "organisation", organisation: "Testshire Shelter" }),
    );
    const row = await env.DB.prepare("SELECT channel, publish_consent, respondent_type, organisation FROM responses").first();
    expect(row).toEqual({ channel: "online", publish_consent: 1, respondent_type: "organisation", organisation: "Testshire Shelter" });
  });
});

// ---- The same key again ----------------------------------------------------

describe("the same idempotency key again", () => {
  it("answers the same content with the first receipt and stores nothing more", async ({ expect }) => {
    const first = await createResponse(env.DB, submission(threeComments));
    const again = await createResponse(env.DB, { ...submission(threeComments), now: new Date("2030-11-23T09:00:00Z") });
    if (first.kind !== "created") throw new Error(`expected created, got ${first.kind}`);
    expect(again).toEqual({ kind: "replayed", receipt: first.receipt });
    expect(await countRows("responses")).toBe(1);
    expect(await countRows("comments")).toBe(3);
  });

  it("refuses other content under a key already used, and stores nothing", async ({ expect }) => {
    await createResponse(env.DB, submission(threeComments));
    const other = await createResponse(env.DB, submission({ comments: [{ paragraph: "general", text: "Something else." }] }));
    expect(other).toEqual({ kind: "key_reused" });
    expect(await countRows("responses")).toBe(1);
    expect(await countRows("comments")).toBe(3);
  });

  it("counts the same words sent through another channel as other content", async ({ expect }) => {
    await createResponse(env.DB, submission(threeComments));
    const byKiosk = await createResponse(env.DB, { ...submission(threeComments), channel: "kiosk" });
    expect(byKiosk).toEqual({ kind: "key_reused" });
  });

  it("replays a retry without running the checks a new response must pass", async ({ expect }) => {
    await createResponse(env.DB, submission(threeComments));
    const closed = () => {
      throw refused("consultation_closed", "error.consultation_closed");
    };
    const again = await createResponse(env.DB, { ...submission(threeComments), checkNew: closed });
    expect(again.kind).toBe("replayed");
  });

  it("stores the same content under a new key as a second response", async ({ expect }) => {
    const first = await createResponse(env.DB, submission(threeComments, "key-0001-abcdefgh"));
    const second = await createResponse(env.DB, submission(threeComments, "key-0002-abcdefgh"));
    expect([first.kind, second.kind]).toEqual(["created", "created"]);
    if (first.kind !== "created" || second.kind !== "created") return;
    expect(second.receipt.reference).not.toBe(first.receipt.reference);
    expect(await countRows("responses")).toBe(2);
  });
});

// ---- Checks and references ---------------------------------------------------

describe("checks and references", () => {
  it("stores nothing when a new response's check refuses it", async ({ expect }) => {
    const error = await domainError(
      createResponse(env.DB, {
        ...submission(threeComments),
        checkNew: () => {
          throw refused("consultation_closed", "error.consultation_closed");
        },
      }),
    );
    expect(error).toMatchObject({ kind: "refused", code: "consultation_closed" });
    expect(await countRows("responses")).toBe(0);
    expect(await countRows("comments")).toBe(0);
  });

  it("uses the reference issued beforehand, and refuses it once another response holds it", async ({ expect }) => {
    const reference = newReference();
    const first = await createResponse(env.DB, submission({ ...threeComments, reference }, "key-0001-abcdefgh"));
    expect(first).toMatchObject({ kind: "created", receipt: { reference } });
    const second = await createResponse(env.DB, submission({ comments: [{ paragraph: "general", text: "Mine." }], reference }, "key-0002-abcdefgh"));
    expect(second).toEqual({ kind: "reference_taken" });
    expect(await countRows("responses")).toBe(1);
    expect(await countRows("comments")).toBe(3);
  });

  it("finds no response for a reference nobody holds", async ({ expect }) => {
    await createResponse(env.DB, submission(threeComments));
    expect(await findResponse(env.DB, newReference())).toBeNull();
  });
});
