/**
 * The officers who share the work, told apart by their Access identity or,
 * locally, by the name given at sign-in. Each one is remembered the first
 * time they are seen, so work can be assigned to someone by choosing them.
 */
import { LIMITS } from "../limits.ts";
import { requiredText } from "../lib/text-fields.ts";

/** A name typed at a local sign-in, or for an assignment: one line, without control characters. */
export const officerNameSchema = requiredText(LIMITS.officerNameLength, "admin.error.officerName").refine(
  (name) => !/[\p{Cc}\p{Cf}]/u.test(name),
  { error: "admin.error.officerName" },
);

/** The name an officer gave, trimmed to one line, or null when it is blank or not a name. */
export function officerName(typed: string | null | undefined): string | null {
  const parsed = officerNameSchema.safeParse(typed ?? "");
  return parsed.success ? parsed.data : null;
}

/** Names already written in this isolate: remembering is one write per officer, not one per request. */
const remembered = new Set<string>();

/** Adds the officer to the roster the first time they are seen. */
export async function rememberOfficer(db: D1Database, name: string): Promise<void> {
  if (remembered.has(name) || name.length > LIMITS.officerNameLength) return;
  await db.prepare("INSERT INTO officers (name, first_seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING").bind(name, new Date().toISOString()).run();
  remembered.add(name);
}

/** For tests whose database starts empty again: write the roster afresh. */
export function forgetRememberedOfficers(): void {
  remembered.clear();
}

/** Every officer seen so far, by name. */
export async function listOfficers(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare("SELECT name FROM officers ORDER BY name COLLATE NOCASE").all<{ name: string }>();
  return results.map((row) => row.name);
}

/** "me" in a filter stands for the officer asking. */
export const ME = "me";
