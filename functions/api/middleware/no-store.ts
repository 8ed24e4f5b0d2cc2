/**
 * For answers that carry a person's words, a reference or a key: never kept
 * by a browser or a shared cache, whatever the status, refusals included
 * (they run inside this, so their answers pass back through it).
 */
import { createMiddleware } from "hono/factory";

export const noStore = createMiddleware(async (c, next) => {
  await next();
  try {
    c.res.headers.set("Cache-Control", "no-store");
  } catch {
    // An answer with fixed headers (such as one from fetch()): the same answer, with headers of its own.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set("Cache-Control", "no-store");
  }
});
