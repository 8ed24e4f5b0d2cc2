/**
 * Kiosk keys, for officers:
 *   GET    /api/admin/kiosks                      every kiosk, with when each last sent something
 *   POST   /api/admin/kiosks {name}               issue one → 201 {id, name, key}; the key is shown only here
 *   DELETE /api/admin/kiosks/{id}                 revoke it and every device's key → 204
 *   POST   /api/admin/kiosks/{id}/setup-codes     a one-time code a device exchanges for a key → 201 {code, expiresAt}
 *   GET    /api/admin/kiosks/{id}/staff-codes     the support workers with a code for this kiosk → {staffCodes}
 *   POST   /api/admin/kiosks/{id}/staff-codes {name}        a support worker's own code → 201 {id, name, code}; the code is shown only here
 *   DELETE /api/admin/kiosks/{id}/staff-codes/{codeId}      revoke it → 204
 *   GET    /api/admin/kiosks/refused              responses kiosks could not send, as their support workers reported them → {refused}
 *   POST   /api/admin/kiosks/refused/{id}/resolve dealt with: it leaves the list and its words are deleted → 204
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { z } from "zod";
import { jsonBody, jsonOnly, kioskIdParam } from "../officer-json.ts";
import { validate } from "../../validation.ts";
import { issueKiosk, issueSetupCode, kioskNameSchema, listKiosks, revokeKiosk } from "../../../kiosks/kiosks.ts";
import { issueStaffCode, listStaffCodes, revokeStaffCode, staffCodeNameSchema } from "../../../kiosks/staff-codes.ts";
import { recordId } from "../../../lib/ids.ts";
import { listRefusedReports, resolveRefusedReport } from "../../../kiosks/refused-reports.ts";

const refusedParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.refusedNotFound" });
const refused = officerEndpoint.createHandlers(async (c) => c.json({ refused: await listRefusedReports(c.env.DB) }));
const resolveRefused = officerEndpoint.createHandlers(refusedParam, async (c) => {
  await resolveRefusedReport(c.env.DB, c.get("officer"), c.req.valid("param").id);
  return c.body(null, 204);
});

const staffCodeParams = validate("param", z.object({ id: recordId, codeId: recordId }), { notFoundMessage: "admin.error.staffCodeNotFound" });

export const kiosks = new Hono<OfficerEnv>();

const list = officerEndpoint.createHandlers(async (c) => c.json({ kiosks: await listKiosks(c.env.DB) }));

const issue = officerEndpoint.createHandlers(jsonOnly, jsonBody(kioskNameSchema), async (c) =>
  c.json(await issueKiosk(c.env.DB, c.get("officer"), c.req.valid("json").name), 201),
);

const revoke = officerEndpoint.createHandlers(kioskIdParam, async (c) => {
  await revokeKiosk(c.env.DB, c.get("officer"), c.req.valid("param").id);
  return c.body(null, 204);
});

const setupCode = officerEndpoint.createHandlers(kioskIdParam, async (c) =>
  c.json(await issueSetupCode(c.env.DB, c.get("officer"), c.req.valid("param").id), 201),
);

kiosks.get("/refused", ...refused);
kiosks.post("/refused/:id/resolve", ...resolveRefused);
kiosks.get("/", ...list);
kiosks.post("/", ...issue);
kiosks.delete("/:id", ...revoke);
kiosks.post("/:id/setup-codes", ...setupCode);

const staffCodes = officerEndpoint.createHandlers(kioskIdParam, async (c) => c.json({ staffCodes: await listStaffCodes(c.env.DB, c.req.valid("param").id) }));

const issueStaff = officerEndpoint.createHandlers(kioskIdParam, jsonOnly, jsonBody(staffCodeNameSchema), async (c) =>
  c.json(await issueStaffCode(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json").name), 201),
);

const revokeStaff = officerEndpoint.createHandlers(staffCodeParams, async (c) => {
  const { id, codeId } = c.req.valid("param");
  await revokeStaffCode(c.env.DB, c.get("officer"), id, codeId);
  return c.body(null, 204);
});

kiosks.get("/:id/staff-codes", ...staffCodes);
kiosks.post("/:id/staff-codes", ...issueStaff);
kiosks.delete("/:id/staff-codes/:codeId", ...revokeStaff);
