/**
 * Paper forms typed in by support workers, with their kiosk's key and their own staff code:
 *   POST /api/paper/sheets                  type one in (as officers do) → 201
 *   GET  /api/paper/sheets/{reference}      what was typed in for a sheet
 *   PUT  /api/paper/sheets/{reference}      correct it (audited, naming the kiosk)
 */
import { Hono } from "hono";
import { publicEndpoint, type AppEnv } from "../context.ts";
import { responseSizeLimit } from "../middleware/body-limit.ts";
import { identifyKiosk, requireKiosk, requireStaff } from "../middleware/kiosk.ts";
import { noStore } from "../middleware/no-store.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { jsonBody, jsonOnly, validate } from "../validation.ts";
import { correctEnteredSheet, enterSheet, enteredSheet } from "../../paper/entering.ts";
import { paperSheetSchema } from "../../paper/sheets.ts";
import { referenceInPath } from "../../responses/reference.ts";
import type { Kiosk } from "../../kiosks/kiosks.ts";
import type { StaffMember } from "../../kiosks/staff-codes.ts";

export const paperByKiosk = new Hono<AppEnv>();

// A kiosk's key alone is not enough: a sheet holds a person's words, so a support worker's code is needed too.
paperByKiosk.use(noStore, requireKiosk, identifyKiosk, requireStaff, rateLimit("submit"));

/** The audit log names the kiosk whose key was used and the support worker whose code was. */
const asActor = (kiosk: Kiosk, staff: StaffMember) => ({ name: `kiosk ${kiosk.id} (${kiosk.name}), staff code of ${staff.name}` });
const sheetBody = jsonBody(paperSheetSchema);
const sheetParam = validate("param", referenceInPath, { notFoundMessage: "paper.error.notEntered" });

const enter = publicEndpoint.createHandlers(responseSizeLimit, jsonOnly, sheetBody, async (c) => {
  const kiosk = c.get("kiosk")!;
  const { receipt, created } = await enterSheet(c.env, c.req.valid("json"), asActor(kiosk, c.get("staff")!), kiosk.id);
  return c.json(receipt, created ? 201 : 200);
});

const show = publicEndpoint.createHandlers(sheetParam, async (c) => c.json(await enteredSheet(c.env.DB, c.req.valid("param").reference)));

const correct = publicEndpoint.createHandlers(sheetParam, responseSizeLimit, jsonOnly, sheetBody, async (c) =>
  c.json(await correctEnteredSheet(c.env, c.req.valid("param").reference, c.req.valid("json"), asActor(c.get("kiosk")!, c.get("staff")!))),
);

paperByKiosk.post("/sheets", ...enter);
paperByKiosk.get("/sheets/:reference", ...show);
paperByKiosk.put("/sheets/:reference", ...correct);
