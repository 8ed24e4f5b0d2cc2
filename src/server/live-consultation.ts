/** The consultation as it stands now, from the Worker's settings (CLOSES_AT, RESULTS_PUBLISHED_AT and the like): the only settings pages need, and no data. */
import { env } from "cloudflare:workers";
import { consultationNow } from "../../functions/consultation/index.ts";
import { resultsNow } from "../../functions/consultation/results.ts";

export const liveConsultation = (now: Date = new Date()) => consultationNow(env, now);

/** Whether the council has published the outcome yet, and when it will (functions/consultation/results.ts). */
export const liveResults = (now: Date = new Date()) => resultsNow(env, now);
