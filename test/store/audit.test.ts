/** The audit log called directly: what an entry records, newest first, a page at a time. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { AUDIT_PAGE_SIZE, auditStatement, listAudit, recordAction } from "../../functions/officers/audit.ts";
import { officer, startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

/** `count` exports logged in one batch, the first with target "export:1". */
async function logExports(count: number) {
  await env.DB.batch(Array.from({ length: count }, (_, index) => auditStatement(env.DB, officer, "export", `export:${index + 1}`)));
}

describe("recording an action", () => {
  it("records who did what, to what, when, and the details", async ({ expect }) => {
    await recordAction(env.DB, officer, "comment.hide", "comment:7", { note: "abusive" });
    expect((await listAudit(env.DB)).entries).toEqual([
      {
        id: expect.any(Number),
        at: "2030-11-22T12:00:00.000Z",
        officer: officer.name,
        action: "comment.hide",
        target: "comment:7",
        detail: { note: "abusive" },
      },
    ]);
  });

  it("records an action with no target and no details", async ({ expect }) => {
    await recordAction(env.DB, officer, "officer.sign_out", null);
    expect((await listAudit(env.DB)).entries[0]).toMatchObject({ target: null, detail: {} });
  });

  it("writes nothing when asked to log only a change and the statement before changed nothing", async ({ expect }) => {
    await env.DB.batch([
      env.DB.prepare("UPDATE comments SET read_at = 'now' WHERE id = -1"),
      auditStatement(env.DB, officer, "comment.read", "comment:-1", {}, { onlyIfChanged: true }),
    ]);
    expect((await listAudit(env.DB)).entries).toEqual([]);
  });
});

describe("listing the audit log", () => {
  it("lists entries newest first", async ({ expect }) => {
    await logExports(3);
    expect((await listAudit(env.DB)).entries.map((entry) => entry.target)).toEqual(["export:3", "export:2", "export:1"]);
  });

  it("gives a page of entries and a cursor, and the next page carries on from it", async ({ expect }) => {
    await logExports(AUDIT_PAGE_SIZE + 3);
    const first = await listAudit(env.DB);
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]!.target).toBe(`export:${AUDIT_PAGE_SIZE + 3}`);
    expect(first.nextCursor).toBe(String(first.entries.at(-1)!.id));
    const second = await listAudit(env.DB, { before: Number(first.nextCursor) });
    expect(second.entries.map((entry) => entry.target)).toEqual(["export:3", "export:2", "export:1"]);
    expect(second.nextCursor).toBeNull();
  });

  it("gives no cursor when the entries exactly fill one page", async ({ expect }) => {
    await logExports(AUDIT_PAGE_SIZE);
    expect((await listAudit(env.DB)).nextCursor).toBeNull();
  });

  it("lists only the entries about one target", async ({ expect }) => {
    await recordAction(env.DB, officer, "theme.create", "theme:1", { name: "Health" });
    await recordAction(env.DB, officer, "theme.create", "theme:2", { name: "Money" });
    await recordAction(env.DB, officer, "theme.rename", "theme:1", { from: "Health", to: "Care" });
    const { entries } = await listAudit(env.DB, { target: "theme:1" });
    expect(entries.map((entry) => entry.action)).toEqual(["theme.rename", "theme.create"]);
  });
});
