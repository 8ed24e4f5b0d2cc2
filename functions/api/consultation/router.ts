/** GET /api/consultation: the title, the period in force and whether comments are taken now. */
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { consultationNow, settings } from "../../consultation/index.ts";
import { TIMEZONE } from "../../consultation/london-time.ts";
import { turnstileEnabled } from "../../responses/turnstile.ts";

export const consultation = new Hono<AppEnv>();

consultation.get("/", (c) => {
  const { period, status } = consultationNow(c.env);
  return c.json({
    title: settings.title,
    opensAt: period.opensAt.toISOString(),
    closesAt: period.closesAt.toISOString(),
    timezone: TIMEZONE,
    status,
    // The inline comment form on the (static) draft pages needs this to show the same check as the plain form.
    turnstileSiteKey: turnstileEnabled(c.env) ? c.env.TURNSTILE_SITE_KEY : null,
  });
});
