/**
 * Keeps the dictionaries in their shape, and can be run again at any time:
 *
 *   npm run messages:tidy
 *
 * - Every `admin.*` key is the officers' area, which is English only: its
 *   English text moves to functions/i18n/officers.ts (the English file's text
 *   wins over an older one there) and every other language's copy is dropped.
 * - What the public sees stays in functions/i18n/messages/*.ts, one group per
 *   first name part ("site.", "comment.", …), groups in the order they first
 *   appear in English, every language in English's order.
 *
 * So a key added under `admin.*` to en/es/it, as the tests once required,
 * lands in the English-only file by running this once.
 *
 *   npm run messages:tidy -- --merge-from BRANCH
 *
 * first takes what BRANCH changed in the dictionaries since it forked from
 * here (keys added, words changed), for merging a branch that still writes
 * `admin.*` keys in every language: keep this side's dictionaries, then run it.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";

const I18N = join(process.cwd(), "functions/i18n");
const MESSAGES = join(I18N, "messages");
const OFFICERS = join(I18N, "officers.ts");
export const OFFICER_PREFIX = "admin.";

type Entry = [key: string, line: string];

/** The entry lines of a dictionary file: each is one line, `    "key": "text",`. */
const ENTRY = /^\s+"([^"]+)": .*,$/;
function entries(source: string): Entry[] {
  return source.split("\n").flatMap((line) => {
    const match = ENTRY.exec(line);
    return match ? [[match[1]!, line.trim()] as Entry] : [];
  });
}

/** Groups keys by the first `depth` parts of their names, in the order the groups first appear; a blank line between groups. */
function grouped(list: Entry[], depth: number, indent: string): string {
  const groupOf = (key: string) => key.split(".").slice(0, depth).join(".");
  const groups = new Map<string, Entry[]>();
  for (const entry of list) groups.set(groupOf(entry[0]), [...(groups.get(groupOf(entry[0])) ?? []), entry]);
  return [...groups.values()].map((group) => group.map(([, line]) => indent + line).join("\n")).join("\n\n");
}

/** Rewrites a file's entries between its opening line (ending with `{`) and the line that closes them. */
function withEntries(source: string, opening: RegExp, body: string): string {
  const lines = source.split("\n");
  const start = lines.findIndex((line) => opening.test(line));
  const end = lines.findIndex((line, index) => index > start && /^\s*\}/.test(line) && !ENTRY.test(line));
  if (start < 0 || end < 0) throw new Error(`Cannot find the entries in ${source.slice(0, 80)}…`);
  return [...lines.slice(0, start + 1), body, ...lines.slice(end)].join("\n");
}

const { values } = parseArgs({ options: { "merge-from": { type: "string" } } });
const branch = values["merge-from"];
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" });
const base = branch && git("merge-base", "HEAD", branch).trim();
/** What `branch` added or reworded in a dictionary file since it forked (nothing without --merge-from). */
function branchChanges(path: string): Entry[] {
  if (!branch || !base) return [];
  const at = (commit: string) => {
    try {
      return entries(git("show", `${commit}:${relative(process.cwd(), path)}`));
    } catch {
      return [];
    }
  };
  const before = new Map(at(base));
  return at(branch).filter(([key, line]) => before.get(key) !== line);
}
/** A file's entries with `branch`'s changes: reworded keys keep their place, new ones come last. */
function withChanges(own: Entry[], path: string): Entry[] {
  const merged = new Map(own);
  for (const [key, line] of branchChanges(path)) merged.set(key, line);
  return [...merged];
}

const english = readFileSync(join(MESSAGES, "en.ts"), "utf8");
const officersSource = readFileSync(OFFICERS, "utf8");
const englishEntries = withChanges(entries(english), join(MESSAGES, "en.ts"));
const publicEntries = englishEntries.filter(([key]) => !key.startsWith(OFFICER_PREFIX));

// Officers' keys: those already in the file, in their order, with any from the English dictionary added or updated.
const officerEntries = new Map(entries(officersSource));
for (const [key, line] of englishEntries) if (key.startsWith(OFFICER_PREFIX)) officerEntries.set(key, line);
writeFileSync(OFFICERS, withEntries(officersSource, /^export default \{$/, grouped([...officerEntries], 2, "  ")));

// Public keys: every language in English's order, without the officers' keys.
const order = new Map(grouped(publicEntries, 1, "").split("\n").flatMap((line, index) => (ENTRY.test(" " + line) ? [[ENTRY.exec(" " + line)![1]!, index]] : [])));
for (const file of readdirSync(MESSAGES).filter((name) => name.endsWith(".ts"))) {
  const path = join(MESSAGES, file);
  const source = readFileSync(path, "utf8");
  const own = (file === "en.ts" ? englishEntries : withChanges(entries(source), path)).filter(([key]) => !key.startsWith(OFFICER_PREFIX));
  // A key only this language has (a mistake the tests report) stays, at the end of its group.
  own.sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  writeFileSync(path, withEntries(source, /^\s+messages: \{$/, grouped(own, 1, "    ")));
}
