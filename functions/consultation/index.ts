/**
 * The consultation as the running site sees it: content/ bundled at build
 * time and validated once when the module loads.
 */
import { loadContent } from "./content.ts";

const draftFiles = import.meta.glob("../../content/draft/*.md", { query: "?raw", import: "default", eager: true });
const settingsFile = import.meta.glob("../../content/consultation.json", { query: "?raw", import: "default", eager: true });
const lockFile = import.meta.glob("../../content/paragraphs.lock.json", { query: "?raw", import: "default", eager: true });

const asSource = ([path, text]: [string, unknown]) => ({ file: path.replace(/^(\.\.\/)+/, ""), text: text as string });
const only = (files: Record<string, unknown>) => asSource(Object.entries(files)[0]!);

export const content = loadContent({
  settings: only(settingsFile),
  draft: Object.entries(draftFiles).map(asSource),
  lock: only(lockFile),
});

export const { settings, draft, lock } = content;
