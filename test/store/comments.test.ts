/** The officers' comment queries called directly: filters, paging, counting and finding one. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { countComments, findComment, listComments } from "../../functions/officers/comments.ts";
import { addResponse } from "../api/admin-fixtures.ts";
import { startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

const texts = (page: { comments: { text: string }[] }) => page.comments.map((comment) => comment.text);

/** Four comments in three responses, one through each channel, one of them hidden. */
async function seedChannels() {
  const online = await addResponse(env.DB, {
    channel: "online",
    publishConsent: true,
    receivedAt: "2030-11-02T10:00:00.000Z",
    comments: [
      { paragraph: "streets-2", text: "Outreach at night" },
      { paragraph: "general", text: "Rude words", status: "hidden" },
    ],
  });
  const kiosk = await addResponse(env.DB, {
    channel: "kiosk",
    receivedAt: "2030-11-10T10:00:00.000Z",
    comments: [{ paragraph: "streets-2", text: "Warm beds in winter" }],
  });
  const paper = await addResponse(env.DB, {
    channel: "paper",
    receivedAt: "2030-11-20T10:00:00.000Z",
    comments: [{ paragraph: "advice-1", text: "Advice before eviction" }],
  });
  return { online, kiosk, paper };
}

// ---- Filters ---------------------------------------------------------------

describe("listing comments with filters", () => {
  it("lists every comment newest first, hidden ones included", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, {}))).toEqual(["Advice before eviction", "Warm beds in winter", "Rude words", "Outreach at night"]);
  });

  it("lists only the comments that came through one channel", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { channel: "kiosk" }))).toEqual(["Warm beds in winter"]);
  });

  it("lists only the comments on one paragraph", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { paragraph: "streets-2" }))).toEqual(["Warm beds in winter", "Outreach at night"]);
  });

  it("lists only the comments in one section of the draft", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { section: "advice" }))).toEqual(["Advice before eviction"]);
  });

  it("lists only the hidden comments when asked for them", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { status: "hidden" }))).toEqual(["Rude words"]);
  });

  it("lists the comments of one response by its reference", async ({ expect }) => {
    const { online } = await seedChannels();
    expect(texts(await listComments(env.DB, { reference: online.reference }))).toEqual(["Rude words", "Outreach at night"]);
  });

  it("lists only the comments whose authors agreed to be quoted", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { consent: "no" }))).toEqual(["Advice before eviction", "Warm beds in winter"]);
  });

  it("finds comments by the start of a word in their text", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { q: "evict" }))).toEqual(["Advice before eviction"]);
  });

  it("lists only the comments received between two London days, both included", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { from: "2030-11-10", to: "2030-11-10" }))).toEqual(["Warm beds in winter"]);
  });

  it("combines filters so that a comment must match them all", async ({ expect }) => {
    await seedChannels();
    expect(texts(await listComments(env.DB, { paragraph: "streets-2", channel: "online" }))).toEqual(["Outreach at night"]);
    expect(texts(await listComments(env.DB, { paragraph: "advice-1", channel: "online" }))).toEqual([]);
  });

  it("gives each comment its response's details and the paragraph as its author saw it", async ({ expect }) => {
    const { kiosk } = await seedChannels();
    const [comment] = (await listComments(env.DB, { channel: "kiosk" })).comments;
    expect(comment).toMatchObject({
      id: kiosk.commentIds[0],
      reference: `${kiosk.reference.slice(0, 5)}-${kiosk.reference.slice(5)}`,
      channel: "kiosk",
      receivedAt: "2030-11-10T10:00:00.000Z",
      paragraph: { id: "streets-2", number: "3.2", revision: 1 },
      status: "received",
      reading: "unread",
      publishConsent: false,
      themes: [],
    });
  });
});

// ---- Paging ----------------------------------------------------------------

describe("paging through comments", () => {
  async function fiveComments() {
    const { commentIds } = await addResponse(env.DB, {
      comments: ["one", "two", "three", "four", "five"].map((text) => ({ paragraph: "streets-1", text })),
    });
    return commentIds;
  }

  it("gives a cursor after a full page, and the next page starts after it", async ({ expect }) => {
    const ids = await fiveComments();
    const first = await listComments(env.DB, {}, { limit: 2 });
    expect(texts(first)).toEqual(["five", "four"]);
    expect(first.nextCursor).toBe(String(ids[3]));
    const second = await listComments(env.DB, {}, { limit: 2, before: Number(first.nextCursor) });
    expect(texts(second)).toEqual(["three", "two"]);
  });

  it("gives no cursor on the last page", async ({ expect }) => {
    const ids = await fiveComments();
    const last = await listComments(env.DB, {}, { limit: 2, before: ids[1] });
    expect(texts(last)).toEqual(["one"]);
    expect(last.nextCursor).toBeNull();
  });

  it("gives no cursor when the comments exactly fill the page", async ({ expect }) => {
    await fiveComments();
    const page = await listComments(env.DB, {}, { limit: 5 });
    expect(page.comments).toHaveLength(5);
    expect(page.nextCursor).toBeNull();
  });

  it("keeps the filters on every page", async ({ expect }) => {
    await fiveComments();
    await addResponse(env.DB, { comments: [{ paragraph: "general", text: "elsewhere" }] });
    const first = await listComments(env.DB, { paragraph: "streets-1" }, { limit: 4 });
    const second = await listComments(env.DB, { paragraph: "streets-1" }, { limit: 4, before: Number(first.nextCursor) });
    expect(texts(second)).toEqual(["one"]);
  });
});

// ---- Counting and finding ----------------------------------------------------

describe("counting and finding comments", () => {
  it("counts every comment the filters match, not only one page", async ({ expect }) => {
    await seedChannels();
    expect(await countComments(env.DB, {})).toBe(4);
    expect(await countComments(env.DB, { paragraph: "streets-2" })).toBe(2);
    expect(await countComments(env.DB, { channel: "paper", status: "hidden" })).toBe(0);
  });

  it("finds one comment by its number", async ({ expect }) => {
    const { online } = await seedChannels();
    expect(await findComment(env.DB, online.commentIds[1]!)).toMatchObject({ id: online.commentIds[1], text: "Rude words", status: "hidden" });
  });

  it("finds nothing for a number no comment has", async ({ expect }) => {
    const { paper } = await seedChannels();
    expect(await findComment(env.DB, paper.commentIds[0]! + 1000)).toBeNull();
  });
});
