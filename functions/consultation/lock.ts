/**
 * The paragraph lock (content/paragraphs.lock.json) records every paragraph
 * id that has been published and the text of each of its revisions, so a
 * comment always points at words its author actually saw. Paragraphs are
 * matched to their ids by that text (see lock-matching.ts).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ContentError, parseJsonContent } from "./content-error.ts";
import type { DraftSection } from "./draft.ts";
import { applyMatches, matchParagraphs, type LockMatching, type ParagraphMatch } from "./lock-matching.ts";
import { glimpse } from "./text.ts";

const lockSchema = z.strictObject({
  paragraphs: z.record(
    z.string(),
    z.strictObject({
      revisions: z.array(z.strictObject({ hash: z.string(), text: z.string() })).min(1),
    }),
  ),
  /** Published ids that were retired, and the id of the paragraph that replaced each. */
  replacedBy: z.record(z.string(), z.string()),
});

export type ParagraphLock = z.infer<typeof lockSchema>;

export const LOCK_COMMAND = "npm run paragraphs:lock";

export function paragraphHash(markdown: string): string {
  return createHash("sha256").update(markdown.normalize("NFC")).digest("hex").slice(0, 16);
}

export function parseLock(file: string, text: string): ParagraphLock {
  return parseJsonContent(file, text, lockSchema);
}

/** How to name a paragraph on the lock command's line: its number, as authors see it. */
const which = (match: ParagraphMatch) => match.paragraph.number;

/** Every way the draft and the lock disagree, in words an author can act on. */
export function lockProblems(matching: LockMatching, lock: ParagraphLock): string[] {
  const problems: string[] = [];
  const present = new Set(matching.matches.map((match) => match.id));
  for (const match of matching.matches) {
    const { paragraph, id } = match;
    const entry = lock.paragraphs[id];
    if (match.kind === "explicit" && lock.replacedBy[id]) {
      problems.push(`"${id}" (${paragraph.number}) was retired in favour of "${lock.replacedBy[id]}" and cannot be used again: give the paragraph a new id`);
    } else if (match.kind === "new" || (match.kind === "explicit" && !entry)) {
      problems.push(`"${id}" (${paragraph.number}) is new: record it with \`${LOCK_COMMAND}\``);
    } else if (match.kind === "explicit" && latestRevision(lock, id).hash !== paragraphHash(paragraph.markdown)) {
      problems.push(
        `the text of "${id}" (${paragraph.number}) differs from its published text. ` +
          `If it is the same paragraph reworded, record a new revision with \`${LOCK_COMMAND} -- --revise ${which(match)}\`; ` +
          `if it is a different paragraph, give it a new id with {#new-id}`,
      );
    } else if (match.kind === "reworded") {
      problems.push(
        `paragraph ${paragraph.number} ("${glimpse(paragraph.markdown, 120)}") matches no published text. ` +
          `The closest published paragraph is "${id}": "${latestRevision(lock, id).text}". ` +
          `If ${paragraph.number} is that paragraph reworded, record a new revision with \`${LOCK_COMMAND} -- --revise ${which(match)}\`; ` +
          `if it is a new paragraph, record it as "${match.newId}" with \`${LOCK_COMMAND} -- --new ${which(match)}\``,
      );
    }
  }
  for (const id of matching.missing) {
    problems.push(`"${id}" was published but is no longer in the draft: keep it, or say which paragraph replaces it with \`${LOCK_COMMAND} -- --replace ${id}=NEW-ID\``);
  }
  for (const [id, replacement] of Object.entries(lock.replacedBy)) {
    if (!present.has(replacement) && !lock.replacedBy[replacement]) problems.push(`"${id}" is replaced by "${replacement}", which is not in the draft`);
  }
  return problems;
}

/**
 * Gives each paragraph of the draft its id by the lock, then refuses a draft
 * that disagrees with the lock, naming the lock file and every problem.
 */
export function checkLock(file: string, sections: DraftSection[], lock: ParagraphLock): void {
  const matching = matchParagraphs(sections, lock, paragraphHash);
  applyMatches(matching);
  const problems = lockProblems(matching, lock);
  if (problems.length > 0) throw new ContentError(file, problems);
}

const latestRevision = (lock: ParagraphLock, id: string) => lock.paragraphs[id]!.revisions.at(-1)!;

/** The current revision number (1, 2, …) of each paragraph in the draft. */
export function currentRevision(lock: ParagraphLock, paragraphId: string): number {
  return lock.paragraphs[paragraphId]?.revisions.length ?? 0;
}

export interface LockDecisions {
  /** Paragraphs (by number, such as "3.2", or id) whose new words are a new revision; "3.2=ID" names which published paragraph. */
  revise: string[];
  /** Paragraphs (by number or id) whose new words are a new paragraph. */
  new?: string[];
  /** Retired ids and the id of the paragraph that replaces each. */
  replace: Record<string, string>;
}

/**
 * The lock updated for the draft: paragraphs that are plainly new are
 * recorded; a paragraph whose words changed gets a new revision only when
 * `revise` names it, or its own id when `new` does; a removed one is retired
 * only when `replace` maps it. Anything else stays a problem.
 */
export function updateLock(sections: DraftSection[], lock: ParagraphLock, decisions: LockDecisions): { lock: ParagraphLock; problems: string[] } {
  const next: ParagraphLock = structuredClone(lock);
  const named = (list: string[] | undefined, match: ParagraphMatch) =>
    (list ?? []).map((name) => name.split("=")).find(([name]) => name === match.paragraph.number || name === match.id);
  const record = (id: string, markdown: string) => {
    const revision = { hash: paragraphHash(markdown), text: markdown };
    if (next.paragraphs[id]) next.paragraphs[id].revisions.push(revision);
    else next.paragraphs[id] = { revisions: [revision] };
  };
  const matching = matchParagraphs(sections, lock, paragraphHash);
  for (const match of matching.matches) {
    const { paragraph } = match;
    const revise = named(decisions.revise, match);
    if (match.kind === "new" || (match.kind === "explicit" && !lock.paragraphs[match.id] && !lock.replacedBy[match.id])) {
      record(match.id, paragraph.markdown);
    } else if (match.kind === "explicit" && revise && latestRevision(lock, match.id).hash !== paragraphHash(paragraph.markdown)) {
      record(match.id, paragraph.markdown);
    } else if (match.kind === "reworded" && revise) {
      const target = revise[1] ?? match.id;
      if (lock.paragraphs[target] && !lock.replacedBy[target]) record(target, paragraph.markdown);
    } else if (match.kind === "reworded" && named(decisions.new, match)) {
      record(match.newId, paragraph.markdown);
    }
  }
  Object.assign(next.replacedBy, decisions.replace);
  const after = matchParagraphs(sections, next, paragraphHash);
  return { lock: next, problems: lockProblems(after, next) };
}
