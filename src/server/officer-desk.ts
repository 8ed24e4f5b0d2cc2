/** An officer page's only way to officer data: the desk of the officer the gate signed in, or nothing (functions/officers/desk.ts). */
import { env } from "cloudflare:workers";
import { officerDesk } from "../../functions/officers/desk.ts";

export const deskFor = (locals: App.Locals) => officerDesk(env, locals.officer);
