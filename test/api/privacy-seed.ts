/**
 * Responses holding personal data in every place the portal keeps it: comment
 * texts, organisation names, helpers' details, a paper sheet, a hiding reason,
 * a quote in a published feedback entry, a theme, an officer's private note
 * (with an assignment and a reading mark beside it) and a response a kiosk
 * could not send, reported to officers. Each identifying word
 * starts with "xq", so a search of the whole schema finds nothing else.
 */
import { env } from "cloudflare:test";
import app from "../../functions/api/index.ts";
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
  const words = [`xq${tag}comment`, `xq${tag}organisation`, `xq${tag}helperorg`, `xq${tag}helper`, `xq${tag}hidden`, `xq${tag}reason`, `xq${tag}quote`, `xq${tag}paper`, `xq${tag}note`, `xq${tag}refused`];
  const [comment, organisation, helperOrg, helper, hidden, reason, quote, paper, note, refused] = words as [string, string, string, string, string, string, string, string, string, string];
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
  await ok(await asOfficer(env, `/api/admin/comments/${onlineComment}/notes`, { method: "POST", json: { text: `Rang ${note} back about the park.` } }));
  await ok(await asOfficer(env, `/api/admin/comments/${onlineComment}/assignment`, { method: "PUT", json: { officer: "Ana Ruiz" } }));
  await ok(await asOfficer(env, "/api/admin/comments/reading", { method: "POST", json: { comments: [onlineComment] } }));
  // The kiosk's response was sent; another under the same reference was refused, and its support worker reported it.
  const device = (await ok(await asOfficer(env, "/api/admin/kiosks", { method: "POST", json: { name: `Kiosk ${tag}` } }))) as { id: number; key: string };
  const staff = (await ok(await asOfficer(env, `/api/admin/kiosks/${device.id}/staff-codes`, { method: "POST", json: { name: `Staff ${tag}` } }))) as { code: string };
  await ok(
    await app.request("/api/kiosk/refused", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Kiosk-Key": device.key, "Staff-Code": staff.code },
      body: JSON.stringify({
        refused: [{ idempotencyKey: `refused-${tag}-0001`, reference: formatReference(kiosk.reference), code: "grace_period_over", reason: "Sent after the grace period.", comments: [{ paragraph: "general", text: `Ask ${refused} at the hostel.` }] }],
      }),
    }, env),
  );
  return {
    references: [online.reference, kiosk.reference, sheet!].map((reference) => formatReference(reference.replace("-", ""))),
    commentIds: [onlineComment, kiosk.commentIds[0]!, paperComment],
    feedbackId: entry.id,
    words,
  };
}
