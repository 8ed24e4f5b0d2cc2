/**
 * What the query tests share: an empty database before each test, so every
 * test counts only the rows it wrote itself, and a way to catch the domain's
 * own error and look at its kind and code.
 */
import { env } from "cloudflare:test";
import { beforeEach } from "vitest";
import { DomainError } from "../../functions/lib/errors.ts";
import type { Officer } from "../../functions/officers/auth/officer.ts";

export const officer: Officer = { name: "officer@testshire.example", via: "access" };

/** Children before parents, so the foreign keys never object. */
const TABLES = [
  "feedback_quotes",
  "feedback_comments",
  "feedback_paragraphs",
  "feedback_entries",
  "comment_themes",
  "comment_reads",
  "comment_notes",
  "comment_assignments",
  "paragraph_assignments",
  "officers",
  "themes",
  "duplicate_bands",
  "comment_signatures",
  "duplicate_groups",
  "audit_log",
  "discarded_groupings",
  "comments",
  "responses",
];

export function startEachTestEmpty(): void {
  beforeEach(async () => {
    await env.DB.batch(TABLES.map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
  });
}

/** The DomainError the call throws; fails the test if it succeeds or throws anything else. */
export async function domainError(call: Promise<unknown>): Promise<DomainError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, but the call succeeded");
}

/** Rows of a table, for checking what a refused call left behind. */
export async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row!.n;
}
