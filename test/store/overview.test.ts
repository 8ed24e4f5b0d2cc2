/** The officers' overview called directly: every figure counted in D1 from a small consultation of its own. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { overview } from "../../functions/officers/overview.ts";
import { addResponse } from "../api/admin-fixtures.ts";
import { startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

const period = { opensAt: new Date("2030-11-01T00:00:00Z"), closesAt: new Date("2030-11-30T23:59:59Z") };

/** Three responses, one per channel: five comments, one hidden, one on an earlier wording. */
async function seedConsultation() {
  const online = await addResponse(env.DB, {
    channel: "online",
    respondentType: "individual",
    receivedAt: "2030-11-20T10:00:00.000Z",
    comments: [
      { paragraph: "streets-2", text: "Outreach" },
      { paragraph: "general", text: "Overall" },
    ],
  });
  const kiosk = await addResponse(env.DB, {
    channel: "kiosk",
    respondentType: "organisation",
    organisation: "Testshire Shelter",
    assisted: { organisation: "Testshire Shelter", helper: "Sam" },
    receivedAt: "2030-11-20T15:00:00.000Z",
    comments: [
      { paragraph: "about-2", revision: 1, text: "On the old words" },
      { paragraph: "streets-2", text: "Beds" },
    ],
  });
  const paper = await addResponse(env.DB, {
    channel: "paper",
    receivedAt: "2030-11-22T09:00:00.000Z",
    comments: [{ paragraph: "advice-1", text: "Rude", status: "hidden" }],
  });
  return { online, kiosk, paper };
}

describe("the overview", () => {
  it("counts responses and comments by the channel they came through", async ({ expect }) => {
    await seedConsultation();
    const figures = await overview(env.DB, period);
    expect(figures).toMatchObject({
      responses: 3,
      comments: 5,
      responsesByChannel: { online: 1, kiosk: 1, paper: 1 },
      byChannel: { online: 2, kiosk: 2, paper: 1 },
    });
  });

  it("counts responses and comments by respondent type, unknown where the person did not say", async ({ expect }) => {
    await seedConsultation();
    const figures = await overview(env.DB, period);
    expect(figures.responsesByRespondentType).toEqual({ individual: 1, organisation: 1, unknown: 1 });
    expect(figures.byRespondentType).toEqual({ individual: 2, organisation: 2, unknown: 1 });
  });

  it("counts the responses a support worker helped with", async ({ expect }) => {
    await seedConsultation();
    expect((await overview(env.DB, period)).assistedResponses).toBe(1);
  });

  it("counts comments by paragraph, and those written on an earlier wording apart", async ({ expect }) => {
    await seedConsultation();
    const figures = await overview(env.DB, period);
    expect(figures.byParagraph).toEqual({ "streets-2": 2, general: 1, "about-2": 1, "advice-1": 1 });
    expect(figures.onEarlierWording).toEqual({ "about-2": 1 });
  });

  it("counts hidden, read, unread and answered comments", async ({ expect }) => {
    const { online, kiosk } = await seedConsultation();
    await env.DB.prepare("UPDATE comments SET read_at = '2030-11-21T09:00:00Z' WHERE id = ?").bind(online.commentIds[0]).run();
    const entry = await env.DB.prepare(
      `INSERT INTO feedback_entries (title, you_said, we_did, outcome, status, created_at, updated_at, published_at)
       VALUES ('Beds', 'You said', 'We did', 'changed', 'published', '2030-11-22T12:00:00Z', '2030-11-22T12:00:00Z', '2030-11-22T12:00:00Z') RETURNING id`,
    ).first<{ id: number }>();
    await env.DB.prepare("INSERT INTO feedback_comments (feedback_id, comment_id) VALUES (?, ?)").bind(entry!.id, kiosk.commentIds[1]).run();
    const figures = await overview(env.DB, period);
    expect({ hidden: figures.hidden, read: figures.read, unread: figures.unread, answered: figures.answered }).toEqual({
      hidden: 1,
      read: 2,
      unread: 3,
      answered: 1,
    });
  });

  it("counts each London day from the first comment to the closing day, with zeros between", async ({ expect }) => {
    await seedConsultation();
    const figures = await overview(env.DB, period);
    expect(figures.byDay[0]).toEqual({ day: "2030-11-20", comments: 4, responses: 2 });
    expect(figures.byDay[1]).toEqual({ day: "2030-11-21", comments: 0, responses: 0 });
    expect(figures.byDay[2]).toEqual({ day: "2030-11-22", comments: 1, responses: 1 });
    expect(figures.byDay.at(-1)).toEqual({ day: "2030-11-30", comments: 0, responses: 0 });
    expect(figures.byDay).toHaveLength(11);
  });

  it("counts a comment sent late on a summer evening on the London day it arrived", async ({ expect }) => {
    await addResponse(env.DB, { receivedAt: "2030-06-10T23:30:00.000Z", comments: [{ text: "After midnight in London" }] });
    const summer = { opensAt: new Date("2030-06-01T00:00:00Z"), closesAt: new Date("2030-06-11T22:59:59Z") };
    expect((await overview(env.DB, summer)).byDay).toEqual([{ day: "2030-06-11", comments: 1, responses: 1 }]);
  });

  it("counts nothing, and no days, before anyone has responded", async ({ expect }) => {
    const figures = await overview(env.DB, period);
    expect(figures).toMatchObject({ responses: 0, comments: 0, byChannel: { online: 0, kiosk: 0, paper: 0 }, byParagraph: {}, byDay: [] });
    expect({ opensAt: figures.opensAt, closesAt: figures.closesAt }).toEqual({ opensAt: "2030-11-01T00:00:00.000Z", closesAt: "2030-11-30T23:59:59.000Z" });
  });
});
