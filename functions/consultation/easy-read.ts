/**
 * The easy-read version of the draft: content/easy-read/<language>.md.
 *
 *     # Our plan for homes: easy read
 *
 *     ## Sleeping outside
 *
 *     picture: bed | A bed with a pillow
 *     paragraph: rough-sleeping-2
 *     Nobody should have to sleep outside.
 *     Our team will come and see you within 1 day.
 *
 * A level-1 heading is the title; level-2 headings start parts. Each idea is
 * a block of lines with a blank line after it: its picture (a file of
 * src/pictures, and what the picture shows, for people who cannot see it),
 * optionally the paragraph of the draft it is about (so the page can offer to
 * comment on it), and then short sentences, one per line.
 */
import { LIMITS } from "../limits.ts";
import { ContentError } from "./content-error.ts";
import type { SourceFile } from "./draft.ts";

export interface EasyReadIdea {
  picture: { name: string; alt: string };
  /** The id of the draft paragraph this idea is about, when it is about one. */
  paragraph?: string;
  sentences: string[];
}

export interface EasyReadPart {
  /** Absent for the ideas before the first level-2 heading. */
  heading?: string;
  ideas: EasyReadIdea[];
}

export interface EasyRead {
  language: string;
  title: string;
  parts: EasyReadPart[];
}

export interface EasyReadRules {
  /** Language codes the portal speaks: the file names allowed. */
  languages: ReadonlySet<string>;
  /** Picture names available in src/pictures. */
  pictures: ReadonlySet<string>;
  /** Whether the draft has a paragraph with this id. */
  isParagraph: (id: string) => boolean;
}

export const EASY_READ_DIRECTORY = "content/easy-read";

const words = (line: string) => line.split(/\s+/).filter(Boolean).length;

/** Reads one easy-read file, or throws a ContentError listing every problem with its line number. */
export function parseEasyRead(source: SourceFile, rules: EasyReadRules): EasyRead {
  const problems: string[] = [];
  const language = /([^/]+)\.md$/.exec(source.file)?.[1] ?? "";
  if (!rules.languages.has(language)) {
    problems.push(`the file name must be a language code the portal speaks (${[...rules.languages].join(", ")}), then .md`);
  }

  const lines = source.text.replace(/\r\n?/g, "\n").split("\n");
  let title = "";
  const parts: EasyReadPart[] = [];
  let idea: { start: number; lines: { number: number; text: string }[] } | undefined;

  const part = () => {
    if (parts.length === 0) parts.push({ ideas: [] });
    return parts.at(-1)!;
  };
  const finishIdea = () => {
    if (!idea) return;
    const parsed = parseIdea(idea.start, idea.lines, rules, problems);
    if (parsed) part().ideas.push(parsed);
    idea = undefined;
  };

  lines.forEach((raw, index) => {
    const number = index + 1;
    const text = raw.trim();
    if (text === "") return finishIdea();
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading) {
      finishIdea();
      if (heading[1] === "#" && !title && parts.length === 0) title = heading[2]!.trim();
      else if (heading[1] === "##" && title) parts.push({ heading: heading[2]!.trim(), ideas: [] });
      else problems.push(`line ${number}: only one level-1 heading (the title, first) and level-2 headings are used`);
      return;
    }
    if (!title) {
      problems.push(`line ${number}: the file must start with its title as a level-1 heading ("# …")`);
      title = "(no title)";
    }
    idea ??= { start: number, lines: [] };
    idea.lines.push({ number, text });
  });
  finishIdea();

  if (!title) problems.push("the file is empty: it needs a title and at least one idea");
  for (const { heading, ideas } of parts) {
    if (heading && ideas.length === 0) problems.push(`the part "${heading}" has no ideas under it`);
  }
  if (problems.length > 0) throw new ContentError(source.file, problems);
  return { language, title, parts: parts.filter((candidate) => candidate.ideas.length > 0) };
}

function parseIdea(start: number, lines: { number: number; text: string }[], rules: EasyReadRules, problems: string[]): EasyReadIdea | undefined {
  let picture: EasyReadIdea["picture"] | undefined;
  let paragraph: string | undefined;
  const sentences: string[] = [];
  const before = problems.length;

  for (const { number, text } of lines) {
    const field = /^(picture|paragraph):\s*(.*)$/i.exec(text);
    if (field && sentences.length === 0) {
      const [, name, value] = field as unknown as [string, string, string];
      if (name.toLowerCase() === "picture") {
        const [file = "", alt = ""] = value.split("|").map((piece) => piece.trim());
        if (!rules.pictures.has(file)) {
          problems.push(`line ${number}: there is no picture "${file}"; the pictures are ${[...rules.pictures].sort().join(", ")} (src/pictures)`);
        }
        if (!alt) problems.push(`line ${number}: say what the picture shows after a "|", for people who cannot see it`);
        picture = { name: file, alt };
      } else {
        if (!rules.isParagraph(value)) problems.push(`line ${number}: the draft has no paragraph "${value}"`);
        paragraph = value;
      }
      continue;
    }
    const count = words(text);
    if (count > LIMITS.easyReadWordsPerLine) {
      problems.push(`line ${number}: ${count} words; easy read keeps to ${LIMITS.easyReadWordsPerLine} words a line, so split it`);
    }
    sentences.push(text);
  }

  if (!picture) problems.push(`line ${start}: each idea starts with its picture ("picture: home | A house")`);
  if (sentences.length === 0) problems.push(`line ${start}: the idea has a picture but no words`);
  if (problems.length > before) return undefined;
  return { picture: picture!, ...(paragraph && { paragraph }), sentences };
}
