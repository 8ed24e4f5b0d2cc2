/** What officers' writes have in common: the id of the thing they act on (and, from validation.ts, a JSON body). */
import { z } from "zod";
import { validate } from "../validation.ts";
import { recordId } from "../../lib/ids.ts";

export { jsonBody, jsonOnly } from "../validation.ts";

export const commentIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.commentNotFound" });
export const themeIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.themeNotFound" });
export const kioskIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.kioskNotFound" });
export const commentThemeParams = validate("param", z.object({ id: recordId, themeId: recordId }));
export const feedbackIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.feedbackNotFound" });
export const feedbackCommentParams = validate("param", z.object({ id: recordId, commentId: recordId }), { notFoundMessage: "admin.error.feedbackNotFound" });
