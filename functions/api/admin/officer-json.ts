/** What officers' writes have in common: a JSON body, and the id of the thing they act on. */
import { z } from "zod";
import { accepts, JSON_TYPE, validate } from "../validation.ts";
import { recordId } from "../../lib/ids.ts";

/** Officers' writes are JSON; anything else is a 415 that says so. */
export const jsonOnly = accepts([JSON_TYPE], "admin.error.json");

/** The JSON body, validated by the domain's own schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => validate("json", schema);

export const commentIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.commentNotFound" });
export const themeIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.themeNotFound" });
export const kioskIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.kioskNotFound" });
export const commentThemeParams = validate("param", z.object({ id: recordId, themeId: recordId }));
export const feedbackIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.feedbackNotFound" });
export const feedbackCommentParams = validate("param", z.object({ id: recordId, commentId: recordId }), { notFoundMessage: "admin.error.feedbackNotFound" });
