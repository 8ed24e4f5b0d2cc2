/** Which paper forms a request may print (functions/paper/printing.ts), with the Worker's settings: pages never hold them. */
import { env } from "cloudflare:workers";
import { formsToPrint } from "../../functions/paper/printing.ts";

export const formsFor = (request: Request, typed: string) => formsToPrint(env, request, typed);
