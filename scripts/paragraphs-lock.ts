/**
 * Records the draft's paragraphs in content/paragraphs.lock.json.
 *
 *   npm run paragraphs:lock                         record new paragraphs
 *   npm run paragraphs:lock -- --revise ID          accept new text for ID as its next revision
 *   npm run paragraphs:lock -- --replace OLD=NEW    retire OLD in favour of NEW
 *
 * Anything else that would change what a published id means is refused.
 */
import { existsSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseDraft } from "../functions/consultation/draft.ts";
import { parseLock, updateLock, type ParagraphLock } from "../functions/consultation/lock.ts";
import { CONTENT_PATHS } from "../functions/consultation/content.ts";
import { readContentSources } from "../functions/consultation/read-content.ts";

const { values } = parseArgs({
  options: { revise: { type: "string", multiple: true, default: [] }, replace: { type: "string", multiple: true, default: [] } },
});

const root = process.cwd();
if (!existsSync(CONTENT_PATHS.lock)) writeFileSync(CONTENT_PATHS.lock, JSON.stringify({ paragraphs: {}, replacedBy: {} }));
const sources = readContentSources(root);
const draft = parseDraft(sources.draft);
const lock: ParagraphLock = parseLock(sources.lock.file, sources.lock.text);
const replace = Object.fromEntries(values.replace.map((pair) => pair.split("=") as [string, string]));
const result = updateLock(draft, lock, { revise: values.revise, replace });

writeFileSync(CONTENT_PATHS.lock, `${JSON.stringify(result.lock, null, 2)}\n`);
if (result.problems.length > 0) {
  console.error(`${CONTENT_PATHS.lock} still disagrees with the draft:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`${CONTENT_PATHS.lock}: ${Object.keys(result.lock.paragraphs).length} paragraph ids recorded.`);
