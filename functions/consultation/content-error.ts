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
