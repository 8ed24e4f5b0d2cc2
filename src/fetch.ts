/**
 * The Worker's front door (behind src/worker.ts): security headers on
 * everything, the plain comment form's posts, the officer gate in front of
 * /admin, then Astro for everything else, the API under /api included
 * (src/pages/api/[...path].ts).
 */
import { Hono } from "hono";
import { astro, getFetchState } from "astro/hono";
import { env } from "cloudflare:workers";
import { hashes as styleHashes } from "virtual:inline-styles";
import { hashes as scriptHashes } from "virtual:inline-scripts";
import api from "../functions/api/index.ts";
import { securityHeaders } from "../functions/api/middleware/security-headers.ts";
import { LANGUAGE_CODES } from "../functions/i18n/index.ts";
import { paths, pathsIn } from "../functions/paths.ts";
import { turnstileEnabled } from "../functions/responses/turnstile.ts";
import { sendCommentForm, showFormAgain } from "./server/form-again.ts";
import { officerGate, signIn, signOut } from "./server/officer-gate.ts";
import { renderErrorPage } from "./server/render.ts";

const app = new Hono();
// Inside this file Hono's c.env is not set, so the API is given the Worker's env directly.
const callApi = async (request: Request) => api.fetch(request, env);

app.use(securityHeaders({ turnstile: turnstileEnabled(env), styleHashes, scriptHashes }));
// Pages are small: each is rendered whole before it is sent, so a failure anywhere becomes the error page, never half a page.
app.use(async (c, next) => {
  getFetchState(c).streaming = false;
  await next();
});
app.post(paths.api.responses, (c) => showFormAgain(c.req.raw, callApi));
for (const language of LANGUAGE_CODES) {
  app.post(pathsIn(language).comment(":paragraph"), (c) => sendCommentForm(c.req.raw, c.req.param("paragraph") ?? "", language, callApi));
}
app.use(paths.admin.prefix, officerGate);
app.use(`${paths.admin.prefix}/*`, officerGate);
app.post(paths.admin.signIn, signIn);
app.post(paths.admin.signOut, signOut);
app.get(paths.admin.signOut, (c) => c.redirect(paths.admin.overview, 303));
app.use(astro());
app.onError((error, c) => {
  console.error(error);
  return renderErrorPage(c.req.raw);
});

export default app;
