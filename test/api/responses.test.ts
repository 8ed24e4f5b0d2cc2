import { env } from "cloudflare:test";
import { describe, it, vi } from "vitest";
import { LIMITS, REQUEST_BYTES } from "../../functions/limits.ts";
import { callApi, newKey, postForm, postJson, storedCounts, type ErrorBody } from "./requests.ts";
import { confirmedReference } from "../../functions/responses/confirmation.ts";

type Receipt = { reference: string; receivedAt: string; comments: { id: number; paragraph: string }[] };

const comment = (text = "More outreach at night, please.", paragraph = "streets-2") => ({ comments: [{ paragraph, text }] });

/** What a plain form post's confirmation will show: the reference the answer's cookie carries to the confirmation page. */
const confirmed = (response: Response) => confirmedReference(response.headers.get("Set-Cookie"));

describe("POST /api/responses stores one person's response", () => {
  it("answers 201 with a reference, the time received and each comment's id", async ({ expect }) => {
    const response = await postJson({ ...comment(), publishConsent: true, respondentType: "individual" }, { key: newKey() });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as Receipt;
    expect(receipt.reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(new Date(receipt.receivedAt).toISOString()).toBe(receipt.receivedAt);
    expect(receipt.comments).toEqual([{ id: expect.any(Number), paragraph: "streets-2" }]);

    const row = await env.DB.prepare(
      `SELECT r.channel, r.publish_consent, r.respondent_type, r.organisation, r.received_at, c.paragraph_id, c.paragraph_revision, c.text, c.status
       FROM responses r JOIN comments c ON c.response_id = r.id WHERE c.id = ?`,
    )
      .bind(receipt.comments[0]!.id)
      .first();
    expect(row).toEqual({
      channel: "online",
      publish_consent: 1,
      respondent_type: "individual",
      organisation: null,
      received_at: receipt.receivedAt,
      paragraph_id: "streets-2",
      paragraph_revision: 1,
      text: "More outreach at night, please.",
      status: "received",
    });
  });

  it("stores comments on several paragraphs and on the whole strategy in one response", async ({ expect }) => {
    const before = await storedCounts();
    const body = {
      comments: [
        { paragraph: "about-1", text: "Clear." },
        { paragraph: "general", text: "Overall I agree." },
        { paragraph: "care-3", text: "GP registration matters." },
      ],
      respondentType: "organisation",
      organisation: "Testshire Day Centre",
    };
    const response = await postJson(body, { key: newKey() });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as Receipt;
    expect(receipt.comments.map((c) => c.paragraph)).toEqual(["about-1", "general", "care-3"]);
    expect(await storedCounts()).toEqual({ responses: before.responses + 1, comments: before.comments + 3 });
    const general = await env.DB.prepare("SELECT paragraph_revision FROM comments WHERE id = ?").bind(receipt.comments[1]!.id).first();
    expect(general).toEqual({ paragraph_revision: 0 });
  });

  it("normalises text: NFC, no control characters, Unix line breaks, trimmed; tabs and line breaks kept", async ({ expect }) => {
    const response = await postJson(comment("  Cafe\u0301\u0000 menu\r\n\tindented\u0007  "), { key: newKey() });
    const receipt = (await response.json()) as Receipt;
    const row = await env.DB.prepare("SELECT text FROM comments WHERE id = ?").bind(receipt.comments[0]!.id).first<{ text: string }>();
    expect(row!.text).toBe("Café menu\n\tindented");
  });

  it("drops lone surrogates, which are damage rather than text, and counts what is left", async ({ expect }) => {
    const sent = `Broken\uD800 text\uDC00${"x".repeat(4988)}`;
    const receipt = (await (await postJson(comment(sent), { key: newKey() })).json()) as Receipt;
    const stored = await env.DB.prepare("SELECT text FROM comments WHERE id = ?").bind(receipt.comments[0]!.id).first<{ text: string }>();
    expect(stored?.text).toBe(`Broken text${"x".repeat(4988)}`);
    expect(stored?.text.isWellFormed()).toBe(true);
  });

  it("accepts exactly 5,000 characters, counting an emoji as one", async ({ expect }) => {
    const response = await postJson(comment(`${"a".repeat(4999)}🏠`), { key: newKey() });
    expect(response.status).toBe(201);
  });

  it("takes the idempotency key from the body when there is no header", async ({ expect }) => {
    const key = newKey();
    const first = await postJson({ ...comment("Body key"), idempotencyKey: key });
    const again = await postJson({ ...comment("Body key"), idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
  });
});

describe("idempotency: nothing is stored twice", () => {
  it("looks for an earlier answer to a key once per new response, not once to replay and again to store", async ({ expect }) => {
    const prepare = vi.spyOn(env.DB, "prepare");
    try {
      const response = await postJson({ comments: [{ paragraph: "general", text: "Looked up once." }] }, { key: newKey() });
      expect(response.status).toBe(201);
      const lookups = prepare.mock.calls.filter(([sql]) => /WHERE r\.idempotency_key_hash = \?/.test(sql));
      expect(lookups).toHaveLength(1);
    } finally {
      prepare.mockRestore();
    }
  });

  it("answers a retry with the same key with 200 and the same body, storing nothing new", async ({ expect }) => {
    const key = newKey();
    const first = await postJson(comment("Retry me"), { key });
    const before = await storedCounts();
    const retry = await postJson(comment("Retry me"), { key });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(await first.json());
    expect(await storedCounts()).toEqual(before);
  });

  it("treats whitespace that normalisation removes as the same content", async ({ expect }) => {
    const key = newKey();
    await postJson(comment("Same words"), { key });
    expect((await postJson(comment("  Same words \r\n"), { key })).status).toBe(200);
  });

  it("refuses the same key with different content with 409, storing nothing", async ({ expect }) => {
    const key = newKey();
    await postJson(comment("First words"), { key });
    const before = await storedCounts();
    const reused = await postJson(comment("Other words"), { key });
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as ErrorBody).error.code).toBe("idempotency_key_reused");
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses an Idempotency-Key header sent twice, which arrives as one value joined by a comma, storing nothing", async ({ expect }) => {
    const before = await storedCounts();
    const twice = new Headers();
    twice.append("Idempotency-Key", newKey());
    twice.append("Idempotency-Key", newKey());
    const response = await postJson(comment("Keyed twice"), { headers: { "Idempotency-Key": twice.get("Idempotency-Key")! } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(Object.keys(body.error.fields ?? {})).toEqual(["Idempotency-Key"]);
    expect(body.error.fields?.["Idempotency-Key"]).toBe("Send one Idempotency-Key header, not several (a key cannot contain a comma).");
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses an empty or too short key, from a header or a form, instead of sharing it", async ({ expect }) => {
    const before = await storedCounts();
    for (const key of ["", " ", "k"]) {
      const response = await postJson(comment("Keyed badly"), { headers: { "Idempotency-Key": key } });
      expect(response.status, JSON.stringify(key)).toBe(422);
      expect(Object.keys(((await response.json()) as ErrorBody).error.fields ?? {})).toEqual(["Idempotency-Key"]);
    }
    for (const person of ["first person", "second person"]) {
      const response = await postForm({ paragraph: "general", comment: `Words of the ${person}`, idempotencyKey: "" });
      expect(response.status).toBe(422);
      expect(((await response.json()) as ErrorBody).error.fields).toHaveProperty("idempotencyKey");
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("stores a response once when the same request arrives many times at once", async ({ expect }) => {
    const key = newKey();
    const before = await storedCounts();
    const answers = await Promise.all(Array.from({ length: 8 }, () => postJson(comment("Dropped connection at the kiosk"), { key })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(7);
    const references = new Set(await Promise.all(answers.map(async (answer) => ((await answer.json()) as Receipt).reference)));
    expect(references.size).toBe(1);
    expect(await storedCounts()).toEqual({ responses: before.responses + 1, comments: before.comments + 1 });
  });
});

describe("invalid input gets a clear error naming the field, and changes nothing", () => {
  const cases: [string, unknown, Record<string, RegExp>][] = [
    ["an unknown paragraph", comment("Text", "no-such-paragraph"), { "comments.0.paragraph": /not in the draft/ }],
    ["a missing paragraph", { comments: [{ text: "Text" }] }, { "comments.0.paragraph": /which paragraph/ }],
    ["empty text", comment(""), { "comments.0.text": /Enter your comment/ }],
    ["text that is only spaces and control characters", comment(" \u0000\u0001 \n "), { "comments.0.text": /Enter your comment/ }],
    ["text over 5,000 characters", comment("a".repeat(5001)), { "comments.0.text": /5,000 characters or fewer/ }],
    ["no comments", { comments: [] }, { comments: /at least one comment/ }],
    ["more than 50 comments", { comments: Array.from({ length: 51 }, () => comment().comments[0]) }, { comments: /at most 50/ }],
    ["an unknown field", { ...comment(), name: "Jo Bloggs" }, { name: /not recognised/ }],
    ["an unknown field in a comment", { comments: [{ paragraph: "general", text: "x", email: "a@b.c" }] }, { "comments.0.email": /not recognised/ }],
    ["a respondent type that does not exist", { ...comment(), respondentType: "company" }, { respondentType: /individual/ }],
    ["an organisation without saying so", { ...comment(), organisation: "Shelter" }, { organisation: /for an organisation/ }],
    ["consent that is not true or false", { ...comment(), publishConsent: "yes" }, { publishConsent: /yes or no/ }],
    ["a body that is not an object", [comment()], { body: /list of comments/ }],
    ["text of only zero-width and invisible characters", comment("\u200B\u200D\uFEFF\u2060\u00AD \u200C"), { "comments.0.text": /Enter your comment/ }],
    ["text of only lone surrogates", comment("\uDC00".repeat(3000) + "\uD800".repeat(3000)), { "comments.0.text": /Enter your comment/ }],
    ["a key named __proto__", `{"comments":[{"paragraph":"general","text":"x"}],"__proto__":{"admin":true}}`, { ["__proto__"]: /not recognised/ }],
    ["a key named constructor", `{"comments":[{"paragraph":"general","text":"x"}],"constructor":{"name":"x"}}`, { constructor: /not recognised/ }],
    ["an empty idempotency key in the body", { ...comment(), idempotencyKey: "" }, { idempotencyKey: /8 to 200 characters/ }],
  ];
  for (const [name, body, fields] of cases) {
    it(name, async ({ expect }) => {
      const before = await storedCounts();
      const response = await postJson(body, { key: newKey() });
      expect(response.status).toBe(422);
      const error = ((await response.json()) as ErrorBody).error;
      expect(error.code).toBe("invalid");
      for (const [field, message] of Object.entries(fields)) expect(error.fields?.[field]).toMatch(message);
      expect(await storedCounts()).toEqual(before);
    });
  }

  it("answers broken JSON with 400", async ({ expect }) => {
    const response = await postJson('{"comments": [', { key: newKey() });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("malformed_json");
  });

  it("answers other media types with 415", async ({ expect }) => {
    const response = await callApi("/api/responses", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "hello" });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ErrorBody).error.code).toBe("unsupported_media_type");
  });

  it("answers a compressed body with 415 and says to send it uncompressed, storing nothing", async ({ expect }) => {
    const before = await storedCounts();
    const gzipped = await new Response(new Blob([JSON.stringify(comment("Squeezed"))]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
    for (const [type, encoding] of [["application/json", "gzip"], ["application/x-www-form-urlencoded", "deflate"], ["application/json", "br"]]) {
      const response = await callApi("/api/responses", {
        method: "POST",
        headers: { "Content-Type": type!, "Content-Encoding": encoding!, "Idempotency-Key": newKey(), Origin: "http://portal.test", "Sec-Fetch-Site": "same-origin" },
        body: gzipped,
      });
      expect(response.status, encoding).toBe(415);
      expect(((await response.json()) as ErrorBody).error).toEqual({
        code: "unsupported_content_encoding",
        message: "Send the request body uncompressed: a Content-Encoding such as gzip is not accepted.",
      });
    }
    expect(await storedCounts()).toEqual(before);
    const identity = await postJson(comment("Plain"), { key: newKey(), headers: { "Content-Encoding": "identity" } });
    expect(identity.status).toBe(201);
  });

  it("answers a body over its size limit with 413 before reading it", async ({ expect }) => {
    const before = await storedCounts();
    const response = await postJson({ comments: [{ paragraph: "general", text: "a".repeat(REQUEST_BYTES) }] }, { key: newKey() });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("too_large");
    expect(await storedCounts()).toEqual(before);
  });

  it("never refuses for its size a response within the promised limits, in any script", async ({ expect }) => {
    const bengali = "আমাদের রাতে আরও সাহায্য দরকার। ".repeat(60).slice(0, 1400);
    const fifty = { comments: Array.from({ length: LIMITS.commentsPerResponse }, () => ({ paragraph: "general", text: bengali })) };
    expect((await postJson(fifty, { key: newKey() })).status).toBe(201);
    // The worst case on the wire: characters outside the Basic Multilingual Plane, escaped as JSON may escape them.
    const emoji = "😀".repeat(LIMITS.commentLength);
    const escaped = JSON.stringify({ comments: Array.from({ length: LIMITS.commentsPerResponse }, () => ({ paragraph: "general", text: emoji })) })
      .replace(/[\u{10000}-\u{10FFFF}]/gu, (character) => [...character.split("")].map((unit) => `\\u${unit.charCodeAt(0).toString(16)}`).join(""));
    expect((await postJson(escaped, { key: newKey() })).status).toBe(201);
    const bothBoxes = { paragraph: "homes-2", comment: emoji.slice(0, 2 * 4000), generalComment: emoji.slice(0, 2 * 4000), idempotencyKey: newKey() };
    expect((await postForm(bothBoxes)).status).toBe(303);
  });

  it("gives messages in the person's language when it has them, and English otherwise", async ({ expect }) => {
    const response = await postJson(comment(""), { key: newKey(), headers: { "Accept-Language": "xx-YY, en;q=0.5" } });
    expect(((await response.json()) as ErrorBody).error.fields?.["comments.0.text"]).toBe("Enter your comment.");
  });
});

describe("plain HTML form posts", () => {
  it("answers 303 to the confirmation page, the reference in a short-lived cookie for that page only, never in the address", async ({ expect }) => {
    const response = await postForm({ paragraph: "homes-2", comment: "Form words", idempotencyKey: newKey(), publishConsent: "yes" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/confirmation");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^confirmation=[0-9A-Z]{5}-[0-9A-Z]{5}; Max-Age=\d+; Path=\/confirmation; HttpOnly; Secure; SameSite=Strict$/);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeLessThanOrEqual(600);
    const tracked = await callApi(`/api/responses/${confirmed(response)}`);
    expect(((await tracked.json()) as { comments: { text: string }[] }).comments[0]!.text).toBe("Form words");
  });

  it("sends a comment on the whole strategy with a paragraph's comment, in the same response", async ({ expect }) => {
    const response = await postForm({ paragraph: "homes-2", comment: "On 4.2", generalComment: "  And overall: yes. ", idempotencyKey: newKey() });
    expect(response.status).toBe(303);
    const tracked = await callApi(`/api/responses/${confirmed(response)}`);
    expect(((await tracked.json()) as { comments: { paragraph: string; text: string }[] }).comments).toEqual([
      { id: expect.any(Number), paragraph: "homes-2", text: "On 4.2", status: "received", feedback: [] },
      { id: expect.any(Number), paragraph: "general", text: "And overall: yes.", status: "received", feedback: [] },
    ]);
  });

  it("names the general comment's own field when it is the one that is wrong", async ({ expect }) => {
    const response = await postForm({ paragraph: "homes-2", comment: "Fine", generalComment: "x".repeat(5001), idempotencyKey: newKey() });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.fields).toEqual({ generalComment: "Your comment must be 5,000 characters or fewer." });
  });

  it("sends comments on other paragraphs chosen on the form in the same response, skipping empty boxes", async ({ expect }) => {
    const response = await postForm({
      paragraph: "homes-2",
      comment: "On 4.2",
      alsoParagraph1: "care-3",
      alsoComment1: "On 5.3",
      alsoParagraph2: "delivery-1",
      alsoComment2: "   ",
      alsoParagraph3: "",
      alsoComment3: "",
      generalComment: "Overall",
      idempotencyKey: newKey(),
    });
    expect(response.status).toBe(303);
    const tracked = await callApi(`/api/responses/${confirmed(response)}`);
    expect(((await tracked.json()) as { comments: { paragraph: string; text: string }[] }).comments.map((c) => [c.paragraph, c.text])).toEqual([
      ["homes-2", "On 4.2"],
      ["care-3", "On 5.3"],
      ["general", "Overall"],
    ]);
  });

  it("names the box that needs a paragraph chosen, storing nothing", async ({ expect }) => {
    const before = await storedCounts();
    const response = await postForm({ paragraph: "homes-2", comment: "Fine", alsoParagraph1: "", alsoComment1: "Which one?", idempotencyKey: newKey() });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.fields).toEqual({ alsoParagraph1: "Say which paragraph the comment is about." });
    expect(await storedCounts()).toEqual(before);
  });

  it("replays the same confirmation when the browser resends the form", async ({ expect }) => {
    const fields = { paragraph: "homes-2", comment: "Sent twice", idempotencyKey: newKey() };
    const first = await postForm(fields);
    const before = await storedCounts();
    const again = await postForm(fields);
    expect(confirmed(again)).toBe(confirmed(first));
    expect(confirmed(first)).toBeDefined();
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses a form with the honeypot filled in, storing nothing", async ({ expect }) => {
    const before = await storedCounts();
    const response = await postForm({ paragraph: "general", comment: "Buy now", website: "https://spam.example", idempotencyKey: newKey() });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.fields).toEqual({ website: "Leave this field empty." });
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses a form posted from another site", async ({ expect }) => {
    const crossSite: Record<string, string>[] = [{ "Sec-Fetch-Site": "cross-site" }, { Origin: "https://evil.example", "Sec-Fetch-Site": "" }];
    for (const headers of crossSite) {
      const response = await postForm({ paragraph: "general", comment: "Hello", idempotencyKey: newKey() }, { headers });
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe("cross_site");
    }
  });

  it("keeps a form's broken percent escape exactly as typed", async ({ expect }) => {
    const key = newKey();
    const response = await callApi("/api/responses", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://portal.test", "Sec-Fetch-Site": "same-origin", Accept: "application/json" },
      body: `paragraph=general&comment=a%ZZb+100%+sure%E2%82%AC%&idempotencyKey=${key}`,
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const tracked = (await (await callApi(`/api/responses/${reference}`)).json()) as { comments: { text: string }[] };
    expect(tracked.comments.map((c) => c.text)).toEqual(["a%ZZb 100% sure€%"]);
  });

  it("refuses a form with a field sent twice (two keys, two honeypots, two comments), storing nothing", async ({ expect }) => {
    const before = await storedCounts();
    const key = newKey();
    const repeated: [string, [string, string][]][] = [
      ["idempotencyKey", [["paragraph", "general"], ["comment", "Twice keyed"], ["idempotencyKey", newKey()], ["idempotencyKey", newKey()]]],
      ["idempotencyKey", [["paragraph", "general"], ["comment", "Twice keyed"], ["idempotencyKey", key], ["idempotencyKey", key]]],
      ["website", [["paragraph", "general"], ["comment", "Buy now"], ["website", ""], ["website", "https://spam.example"], ["idempotencyKey", newKey()]]],
      ["comment", [["paragraph", "general"], ["comment", "One"], ["comment", "Two"], ["idempotencyKey", newKey()]]],
    ];
    for (const [field, fields] of repeated) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await postForm(fields);
        expect(response.status, field).toBe(422);
        expect(((await response.json()) as ErrorBody).error.fields).toEqual({ [field]: "This field was sent more than once. Send it once." });
      }
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses a header key that differs from the form's key, instead of choosing one", async ({ expect }) => {
    const before = await storedCounts();
    const response = await postForm({ paragraph: "general", comment: "Which key?", idempotencyKey: newKey() }, { headers: { "Idempotency-Key": newKey() } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.fields).toEqual({
      idempotencyKey: "The Idempotency-Key header and the idempotencyKey field must be the same key.",
    });
    expect((await postJson({ ...comment("Which key?"), idempotencyKey: newKey() }, { key: newKey() })).status).toBe(422);
    expect(await storedCounts()).toEqual(before);
  });

  it("takes the same key as the same key however it arrives, spaces around it or not", async ({ expect }) => {
    const key = newKey();
    const first = await postJson(comment("One key, many ways"), { key });
    expect(first.status).toBe(201);
    const receipt = await first.json();
    const before = await storedCounts();
    const ways = [
      postJson({ ...comment("One key, many ways"), idempotencyKey: ` ${key}` }),
      postJson({ ...comment("One key, many ways"), idempotencyKey: `${key}\t` }, { key }),
      postJson({ ...comment("One key, many ways"), idempotencyKey: key }, { headers: { "Idempotency-Key": ` ${key} ` } }),
    ];
    for (const answer of await Promise.all(ways)) {
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(receipt);
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("accepts a form without an idempotency key, as a response of its own", async ({ expect }) => {
    const response = await postForm({ paragraph: "general", comment: "No key" });
    expect(response.status).toBe(303);
  });
});

describe("GET /api/responses/{reference}", () => {
  it("shows what was sent, its channel and status, for the reference typed any reasonable way", async ({ expect }) => {
    const receipt = (await (await postJson({ comments: [{ paragraph: "care-1", text: "<b>Mine</b>" }] }, { key: newKey() })).json()) as Receipt;
    const typed = [receipt.reference, receipt.reference.toLowerCase(), receipt.reference.replace("-", ""), ` ${receipt.reference.replace(/0/g, "O").replace(/1/g, "l")} `];
    for (const reference of typed) {
      const response = await callApi(`/api/responses/${encodeURIComponent(reference)}`);
      expect(response.status, reference).toBe(200);
      expect(await response.json()).toEqual({
        reference: receipt.reference,
        receivedAt: receipt.receivedAt,
        channel: "online",
        comments: [{ id: receipt.comments[0]!.id, paragraph: "care-1", text: "<b>Mine</b>", status: "received", feedback: [] }],
        feedback: [],
      });
    }
  });

  it("answers an unknown or mistyped reference with the same 404", async ({ expect }) => {
    const receipt = (await (await postJson(comment("Typo test"), { key: newKey() })).json()) as Receipt;
    const last = receipt.reference.at(-1)!;
    const mistyped = receipt.reference.slice(0, -1) + (last === "A" ? "B" : "A");
    const bodies = [];
    for (const reference of [mistyped, "AAAAA-AAAAA", "not-a-reference", "K7M4-Q2XD"]) {
      const response = await callApi(`/api/responses/${reference}`);
      expect(response.status, reference).toBe(404);
      bodies.push(await response.json());
    }
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
  });
});
