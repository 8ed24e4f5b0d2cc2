/**
 * `npm start`: serves the built site and API on http://localhost:8787 (PORT
 * overrides) with the local D1 in .wrangler/state. Settings come from
 * .dev.vars, and environment variables of the same name win over it.
 */
import { startLocalServer, settingsFromEnvironment, SettingsError } from "./local-server.ts";

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number; got "${process.env.PORT}"`);
  process.exit(1);
}

const server = await startLocalServer({ port, vars: settingsFromEnvironment(), inheritOutput: true }).catch((error: unknown) => {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`\nThe consultation portal did not start: a setting needs changing (in .dev.vars or the environment).\n\n${error.message}\n`);
  process.exit(1);
});
console.log(`\nThe consultation portal is running at http://localhost:${port}\n`);
const shutdown = () => void server.stop().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.process?.on("exit", (code) => process.exit(code ?? 0));
