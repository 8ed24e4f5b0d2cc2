/** Several officers: told apart, assigning comments and paragraphs, reading for themselves, and keeping private notes. */
import { env } from "cloudflare:test";
import { beforeAll, beforeEach, describe, it } from "vitest";
import app from "../../functions/api/index.ts";
import { forgetAccessKeys } from "../../functions/officers/auth/access.ts";
import { createSession, SESSION_COOKIE } from "../../functions/officers/auth/session.ts";
import { forgetRememberedOfficers } from "../../functions/officers/team.ts";
import { answerWith, forgetOutbound } from "../outbound.ts";
import { AUDIENCE, accessTeam, generateKey, signJwt, type TestKey } from "./admin-access-keys.ts";
import { ADMIN_TOKEN, addResponse } from "./admin-fixtures.ts";
import { snapshot } from "./whole-schema.ts";

/** A team of this file's own: the outbound fake is shared with every file running beside this one. */
const { TEAM_DOMAIN, CERTS_URL, claims } = accessTeam("northfield.cloudflareaccess.com");
const vars = { ...env, ADMIN_TOKEN };

/** A request to the officers' API as the named officer (a Bearer token with the name beside it, as a local script sends it). */
function as(officer: string, path: string, init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${ADMIN_TOKEN}`, "Officer-Name": officer };
  if (init.json !== undefined) headers["Content-Type"] = "application/json";
  return app.request(path, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) }, vars);
}

/** The ids listed for this test's own response (storage is shared by the tests of this file). */
const idsListed = async (officer: string, query: string) =>
  ((await (await as(officer, `/api/admin/comments?${query}&reference=${reference}`)).json()) as { comments: { id: number }[] }).comments.map((comment) => comment.id).sort((a, b) => a - b);

const auditFor = async (target: string) =>
  (await env.DB.prepare("SELECT officer, action, detail FROM audit_log WHERE target = ? ORDER BY id").bind(target).all<{ officer: string; action: string; detail: string }>()).results;

let comments: number[];
let reference: string;

beforeEach(async () => {
  forgetRememberedOfficers();
  await env.DB.batch(["comment_reads", "comment_notes", "comment_assignments", "paragraph_assignments", "officers"].map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
  await env.DB.prepare("UPDATE comments SET read_at = NULL").run();
  const added = await addResponse(env.DB, {
    comments: [
      { paragraph: "streets-2", text: "More outreach at night." },
      { paragraph: "streets-2", text: "A shelter near the station." },
      { paragraph: "general", text: "Thank you for asking." },
    ],
  });
  comments = added.commentIds;
  reference = added.reference;
});

describe("officers told apart", () => {
  let teamKey: TestKey;
  beforeAll(async () => {
    teamKey = await generateKey("team-key-shared");
  });

  it("names each Access officer by their verified email, and remembers everyone seen for assigning work", async ({ expect }) => {
    forgetAccessKeys();
    await forgetOutbound(CERTS_URL);
    await answerWith(CERTS_URL, { keys: [teamKey.publicJwk] });
    const access = { ...env, ACCESS_TEAM_DOMAIN: TEAM_DOMAIN, ACCESS_AUD: AUDIENCE };
    for (const email of ["ana@eastbrook.example", "ben@eastbrook.example"]) {
      const answer = await app.request("/api/admin/session", { headers: { "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims({ email })) } }, access);
      expect(await answer.json()).toEqual({ officer: { name: email, via: "access" } });
    }
    const listed = await app.request("/api/admin/officers", { headers: { "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims({ email: "ana@eastbrook.example" })) } }, access);
    expect(await listed.json()).toEqual({ officers: ["ana@eastbrook.example", "ben@eastbrook.example"], paragraphs: {} });
  });

  it("names a local officer by the name given at sign-in, kept in the session", async ({ expect }) => {
    const cookie = `${SESSION_COOKIE}=${await createSession(vars, "Carla Nunes")}`;
    const answer = await app.request("/api/admin/session", { headers: { Cookie: cookie } }, vars);
    expect(await answer.json()).toEqual({ officer: { name: "Carla Nunes", via: "session" } });
  });

  it("names a script by its Officer-Name, and refuses one that is not a name instead of writing as someone else", async ({ expect }) => {
    expect(await (await as("Dev Script", "/api/admin/session")).json()).toEqual({ officer: { name: "Dev Script", via: "token" } });
    const before = await snapshot(env.DB);
    for (const name of ["", "   ", "Sam\u0007Patel", "x".repeat(500)]) {
      const answer = await as(name, `/api/admin/comments/${comments[0]}/assignment`, { method: "PUT", json: { officer: "Ana Ruiz" } });
      expect(answer.status, JSON.stringify(name)).toBe(422);
      const body = (await answer.json()) as { error: { code: string; fields?: Record<string, string> } };
      expect(body.error.code).toBe("invalid");
      expect(body.error.fields?.["Officer-Name"]).toMatch(/^Enter a name of up to \d+ characters, on one line\.$/);
    }
    expect(await snapshot(env.DB)).toEqual(before);
  });
});

describe("assigning work", () => {
  it("gives a comment to an officer, audited, and lists it under \"assigned to me\" for them alone", async ({ expect }) => {
    const answer = await as("Ana Ruiz", `/api/admin/comments/${comments[0]}/assignment`, { method: "PUT", json: { officer: "Ben Cole" } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ officer: "Ben Cole" });
    expect(await idsListed("Ben Cole", "assigned=me")).toEqual([comments[0]]);
    expect(await idsListed("Ana Ruiz", "assigned=me")).toEqual([]);
    expect(await idsListed("Ana Ruiz", "assigned=Ben%20Cole")).toEqual([comments[0]]);
    const [entry] = await auditFor(`comment:${comments[0]}`);
    expect(entry).toMatchObject({ officer: "Ana Ruiz", action: "comment.assign" });
    expect(JSON.parse(entry!.detail)).toEqual({ from: null, to: "Ben Cole" });
    // A typed name joins the officers one can choose from.
    expect(((await (await as("Ana Ruiz", "/api/admin/officers")).json()) as { officers: string[] }).officers).toEqual(["Ana Ruiz", "Ben Cole"]);
  });

  it("gives a paragraph's comments to an officer, unless a comment is given to someone else", async ({ expect }) => {
    expect((await as("Ana Ruiz", "/api/admin/officers/paragraphs/streets-2", { method: "PUT", json: { officer: "Ana Ruiz" } })).status).toBe(200);
    await as("Ana Ruiz", `/api/admin/comments/${comments[1]}/assignment`, { method: "PUT", json: { officer: "Ben Cole" } });
    expect(await idsListed("Ana Ruiz", "assigned=me")).toEqual([comments[0]]);
    expect(await idsListed("Ben Cole", "assigned=me")).toEqual([comments[1]]);
    expect(await idsListed("Ana Ruiz", "assigned=nobody")).toEqual([comments[2]]);
    const listed = (await (await as("Ana Ruiz", `/api/admin/comments/${comments[0]}`)).json()) as { assignment: unknown };
    expect(listed.assignment).toEqual({ officer: "Ana Ruiz", via: "paragraph" });
    expect((await auditFor("paragraph:streets-2")).map((entry) => entry.action)).toEqual(["paragraph.assign"]);
    // Given back to nobody: audited, and the paragraph's officer has it again.
    await as("Ana Ruiz", `/api/admin/comments/${comments[1]}/assignment`, { method: "PUT", json: { officer: null } });
    expect(await idsListed("Ana Ruiz", "assigned=me")).toEqual([comments[0], comments[1]]);
    expect((await auditFor(`comment:${comments[1]}`)).map((entry) => entry.action)).toEqual(["comment.assign", "comment.unassign"]);
  });

  it("refuses a blank or multi-line name, an unknown comment or paragraph, changing nothing", async ({ expect }) => {
    const before = await snapshot(env.DB);
    for (const json of [{ officer: "" }, { officer: "Ana\nRuiz" }, { officer: "x".repeat(255) }, {}, { officer: "Ana", extra: 1 }]) {
      const answer = await as("Ana Ruiz", `/api/admin/comments/${comments[0]}/assignment`, { method: "PUT", json });
      expect(answer.status, JSON.stringify(json)).toBe(422);
    }
    expect((await as("Ana Ruiz", "/api/admin/comments/999999/assignment", { method: "PUT", json: { officer: "Ana" } })).status).toBe(404);
    expect((await as("Ana Ruiz", "/api/admin/officers/paragraphs/no-such-paragraph", { method: "PUT", json: { officer: "Ana" } })).status).toBe(404);
    const { officers: _, ...after } = await snapshot(env.DB);
    const { officers: __, ...expected } = before;
    expect(after).toEqual(expected);
  });
});

describe("reading for oneself", () => {
  const markRead = (officer: string, ids: number[], read = true) => as(officer, "/api/admin/comments/reading", { method: "POST", json: { comments: ids, read } });

  it("keeps each officer's reading apart: \"unread by me\" lists what this officer has not read", async ({ expect }) => {
    await markRead("Ana Ruiz", [comments[0]!]);
    expect(await idsListed("Ana Ruiz", "unreadBy=me")).toEqual([comments[1], comments[2]]);
    expect(await idsListed("Ben Cole", "unreadBy=me")).toEqual(comments);
    const seen = (await (await as("Ben Cole", `/api/admin/comments/${comments[0]}`)).json()) as { reading: string; readBy: string[] };
    expect(seen).toMatchObject({ reading: "read", readBy: ["Ana Ruiz"] });
  });

  it("counts a comment read while any officer has read it: one marking it unread leaves the others' reading", async ({ expect }) => {
    await markRead("Ana Ruiz", [comments[0]!]);
    await markRead("Ben Cole", [comments[0]!]);
    expect(await (await markRead("Ben Cole", [comments[0]!], false)).json()).toEqual({ changed: 1 });
    expect(await idsListed("Ben Cole", "reading=read")).toEqual([comments[0]]);
    expect(await idsListed("Ana Ruiz", "unreadBy=me")).toEqual([comments[1], comments[2]]);
    await markRead("Ana Ruiz", [comments[0]!], false);
    expect(await idsListed("Ana Ruiz", "reading=unread")).toEqual(comments);
    expect((await auditFor(`comment:${comments[0]}`)).map(({ officer, action }) => `${officer}: ${action}`)).toEqual([
      "Ana Ruiz: comment.read",
      "Ben Cole: comment.read",
      "Ben Cole: comment.unread",
      "Ana Ruiz: comment.unread",
    ]);
  });
});

describe("private notes", () => {
  it("keeps a note for officers, audited without its words, and deletes it on request", async ({ expect }) => {
    const added = await as("Ana Ruiz", `/api/admin/comments/${comments[0]}/notes`, { method: "POST", json: { text: "Spoke to the outreach team." } });
    expect(added.status).toBe(201);
    const note = (await added.json()) as { id: number };
    expect(await (await as("Ben Cole", `/api/admin/comments/${comments[0]}/notes`)).json()).toEqual({
      notes: [{ id: note.id, officer: "Ana Ruiz", text: "Spoke to the outreach team.", createdAt: expect.any(String) }],
    });
    expect((await as("Ben Cole", `/api/admin/comments/${comments[0]}/notes/${note.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await (await as("Ben Cole", `/api/admin/comments/${comments[0]}/notes`)).json()).toEqual({ notes: [] });
    const audit = await auditFor(`comment:${comments[0]}`);
    expect(audit.map(({ officer, action }) => `${officer}: ${action}`)).toEqual(["Ana Ruiz: comment.note", "Ben Cole: comment.note_delete"]);
    expect(JSON.stringify(audit)).not.toContain("outreach team");
  });

  it("refuses an empty or overlong note, a note on no comment, and deleting a note twice, changing nothing", async ({ expect }) => {
    const before = await snapshot(env.DB);
    for (const json of [{ text: "" }, { text: "   " }, { text: "x".repeat(2001) }, { note: "wrong field" }]) {
      expect((await as("Ana Ruiz", `/api/admin/comments/${comments[0]}/notes`, { method: "POST", json })).status, JSON.stringify(json)).toBe(422);
    }
    expect((await as("Ana Ruiz", "/api/admin/comments/999999/notes", { method: "POST", json: { text: "Hello" } })).status).toBe(404);
    expect((await as("Ana Ruiz", `/api/admin/comments/${comments[0]}/notes/999999`, { method: "DELETE" })).status).toBe(404);
    const { officers: _, ...after } = await snapshot(env.DB);
    const { officers: __, ...expected } = before;
    expect(after).toEqual(expected);
  });
});
