import type { ZodSafeParseResult } from "zod";
/** A problem with the files in content/, named by file so an author can fix it. */
export class ContentError extends Error {
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`${file}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ContentError";
    this.file = file;
    this.problems = problems;
  }
}

/** Parses a JSON file of content/ against its schema, naming the file and each problem. */
export function parseJsonContent<T>(file: string, text: string, schema: { safeParse(value: unknown): ZodSafeParseResult<T> }): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContentError(file, [`is not valid JSON: ${(error as Error).message}`]);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ContentError(file, result.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`));
  }
  return result.data;
}
