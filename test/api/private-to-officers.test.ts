/**
 * What officers share among themselves (assignments, reading marks, private
 * notes) stays with them: no public answer, no export and no open data file
 * carries it, even for a comment whose author agreed to be quoted and that a
 * published feedback entry answers.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, it } from "vitest";
import { formatReference, newReference } from "../../functions/responses/reference.ts";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { callApi } from "./requests.ts";

const NOTE = "xqnoteword rang the hostel";
const ASSIGNEE = "Xqassignee Officer";
let reference: string;

async function ok(response: Response): Promise<Response> {
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  return response;
}

beforeAll(async () => {
  const added = await addResponse(env.DB, { reference: newReference(), publishConsent: true, comments: [{ paragraph: "streets-2", text: "Open the shelter all year round." }] });
  reference = formatReference(added.reference);
  const comment = added.commentIds[0]!;
  await ok(await asOfficer(env, `/api/admin/comments/${comment}/notes`, { method: "POST", json: { text: NOTE } }));
  await ok(await asOfficer(env, `/api/admin/comments/${comment}/assignment`, { method: "PUT", json: { officer: ASSIGNEE } }));
  await ok(await asOfficer(env, "/api/admin/officers/paragraphs/streets-2", { method: "PUT", json: { officer: ASSIGNEE } }));
  await ok(await asOfficer(env, "/api/admin/comments/reading", { method: "POST", json: { comments: [comment] } }));
  await ok(
    await asOfficer(env, "/api/admin/feedback", {
      method: "POST",
      json: { title: "Shelter all year", youSaid: "Open it all year.", weDid: "It now opens all year.", outcome: "changed", paragraphs: ["streets-2"], references: [reference], status: "published" },
    }),
  );
  await ok(await asOfficer(env, "/api/admin/publication", { method: "PUT", json: { responsesPublished: true } }));
});

describe("officers' own work on a comment", () => {
  const outputs: [string, () => Response | Promise<Response>][] = [
    ["the person's own look-up", () => callApi(`/api/responses/${reference}`)],
    ["the \"You said, we did\" log", () => callApi("/api/feedback")],
    ["the open data as CSV", () => callApi("/api/feedback/download?format=csv")],
    ["the open data as JSON", () => callApi("/api/feedback/download?format=json")],
    ["the published comments", () => callApi("/api/comments?section=streets")],
    ["the officers' CSV export", () => asOfficer(env, "/api/admin/export?format=csv&includeHidden=true")],
    ["the officers' JSON export", () => asOfficer(env, "/api/admin/export?format=json&includeHidden=true")],
  ];
  for (const [name, fetchOutput] of outputs) {
    it(`is never in ${name}`, async ({ expect }) => {
      const answer = await fetchOutput();
      expect(answer.status, name).toBe(200);
      const body = await answer.text();
      // The comment itself is there, so the absence of the rest means something.
      expect(body, name).toMatch(/Open the shelter all year round|Shelter all year/);
      for (const word of ["xqnoteword", "Xqassignee", "readBy", "comment_notes"]) expect(body, `${name}: ${word}`).not.toContain(word);
    });
  }

  it("is shown to officers on the comment itself", async ({ expect }) => {
    const id = ((await (await asOfficer(env, `/api/admin/comments?reference=${reference}`)).json()) as { comments: { id: number; assignment: unknown }[] }).comments[0]!;
    expect(id.assignment).toEqual({ officer: ASSIGNEE, via: "comment" });
    expect(JSON.stringify(await (await asOfficer(env, `/api/admin/comments/${id.id}/notes`)).json())).toContain("xqnoteword");
  });
});
