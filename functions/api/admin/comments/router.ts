/**
 * Comments, as officers work on them:
 *   GET    /api/admin/comments                        the list: filters, search, cursor
 *   GET    /api/admin/comments/{id}                   one comment
 *   POST   /api/admin/comments/reading {comments, read?}  mark comments read (or unread with read:false)
 *   POST   /api/admin/comments/bulk {action, commentIds | filter, theme? | themeName?, reason?, feedback?}
 *                                                    tag, mark read, hide or answer many at once, all or nothing
 *   POST   /api/admin/comments/{id}/hide {reason}     hide it from public view
 *   POST   /api/admin/comments/{id}/unhide            show it again
 *   POST   /api/admin/comments/{id}/redact {text}     take personal details out
 *   PUT    /api/admin/comments/{id}/themes {themeIds} set its themes, all or nothing
 *   PUT    /api/admin/comments/{id}/themes/{themeId}  tag it with a theme
 *   DELETE /api/admin/comments/{id}/themes/{themeId}  remove a theme
 *   PUT    /api/admin/comments/{id}/assignment {officer}  give it to an officer ({officer: null}: to nobody)
 *   GET    /api/admin/comments/{id}/notes             officers' private notes on it
 *   POST   /api/admin/comments/{id}/notes {text}      add a note
 *   DELETE /api/admin/comments/{id}/notes/{noteId}    delete a note
 */
import { Hono } from "hono";
import type { OfficerEnv } from "../../context.ts";
import { getComment, listCommentPage } from "./read.ts";
import { hide, redact, unhide } from "./moderation.ts";
import { setThemes, tag, untag } from "./tagging.ts";
import { markRead } from "./reading.ts";
import { addNoteTo, assign, notes, removeNote } from "./shared-work.ts";
import { bulk } from "./bulk.ts";

export const comments = new Hono<OfficerEnv>();

comments.get("/", ...listCommentPage);
comments.get("/:id", ...getComment);
comments.post("/reading", ...markRead);
comments.post("/bulk", ...bulk);
comments.post("/:id/hide", ...hide);
comments.post("/:id/unhide", ...unhide);
comments.post("/:id/redact", ...redact);
comments.put("/:id/themes", ...setThemes);
comments.put("/:id/themes/:themeId", ...tag);
comments.delete("/:id/themes/:themeId", ...untag);
comments.put("/:id/assignment", ...assign);
comments.get("/:id/notes", ...notes);
comments.post("/:id/notes", ...addNoteTo);
comments.delete("/:id/notes/:noteId", ...removeNote);
