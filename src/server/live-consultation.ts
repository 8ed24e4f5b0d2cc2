/** The consultation as it stands now, from the Worker's settings (CLOSES_AT and the like): the only setting pages need, and no data. */
import { env } from "cloudflare:workers";
import { consultationNow } from "../../functions/consultation/index.ts";

export const liveConsultation = (now: Date = new Date()) => consultationNow(env, now);
