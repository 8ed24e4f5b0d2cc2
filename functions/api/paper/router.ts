/**
 * Paper forms typed in by support workers, with their kiosk's key:
 *   POST /api/paper/sheets                  type one in (as officers do) → 201
 *   GET  /api/paper/sheets/{reference}      what was typed in for a sheet
 *   PUT  /api/paper/sheets/{reference}      correct it (audited, naming the kiosk)
 */
import { Hono } from "hono";
import { publicEndpoint, type AppEnv } from "../context.ts";
import { responseSizeLimit } from "../middleware/body-limit.ts";
import { identifyKiosk, requireKiosk } from "../middleware/kiosk.ts";
import { noStore } from "../middleware/no-store.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { jsonBody, jsonOnly, validate } from "../validation.ts";
import { correctEnteredSheet, enterSheet, enteredSheet } from "../../paper/entering.ts";
import { paperSheetSchema } from "../../paper/sheets.ts";
import { referenceInPath } from "../../responses/reference.ts";
import type { Kiosk } from "../../kiosks/kiosks.ts";

export const paperByKiosk = new Hono<AppEnv>();

paperByKiosk.use(noStore, requireKiosk, identifyKiosk, rateLimit("submit"));

/** The audit log names the kiosk whose key was used. */
const asActor = (kiosk: Kiosk) => ({ name: `kiosk ${kiosk.id} (${kiosk.name})` });
const sheetBody = jsonBody(paperSheetSchema);
const sheetParam = validate("param", referenceInPath, { notFoundMessage: "paper.error.notEntered" });

const enter = publicEndpoint.createHandlers(responseSizeLimit, jsonOnly, sheetBody, async (c) => {
  const kiosk = c.get("kiosk")!;
  const { receipt, created } = await enterSheet(c.env, c.req.valid("json"), asActor(kiosk), kiosk.id);
  return c.json(receipt, created ? 201 : 200);
});

const show = publicEndpoint.createHandlers(sheetParam, async (c) => c.json(await enteredSheet(c.env.DB, c.req.valid("param").reference)));

const correct = publicEndpoint.createHandlers(sheetParam, responseSizeLimit, jsonOnly, sheetBody, async (c) =>
  c.json(await correctEnteredSheet(c.env, c.req.valid("param").reference, c.req.valid("json"), asActor(c.get("kiosk")!))),
);

paperByKiosk.post("/sheets", ...enter);
paperByKiosk.get("/sheets/:reference", ...show);
paperByKiosk.put("/sheets/:reference", ...correct);
