/** GET /api/admin/feedback and GET /api/admin/feedback/{id}: entries as officers see them, drafts included. */
import { officerEndpoint } from "../../context.ts";
import { feedbackIdParam } from "../officer-json.ts";
import { listFeedback } from "../../../feedback/entries.ts";
import { existingFeedback } from "../../../feedback/store.ts";

export const listEntries = officerEndpoint.createHandlers(async (c) => c.json({ entries: await listFeedback(c.env.DB) }));

export const getEntry = officerEndpoint.createHandlers(feedbackIdParam, async (c) => c.json(await existingFeedback(c.env.DB, c.req.valid("param").id)));
