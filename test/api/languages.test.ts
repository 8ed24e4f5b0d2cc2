import { describe, it } from "vitest";
import { callApi, type ErrorBody } from "./requests.ts";

const notFoundIn = async (acceptLanguage?: string) => {
  const response = await callApi("/api/responses/AAAAA-AAAAA", acceptLanguage ? { headers: { "Accept-Language": acceptLanguage } } : {});
  return ((await response.json()) as ErrorBody).error;
};

describe("API errors in the person's language", () => {
  it("answer in the best language the request asks for that has a dictionary", async ({ expect }) => {
    const english = await notFoundIn("en-GB,en;q=0.9");
    const spanish = await notFoundIn("es-ES,es;q=0.9,en;q=0.5");
    const italian = await notFoundIn("xx;q=1, it;q=0.8, en;q=0.1");
    expect(english.message).toBe("There is no response with that reference.");
    expect(spanish.code).toBe("not_found");
    expect(spanish.message).not.toBe(english.message);
    expect(italian.message).not.toBe(english.message);
    expect(italian.message).not.toBe(spanish.message);
  });

  it("fall back to English when no language asked for has a dictionary, or none is asked for", async ({ expect }) => {
    const english = (await notFoundIn("en")).message;
    expect((await notFoundIn("xx, zz;q=0.5")).message).toBe(english);
    expect((await notFoundIn()).message).toBe(english);
  });

  it("name each refused field in that language", async ({ expect }) => {
    const ask = async (language: string) => {
      const response = await callApi("/api/responses", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": language },
        body: JSON.stringify({ comments: [{ paragraph: "general", text: "" }] }),
      });
      return ((await response.json()) as ErrorBody).error.fields?.["comments.0.text"];
    };
    const [english, spanish] = await Promise.all([ask("en"), ask("es")]);
    expect(english).toBe("Enter your comment.");
    expect(spanish).toBeTruthy();
    expect(spanish).not.toBe(english);
  });
});
