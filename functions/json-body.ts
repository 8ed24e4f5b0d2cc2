/** Reads a request body as JSON; broken JSON is the same 400 on every route. */
import { ApiError } from "./errors.ts";

export async function parseJsonBody(request: { text(): Promise<string> }): Promise<unknown> {
  try {
    return JSON.parse(await request.text());
  } catch {
    throw new ApiError(400, "malformed_json", "error.malformed_json");
  }
}
