/**
 * Kiosk keys, for officers:
 *   GET    /api/admin/kiosks                      every kiosk, with when each last sent something
 *   POST   /api/admin/kiosks {name}               issue one → 201 {id, name, key}; the key is shown only here
 *   DELETE /api/admin/kiosks/{id}                 revoke it and every device's key → 204
 *   POST   /api/admin/kiosks/{id}/setup-codes     a one-time code a device exchanges for a key → 201 {code, expiresAt}
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { jsonBody, jsonOnly, kioskIdParam } from "../officer-json.ts";
import { issueKiosk, issueSetupCode, kioskNameSchema, listKiosks, revokeKiosk } from "../../../kiosks/kiosks.ts";

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

kiosks.get("/", ...list);
kiosks.post("/", ...issue);
kiosks.delete("/:id", ...revoke);
kiosks.post("/:id/setup-codes", ...setupCode);
