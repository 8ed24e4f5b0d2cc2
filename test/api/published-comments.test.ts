import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { callApi, type ErrorBody } from "./requests.ts";

interface PublishedBody {
  section: string;
  paragraphs: { paragraph: string; comments: { text: string; feedback: { id: number; title: string; outcome: string; url: string }[] }[]; more: number }[];
}

const setPublished = (responsesPublished: unknown) => asOfficer(env, "/api/admin/publication", { method: "PUT", json: { responsesPublished } });
const read = async (section: string) => callApi(`/api/comments?section=${section}`);
const paragraph = async (section: string, id: string) => ((await (await read(section)).json()) as PublishedBody).paragraphs.find((p) => p.paragraph === id)!;
const auditCount = async () => (await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'publication.change'").first<{ n: number }>())!.n;

describe("publishing the comments", () => {
  it("is refused to anyone but officers, and shows nothing until officers publish", async ({ expect }) => {
    expect((await callApi("/api/admin/publication", { method: "PUT", headers: { "Content-Type": "application/json" }, body: '{"responsesPublished":true}' })).status).toBe(401);
    await setPublished(false);
    const response = await read("streets");
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe("not_published");
  });

  it("is a setting officers change through the API, each change audited once", async ({ expect }) => {
    await setPublished(false);
    const before = await auditCount();
    const published = await setPublished(true);
    expect(await published.json()).toEqual({ responsesPublished: true, changedAt: expect.any(String) });
    await setPublished(true);
    expect(await auditCount()).toBe(before + 1);
    expect((await (await asOfficer(env, "/api/admin/publication")).json()) as { responsesPublished: boolean }).toMatchObject({ responsesPublished: true });
    const refused = await setPublished("yes");
    expect(refused.status).toBe(422);
    expect(await auditCount()).toBe(before + 1);
    await setPublished(false);
    expect(await auditCount()).toBe(before + 2);
  });

  it("shows, per paragraph, only comments whose authors agreed, as stored, never hidden ones, and counts the rest", async ({ expect }) => {
    const consented = await addResponse(env.DB, {
      publishConsent: true,
      comments: [
        { paragraph: "homes-2", text: "Call me on 07700 900123, rents are too high." },
        { paragraph: "homes-2", text: "Abusive but consented", status: "hidden" },
        { paragraph: "homes-3", text: "Repairs take months." },
      ],
    });
    await addResponse(env.DB, { publishConsent: false, comments: [{ paragraph: "homes-2", text: "Private words, not to be shown." }, { paragraph: "homes-2", text: "Private and hidden", status: "hidden" }] });
    await addResponse(env.DB, { publishConsent: false, comments: [{ paragraph: "homes-2", text: "Also private." }] });
    await asOfficer(env, `/api/admin/comments/${consented.commentIds[0]}/redact`, { method: "POST", json: { text: "Call me on [phone removed], rents are too high." } });
    const published = await asOfficer(env, "/api/admin/feedback", {
      method: "POST",
      json: { title: "Rents", youSaid: "Rents are too high.", weDid: "We will cap rents in temporary homes.", outcome: "partly", paragraphs: ["homes-2"], comments: [consented.commentIds[0]], status: "published" },
    });
    const { id } = (await published.json()) as { id: number };
    await asOfficer(env, "/api/admin/feedback", {
      method: "POST",
      json: { title: "Draft about rents", youSaid: "x", weDid: "y", outcome: "changed", paragraphs: ["homes-2"], comments: [consented.commentIds[0]] },
    });
    await setPublished(true);

    const response = await read("homes");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60, stale-while-revalidate=60");
    const body = (await response.json()) as PublishedBody;
    expect(body.paragraphs.map((p) => p.paragraph)).toEqual(["homes-1", "homes-2", "homes-3"]);
    expect(await paragraph("homes", "homes-2")).toEqual({
      paragraph: "homes-2",
      comments: [{ text: "Call me on [phone removed], rents are too high.", feedback: [{ id, title: "Rents", outcome: "partly", url: `/you-said-we-did#feedback-${id}` }] }],
      more: 2,
    });
    const text = JSON.stringify(body);
    for (const hidden of ["07700 900123", "Abusive but consented", "Private words", "Private and hidden", "Also private", "Draft about rents"]) expect(text).not.toContain(hidden);

    await setPublished(false);
    expect((await read("homes")).status).toBe(404);
  });

  it("reads comments on the strategy as a whole under 'general', and refuses an unknown section", async ({ expect }) => {
    await addResponse(env.DB, { publishConsent: true, comments: [{ paragraph: "general", text: "A fair plan overall." }] });
    await setPublished(true);
    expect((await paragraph("general", "general")).comments.map((c) => c.text)).toContain("A fair plan overall.");
    const refused = await read("nowhere");
    expect(refused.status).toBe(422);
    expect(Object.keys(((await refused.json()) as ErrorBody).error.fields!)).toEqual(["section"]);
    await setPublished(false);
  });
});
