/**
 * What public pages read from D1: published "You said, we did" entries and
 * comments, and a person's own response by its reference (limited per client
 * like the API's look-ups). Pages never hold the database themselves.
 */
import { env } from "cloudflare:workers";
import { feedbackByParagraph, feedbackLog } from "../../functions/feedback/public.ts";
import { publication, publishedComments } from "../../functions/feedback/published-comments.ts";
import { heldAbout } from "../../functions/privacy/access.ts";
import { lookUpResponse } from "../../functions/responses/lookup.ts";

export const publicData = {
  lookUp: (request: Request, typed: string) => lookUpResponse(env, request, typed),
  heldAbout: (reference: string) => heldAbout(env.DB, reference),
  feedbackByParagraph: () => feedbackByParagraph(env.DB),
  feedbackLog: (filters?: Parameters<typeof feedbackLog>[1]) => feedbackLog(env.DB, filters),
  publication: () => publication(env.DB),
  publishedComments: (paragraphIds: string[]) => publishedComments(env.DB, paragraphIds),
};
