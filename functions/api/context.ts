/** What every API handler can read from its context: the Worker's bindings, and what middleware set. */
import { createFactory } from "hono/factory";
import type { Translate } from "../i18n/index.ts";
import type { Kiosk } from "../kiosks/kiosks.ts";
import type { StaffMember } from "../kiosks/staff-codes.ts";
import type { Officer } from "../officers/auth/officer.ts";

/** `kiosk` is set on requests that carry a valid kiosk key, `staff` on those that also carry a support worker's code (see middleware/kiosk.ts). */
export type AppEnv = { Bindings: Env; Variables: { language: string; t: Translate; kiosk?: Kiosk; staff?: StaffMember } };

/** Officers' routes, behind requireOfficer: the officer is always set. */
export type OfficerEnv = { Bindings: Env; Variables: AppEnv["Variables"] & { officer: Officer } };

/** Endpoints are built with these, so each keeps the types of its own validators. */
export const publicEndpoint = createFactory<AppEnv>();
export const officerEndpoint = createFactory<OfficerEnv>();
