/**
 * Records the draft's paragraphs in content/paragraphs.lock.json. Paragraphs
 * are matched to their published ids by their text, so moving paragraphs or
 * inserting and removing others needs nothing more than this:
 *
 *   npm run paragraphs:lock                          record new paragraphs
 *   npm run paragraphs:lock -- --revise 3.2          paragraph 3.2 is its closest published paragraph reworded
 *   npm run paragraphs:lock -- --revise 3.2=ID       paragraph 3.2 is published paragraph ID reworded
 *   npm run paragraphs:lock -- --new 3.2             paragraph 3.2 is a new paragraph
 *   npm run paragraphs:lock -- --replace OLD=NEW     retire OLD in favour of NEW
 *
 * (A paragraph can be named by its number or its id.) Anything else that
 * would change what a published id means is refused.
 */
import { existsSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseDraftSections } from "../functions/consultation/draft.ts";
import { parseLock, updateLock, type ParagraphLock } from "../functions/consultation/lock.ts";
import { CONTENT_PATHS } from "../functions/consultation/content.ts";
import { readContentSources } from "../functions/consultation/read-content.ts";

const { values } = parseArgs({
  options: {
    revise: { type: "string", multiple: true, default: [] },
    new: { type: "string", multiple: true, default: [] },
    replace: { type: "string", multiple: true, default: [] },
  },
});

const root = process.cwd();
if (!existsSync(CONTENT_PATHS.lock)) writeFileSync(CONTENT_PATHS.lock, JSON.stringify({ paragraphs: {}, replacedBy: {} }));
const sources = readContentSources(root);
const sections = parseDraftSections(sources.draft);
const lock: ParagraphLock = parseLock(sources.lock.file, sources.lock.text);
const replace = Object.fromEntries(values.replace.map((pair) => pair.split("=") as [string, string]));
const result = updateLock(sections, lock, { revise: values.revise, new: values.new, replace });

writeFileSync(CONTENT_PATHS.lock, `${JSON.stringify(result.lock, null, 2)}\n`);
if (result.problems.length > 0) {
  console.error(`${CONTENT_PATHS.lock} still disagrees with the draft:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`${CONTENT_PATHS.lock}: ${Object.keys(result.lock.paragraphs).length} paragraph ids recorded.`);
