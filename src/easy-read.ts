/**
 * The easy-read versions content/ provides (content/easy-read/<language>.md),
 * checked against the draft and the pictures when the build loads them, and
 * the pictures themselves (src/pictures/*.svg), drawn in the text colour so
 * they follow the reader's colours and high-contrast settings.
 */
import { draft } from "../functions/consultation/index.ts";
import { parseEasyRead, type EasyRead } from "../functions/consultation/easy-read.ts";
import { languages } from "../functions/i18n/index.ts";

const pictureFiles = import.meta.glob<string>("./pictures/*.svg", { query: "?raw", import: "default", eager: true });
const easyReadFiles = import.meta.glob<string>("@content/easy-read/*.md", { query: "?raw", import: "default", eager: true });

/** Each picture's SVG by name ("bed" for src/pictures/bed.svg). */
export const pictures: ReadonlyMap<string, string> = new Map(
  Object.entries(pictureFiles).map(([path, svg]) => [/([^/]+)\.svg$/.exec(path)![1]!, svg]),
);

/** The easy-read version in each language content/ provides it in. */
export const easyReads: ReadonlyMap<string, EasyRead> = new Map(
  Object.entries(easyReadFiles).map(([path, text]) => {
    const easyRead = parseEasyRead(
      { file: `content/easy-read/${path.replace(/^.*\//, "")}`, text },
      { languages: new Set(languages.keys()), pictures: new Set(pictures.keys()), isParagraph: (id) => draft.paragraphs.has(id) },
    );
    return [easyRead.language, easyRead] as const;
  }),
);
