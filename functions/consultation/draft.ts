/**
 * Parses the draft's markdown (one file per section) into numbered
 * paragraphs with stable ids, and renders it to HTML with marked.
 */
import { Marked, Lexer, type Token, type Tokens } from "marked";
import { ContentError } from "./content-error.ts";
import { assignedParagraphId, isWellFormedParagraphId, paragraphNumber, GENERAL } from "./paragraph-id.ts";

export interface SourceFile {
  /** The path shown to authors in error messages, such as "content/draft/03-rough-sleeping.md". */
  file: string;
  text: string;
}

export interface DraftParagraph {
  id: string;
  /** The number people see, such as "3.2". */
  number: string;
  sectionNumber: number;
  /** The paragraph's markdown, without any explicit id. */
  markdown: string;
  /** Whether the author gave the id in the markdown. */
  explicitId: boolean;
}

export interface DraftSection {
  number: number;
  slug: string;
  title: string;
  file: string;
  paragraphs: DraftParagraph[];
  /** The section's body as marked tokens, for rendering. */
  tokens: Token[];
}

export interface Draft {
  sections: DraftSection[];
  paragraphs: Map<string, DraftParagraph>;
}

const SECTION_FILE = /(?:^|\/)(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const EXPLICIT_ID = /\s*\{#([^}\s]*)\}\s*$/;

/** Marks which top-level tokens are commentable paragraphs, for the renderer. */
const paragraphOfToken = new WeakMap<Token, DraftParagraph>();

export function parseSection(source: SourceFile): DraftSection {
  const problems: string[] = [];
  const name = SECTION_FILE.exec(source.file);
  if (!name) {
    throw new ContentError(source.file, ['the file name must look like "03-rough-sleeping.md": a two-digit section number and a slug']);
  }
  const number = Number(name[1]);
  const slug = name[2]!;
  const tokens = new Lexer().lex(source.text.replace(/\r\n?/g, "\n"));
  const body = tokens.filter((token) => token.type !== "space");
  const heading = body.shift();
  if (heading?.type !== "heading" || (heading as Tokens.Heading).depth !== 1) {
    throw new ContentError(source.file, ['the first line must be the section title as a level-1 heading, such as "# Ending rough sleeping"']);
  }

  const paragraphs: DraftParagraph[] = [];
  for (const token of body) {
    if (token.type === "heading" && (token as Tokens.Heading).depth === 1) {
      problems.push(`only the first line may be a level-1 heading; "${(token as Tokens.Heading).text}" is a second one`);
    }
    if (token.type !== "paragraph") continue;
    const paragraph = token as Tokens.Paragraph;
    const position = paragraphs.length + 1;
    const explicit = EXPLICIT_ID.exec(paragraph.text);
    let id = assignedParagraphId(slug, position);
    if (explicit) {
      id = explicit[1]!;
      if (!isWellFormedParagraphId(id)) {
        problems.push(
          `paragraph ${paragraphNumber(number, position)} has the id "${id}", but an id must be 2 to 64 lowercase letters, digits and single hyphens, and not "${GENERAL}"`,
        );
      }
      paragraph.text = paragraph.text.replace(EXPLICIT_ID, "");
      paragraph.tokens = new Lexer().inlineTokens(paragraph.text);
    }
    const draftParagraph: DraftParagraph = {
      id,
      number: paragraphNumber(number, position),
      sectionNumber: number,
      markdown: paragraph.text.trim(),
      explicitId: Boolean(explicit),
    };
    paragraphOfToken.set(token, draftParagraph);
    paragraphs.push(draftParagraph);
  }
  if (paragraphs.length === 0) problems.push("the section has no paragraphs");
  if (problems.length > 0) throw new ContentError(source.file, problems);
  return { number, slug, title: (heading as Tokens.Heading).text.trim(), file: source.file, paragraphs, tokens: body };
}

/**
 * Parses every section file of a folder ("content/draft", "content/final"),
 * in file order. Paragraphs without an explicit id get `<slug>-<position>`
 * for now: the lock (or, for the final version, the draft) gives them
 * their real ids before `indexParagraphs` checks that each id is used once.
 */
export function parseSectionFiles(sources: SourceFile[], directory: string): DraftSection[] {
  if (sources.length === 0) throw new ContentError(directory, ["there are no section files"]);
  const sections = [...sources].sort((a, b) => a.file.localeCompare(b.file)).map(parseSection);
  const seenNumbers = new Map<number, string>();
  for (const section of sections) {
    const clash = seenNumbers.get(section.number);
    if (clash) throw new ContentError(section.file, [`section number ${section.number} is also used by ${clash}`]);
    seenNumbers.set(section.number, section.file);
  }
  return sections;
}

/** The draft's section files, parsed; the lock gives paragraphs without an explicit id their ids. */
export function parseDraftSections(sources: SourceFile[]): DraftSection[] {
  return parseSectionFiles(sources, "content/draft");
}

/** The sections' paragraphs by id (those `include` takes); an id used twice throws a ContentError naming the file. */
export function indexParagraphs(sections: DraftSection[], include: (paragraph: DraftParagraph) => boolean = () => true): Draft {
  const paragraphs = new Map<string, DraftParagraph>();
  for (const section of sections) {
    for (const paragraph of section.paragraphs.filter(include)) {
      const twin = paragraphs.get(paragraph.id);
      if (twin) {
        throw new ContentError(section.file, [
          `paragraph ${paragraph.number} has the id "${paragraph.id}", which paragraph ${twin.number} already uses: give one of them another id with {#new-id}`,
        ]);
      }
      paragraphs.set(paragraph.id, paragraph);
    }
  }
  return { sections, paragraphs };
}


export interface RenderLabels {
  /** The link under each paragraph: to comment on it in the draft, to what changed in the final version. */
  paragraphLink(paragraph: DraftParagraph): { href: string; text: string };
  /** The accessible name of a paragraph's number, such as "Paragraph 3.2". */
  paragraphLabel(paragraph: DraftParagraph): string;
  /** Draft paragraphs take comments: they carry `data-paragraph` for the comment form. */
  commentable: boolean;
  /** The page's language, when the section is shown in another one (English on a Spanish page): the numbers' names and the links are marked with it. */
  interfaceLanguage?: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Renders a section's body. Each paragraph carries its id, its visible
 * number and its link; a commentable one also carries `data-paragraph`, and
 * its link to comment is marked `data-commenting`, so it can be taken away
 * while comments are not taken.
 */
export function renderSection(section: DraftSection, labels: RenderLabels): string {
  const marked = new Marked({
    renderer: {
      paragraph(token) {
        const paragraph = paragraphOfToken.get(token);
        const inner = this.parser.parseInline(token.tokens);
        if (!paragraph) return `<p>${inner}</p>\n`;
        const id = escapeAttribute(paragraph.id);
        const link = labels.paragraphLink(paragraph);
        const lang = labels.interfaceLanguage ? ` lang="${escapeAttribute(labels.interfaceLanguage)}"` : "";
        return (
          `<div class="paragraph" id="${id}"${labels.commentable ? ` data-paragraph="${id}"` : ""}>` +
          `<a class="paragraph-number" href="#${id}" aria-label="${escapeAttribute(labels.paragraphLabel(paragraph))}"${lang}>${paragraph.number}</a>` +
          `<p>${inner}</p>` +
          (labels.commentable
            ? `<p class="paragraph-comment" data-commenting${lang}><a href="${escapeAttribute(link.href)}">${link.text}</a></p>`
            : `<p class="paragraph-link"${lang}><a href="${escapeAttribute(link.href)}">${link.text}</a></p>`) +
          `</div>\n`
        );
      },
      html() {
        // Raw HTML in the draft is not rendered: the content is text, not markup.
        return "";
      },
    },
  });
  return marked.parser(section.tokens) as string;
}

/** Renders a paragraph's own words as inline HTML, for showing it above a comment box. */
export function renderParagraphInline(paragraph: DraftParagraph): string {
  return new Marked({ renderer: { html: () => "" } }).parseInline(paragraph.markdown) as string;
}

/** Renders a whole markdown page (such as the privacy notice) below the page's own h1. */
export function renderPage(source: SourceFile): { title: string; html: string } {
  const tokens = new Lexer().lex(source.text.replace(/\r\n?/g, "\n")).filter((token) => token.type !== "space");
  const heading = tokens.shift();
  if (heading?.type !== "heading" || (heading as Tokens.Heading).depth !== 1) {
    throw new ContentError(source.file, ["the first line must be the page title as a level-1 heading"]);
  }
  const html = new Marked({ renderer: { html: () => "" } }).parser(tokens) as string;
  return { title: (heading as Tokens.Heading).text.trim(), html };
}
