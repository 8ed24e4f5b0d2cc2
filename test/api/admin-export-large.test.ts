import { env } from "cloudflare:test";
import { beforeAll, describe, it } from "vitest";
import { parse } from "csv-parse/sync";
import app from "../../functions/api/index.ts";
import { EXPORT_PAGE_SIZE } from "../../functions/export/stream.ts";
import { ADMIN_TOKEN, addManyComments } from "./admin-fixtures.ts";

const COUNT = 12_000;
const textOf = (index: number) => `Comment ${index}: "quoted", with commas, a line break\nand emoji 🏠 ${index % 7 === 0 ? "=1+1" : ""}`;

beforeAll(async () => {
  await addManyComments(env.DB, COUNT, textOf, ["streets-2", "general", "advice-1"]);
}, 60_000);

/** The test database, counting the queries and the rows each returned. */
function countingDb() {
  const pages: number[] = [];
  const db = new Proxy(env.DB, {
    get(target, property) {
      if (property !== "prepare") return Reflect.get(target, property).bind?.(target) ?? Reflect.get(target, property);
      return (sql: string) => {
        const statement = target.prepare(sql);
        if (!sql.includes("ORDER BY c.id LIMIT")) return statement;
        return {
          bind: (...values: unknown[]) => {
            const bound = statement.bind(...values);
            return { all: async () => { const result = await bound.all(); pages.push(result.results.length); return result; } };
          },
        };
      };
    },
  });
  return { db, pages };
}

describe(`an export of ${COUNT} comments`, () => {
  it("streams every comment in order, reading D1 a page at a time", { timeout: 60_000 }, async ({ expect }) => {
    const { db, pages } = countingDb();
    const response = await app.request("/api/admin/export?format=csv", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }, { ...env, ADMIN_TOKEN, DB: db });
    expect(response.status).toBe(200);

    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = "";
    let chunks = 0;
    let pagesWhenFirstChunkArrived = -1;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (chunks === 0) pagesWhenFirstChunkArrived = pages.length;
      chunks++;
      text += decoder.decode(chunk.value, { stream: true });
    }
    text += decoder.decode();

    // The first bytes went out before most of D1 had been read: it streamed.
    expect(pagesWhenFirstChunkArrived).toBeLessThanOrEqual(2);
    expect(chunks).toBeGreaterThanOrEqual(COUNT / EXPORT_PAGE_SIZE);
    expect(Math.max(...pages)).toBe(EXPORT_PAGE_SIZE);
    expect(pages.length).toBe(Math.ceil(COUNT / EXPORT_PAGE_SIZE) + (COUNT % EXPORT_PAGE_SIZE === 0 ? 1 : 0));

    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(COUNT);
    const ids = rows.map((row) => Number(row.commentId));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    expect(rows[0]!.commentText).toBe(textOf(0));
    expect(rows[COUNT - 1]!.commentText).toBe(textOf(COUNT - 1));
  });

  it("NDJSON has one line per comment", { timeout: 60_000 }, async ({ expect }) => {
    const response = await app.request("/api/admin/export?format=ndjson", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }, { ...env, ADMIN_TOKEN });
    const lines = new TextDecoder().decode(await response.arrayBuffer()).trimEnd().split("\n");
    expect(lines).toHaveLength(COUNT);
    expect(JSON.parse(lines[COUNT - 1]!)).toMatchObject({ commentText: textOf(COUNT - 1) });
  });
});
