/**
 * Responses holding personal data in every place the portal keeps it: comment
 * texts, organisation names, helpers' details, a paper sheet, a hiding reason,
 * a quote in a published feedback entry and a theme. Each identifying word
 * starts with "xq", so a search of the whole schema finds nothing else.
 */
import { env } from "cloudflare:test";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { formatReference, newReference } from "../../functions/responses/reference.ts";

export interface Seeded {
  /** References as people hold them. */
  references: string[];
  commentIds: number[];
  feedbackId: number;
  /** Every identifying word stored. */
  words: string[];
}

async function ok(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

export async function seedPersonalData(tag: string): Promise<Seeded> {
  const words = [`xq${tag}comment`, `xq${tag}organisation`, `xq${tag}helperorg`, `xq${tag}helper`, `xq${tag}hidden`, `xq${tag}reason`, `xq${tag}quote`, `xq${tag}paper`];
  const [comment, organisation, helperOrg, helper, hidden, reason, quote, paper] = words as [string, string, string, string, string, string, string, string];
  const online = await addResponse(env.DB, {
    reference: newReference(),
    publishConsent: true,
    respondentType: "organisation",
    organisation: `The ${organisation} Trust`,
    comments: [{ paragraph: "streets-2", text: `My neighbour ${comment} sleeps in the park. Please ${quote} help.` }],
  });
  const kiosk = await addResponse(env.DB, {
    reference: newReference(),
    channel: "kiosk",
    assisted: { organisation: `${helperOrg} day centre`, helper },
    comments: [{ paragraph: "general", text: `I use drugs and ${hidden} knows it.` }],
  });
  const [sheet] = ((await ok(await asOfficer(env, "/api/admin/paper/batches", { method: "POST", json: { count: 1 } }))) as { references: string[] }).references;
  await ok(
    await asOfficer(env, "/api/admin/paper/sheets", {
      method: "POST",
      json: { reference: sheet, receivedOn: "2030-11-21", comments: [{ paragraph: "3.2", text: `Call ${paper} on 07700 900123.` }] },
    }),
  );
  const paperComment = (await env.DB.prepare("SELECT c.id FROM comments c JOIN responses r ON r.id = c.response_id WHERE r.reference = ?")
    .bind(sheet!.replace("-", ""))
    .first<{ id: number }>())!.id;

  const onlineComment = online.commentIds[0]!;
  await ok(await asOfficer(env, `/api/admin/comments/${kiosk.commentIds[0]}/hide`, { method: "POST", json: { reason: `Names ${reason}` } }));
  const theme = (await ok(await asOfficer(env, "/api/admin/themes", { method: "POST", json: { name: `Parks ${tag}` } }))) as { id: number };
  await ok(await asOfficer(env, `/api/admin/comments/${onlineComment}/themes`, { method: "PUT", json: { themeIds: [theme.id] } }));
  const entry = (await ok(
    await asOfficer(env, "/api/admin/feedback", {
      method: "POST",
      json: {
        title: `Parks ${tag}`,
        youSaid: "People asked for help for those sleeping in parks.",
        weDid: "Outreach now visits the parks.",
        outcome: "changed",
        paragraphs: ["streets-2"],
        references: [formatReference(online.reference)],
        quotes: [{ comment: onlineComment, text: `Please ${quote} help.` }],
        status: "published",
      },
    }),
  )) as { id: number };
  return {
    references: [online.reference, kiosk.reference, sheet!].map((reference) => formatReference(reference.replace("-", ""))),
    commentIds: [onlineComment, kiosk.commentIds[0]!, paperComment],
    feedbackId: entry.id,
    words,
  };
}
