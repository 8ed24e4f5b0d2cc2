import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { OfficerRequired, officerDesk } from "../../functions/officers/desk.ts";
import { addResponse } from "../api/admin-fixtures.ts";

describe("the officers' desk", () => {
  it("will not open without a signed-in officer, and asks the database nothing", async ({ expect }) => {
    const asked: string[] = [];
    const watched = new Proxy(env.DB, { get: (target, name) => (asked.push(String(name)), Reflect.get(target, name).bind(target)) });
    expect(() => officerDesk({ ...env, DB: watched }, undefined)).toThrow(OfficerRequired);
    expect(asked).toEqual([]);
  });

  it("reads officer data for a signed-in officer", async ({ expect }) => {
    await addResponse(env.DB, { comments: [{ text: "Read only by officers" }] });
    const desk = officerDesk(env, { name: "officer@example.org", via: "access" });
    const { comments } = await desk.listComments({}, {});
    expect(comments.map((comment) => comment.text)).toContain("Read only by officers");
  });
});
