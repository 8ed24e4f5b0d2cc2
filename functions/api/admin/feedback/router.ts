/**
 * "You said, we did" entries, as officers write them (the public reads them at /api/feedback):
 *   GET    /api/admin/feedback                            every entry, drafts included
 *   POST   /api/admin/feedback                            create one {title, youSaid, weDid, outcome, paragraphs, references, status, comments?, filters?, quotes?}
 *   GET    /api/admin/feedback/{id}                       one entry
 *   PATCH  /api/admin/feedback/{id}                       change any of {title, youSaid, weDid, outcome, paragraphs, quotes, status}
 *   POST   /api/admin/feedback/{id}/publish               publish it
 *   POST   /api/admin/feedback/{id}/unpublish             take it back to draft
 *   POST   /api/admin/feedback/{id}/comments              answer more comments {comments?, references?, filters?}
 *   DELETE /api/admin/feedback/{id}/comments/{commentId}  stop answering one
 */
import { Hono } from "hono";
import type { OfficerEnv } from "../../context.ts";
import { answer, unanswer } from "./answering.ts";
import { getEntry, listEntries } from "./read.ts";
import { create, publish, unpublish, update } from "./write.ts";

export const feedback = new Hono<OfficerEnv>();

feedback.get("/", ...listEntries);
feedback.post("/", ...create);
feedback.get("/:id", ...getEntry);
feedback.patch("/:id", ...update);
feedback.post("/:id/publish", ...publish);
feedback.post("/:id/unpublish", ...unpublish);
feedback.post("/:id/comments", ...answer);
feedback.delete("/:id/comments/:commentId", ...unanswer);
