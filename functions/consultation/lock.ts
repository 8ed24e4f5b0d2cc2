/**
 * The paragraph lock (content/paragraphs.lock.json) records every paragraph
 * id that has been published and the text of each of its revisions, so a
 * comment always points at words its author actually saw.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ContentError, parseJsonContent } from "./content-error.ts";
import type { Draft } from "./draft.ts";

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

/** Every way the draft and the lock disagree, in words an author can act on. */
export function lockProblems(draft: Draft, lock: ParagraphLock): string[] {
  const problems: string[] = [];
  for (const paragraph of draft.paragraphs.values()) {
    const entry = lock.paragraphs[paragraph.id];
    if (lock.replacedBy[paragraph.id]) {
      problems.push(`"${paragraph.id}" (${paragraph.number}) was retired in favour of "${lock.replacedBy[paragraph.id]}" and cannot be used again: give the paragraph a new id`);
    } else if (!entry) {
      problems.push(`"${paragraph.id}" (${paragraph.number}) is new: record it with \`${LOCK_COMMAND}\``);
    } else if (entry.revisions.at(-1)!.hash !== paragraphHash(paragraph.markdown)) {
      problems.push(
        `the text of "${paragraph.id}" (${paragraph.number}) differs from its published text. ` +
          `If it is the same paragraph reworded, record a new revision with \`${LOCK_COMMAND} -- --revise ${paragraph.id}\`; ` +
          `if it is a different paragraph (for example after inserting one above it), give the paragraphs explicit ids with {#id}`,
      );
    }
  }
  for (const id of Object.keys(lock.paragraphs)) {
    if (draft.paragraphs.has(id)) continue;
    const replacement = lock.replacedBy[id];
    if (!replacement) {
      problems.push(`"${id}" was published but is no longer in the draft: keep it, or say which paragraph replaces it with \`${LOCK_COMMAND} -- --replace ${id}=NEW-ID\``);
    } else if (!draft.paragraphs.has(replacement) && !lock.replacedBy[replacement]) {
      problems.push(`"${id}" is replaced by "${replacement}", which is not in the draft`);
    }
  }
  return problems;
}

export function checkLock(file: string, draft: Draft, lock: ParagraphLock): void {
  const problems = lockProblems(draft, lock);
  if (problems.length > 0) throw new ContentError(file, problems);
}

/** The current revision number (1, 2, …) of each paragraph in the draft. */
export function currentRevision(lock: ParagraphLock, paragraphId: string): number {
  return lock.paragraphs[paragraphId]?.revisions.length ?? 0;
}

/**
 * The lock updated for the draft: new paragraphs are recorded; a changed
 * paragraph gets a new revision only when `revise` names it; a removed one
 * is retired only when `replace` maps it. Anything else stays a problem.
 */
export function updateLock(
  draft: Draft,
  lock: ParagraphLock,
  options: { revise: string[]; replace: Record<string, string> },
): { lock: ParagraphLock; problems: string[] } {
  const next: ParagraphLock = structuredClone(lock);
  for (const paragraph of draft.paragraphs.values()) {
    const hash = paragraphHash(paragraph.markdown);
    const entry = next.paragraphs[paragraph.id];
    if (!entry) {
      if (!next.replacedBy[paragraph.id]) next.paragraphs[paragraph.id] = { revisions: [{ hash, text: paragraph.markdown }] };
    } else if (entry.revisions.at(-1)!.hash !== hash && options.revise.includes(paragraph.id)) {
      entry.revisions.push({ hash, text: paragraph.markdown });
    }
  }
  Object.assign(next.replacedBy, options.replace);
  return { lock: next, problems: lockProblems(draft, next) };
}
