/**
 * What a kiosk device asks for itself:
 *   POST /api/kiosk/setup {code}          exchange a one-time set-up code for a key → 201 {id, name, key}
 *   GET  /api/kiosk                       with Kiosk-Key: which kiosk this is, and the period it keeps for offline use
 *                                         and the checks of its staff codes in force
 *                                         → {id, name, opensAt, closesAt, status, graceDays, resultsPublished, staffCodes: [{salt, hash}]}
 *   POST /api/kiosk/references {count}    with Kiosk-Key: reserve references to give people offline → 201 {references}
 *   POST /api/kiosk/refused {refused}     with Kiosk-Key and Staff-Code: report the responses the server refused for good
 *                                         to officers → 201 {received, recorded}
 */
import { Hono } from "hono";
import { z } from "zod";
import { publicEndpoint, type AppEnv } from "../context.ts";
import { identifyKiosk, requireKiosk, requireStaff } from "../middleware/kiosk.ts";
import { noStore } from "../middleware/no-store.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { jsonOnly, validate } from "../validation.ts";
import { graceDaysFor } from "../../consultation/period.ts";
import { consultationNow } from "../../consultation/index.ts";
import { resultsNow } from "../../consultation/results.ts";
import { deviceChecks } from "../../kiosks/staff-codes.ts";
import { redeemSetupCode, setupCodeSchema } from "../../kiosks/kiosks.ts";
import { LIMITS } from "../../limits.ts";
import { reserveForKiosk } from "../../responses/issued.ts";
import { formatReference } from "../../responses/reference.ts";
import { refusedReportSchema, reportRefused } from "../../kiosks/refused-reports.ts";

export const kiosk = new Hono<AppEnv>();

// Keys and reserved references.
kiosk.use(noStore);

const poolSchema = z.object(
  {
    count: z.number({ error: "kiosk.error.poolCount" }).int({ error: "kiosk.error.poolCount" }).min(1, { error: "kiosk.error.poolCount" }).max(LIMITS.kioskReferencePool, { error: "kiosk.error.poolCount" }),
  },
  { error: "kiosk.error.poolCount" },
);

// Codes are short, so guessing is slowed by the per-address limit as well as by their 15 minutes and single use.
const setup = publicEndpoint.createHandlers(rateLimit("lookup"), jsonOnly, validate("json", setupCodeSchema), async (c) =>
  c.json(await redeemSetupCode(c.env.DB, c.req.valid("json").code), 201),
);

const whoAmI = publicEndpoint.createHandlers(requireKiosk, identifyKiosk, async (c) => {
  const { period, status } = consultationNow(c.env);
  return c.json({
    ...c.get("kiosk")!,
    opensAt: period.opensAt.toISOString(),
    closesAt: period.closesAt.toISOString(),
    status,
    graceDays: graceDaysFor(c.env, "KIOSK_GRACE_DAYS"),
    // Once the outcome is published, the kiosk leads with it.
    resultsPublished: resultsNow(c.env).published,
    staffCodes: await deviceChecks(c.env.DB, c.get("kiosk")!.id),
  });
});

const reserve = publicEndpoint.createHandlers(requireKiosk, identifyKiosk, rateLimit("submit"), jsonOnly, validate("json", poolSchema), async (c) => {
  const references = await reserveForKiosk(c.env.DB, c.get("kiosk")!.id, c.req.valid("json").count);
  return c.json({ references: references.map(formatReference) }, 201);
});

// The refused list holds people's words: only a support worker, with their own code on this kiosk, sends it.
const reportRefusedList = publicEndpoint.createHandlers(requireKiosk, identifyKiosk, requireStaff, rateLimit("submit"), jsonOnly, validate("json", refusedReportSchema, { messages: { refused: "kiosk.error.refusedReport" } }), async (c) => {
  const kioskOf = c.get("kiosk")!;
  const staff = c.get("staff")!;
  const actor = { name: `kiosk ${kioskOf.id} (${kioskOf.name}), staff code of ${staff.name}` };
  return c.json(await reportRefused(c.env.DB, { kioskId: kioskOf.id, staff: staff.name, actor }, c.req.valid("json")), 201);
});

kiosk.post("/setup", ...setup);
kiosk.get("/", ...whoAmI);
kiosk.post("/references", ...reserve);
kiosk.post("/refused", ...reportRefusedList);
