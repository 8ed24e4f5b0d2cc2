/** Reads content/ from disk, for the build check and the authors' lock command (Node only). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_PATHS, type ContentSources } from "./content.ts";

export function readContentSources(root: string): ContentSources {
  const read = (file: string) => ({ file, text: readFileSync(join(root, file), "utf8") });
  const sections = (directory: string) =>
    existsSync(join(root, directory))
      ? readdirSync(join(root, directory))
          .filter((name) => name.endsWith(".md"))
          .map((name) => read(`${directory}/${name}`))
      : [];
  const translations = existsSync(join(root, CONTENT_PATHS.draftDirectory))
    ? readdirSync(join(root, CONTENT_PATHS.draftDirectory), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) => sections(`${CONTENT_PATHS.draftDirectory}/${entry.name}`))
    : [];
  const removed = existsSync(join(root, CONTENT_PATHS.finalRemoved)) ? read(CONTENT_PATHS.finalRemoved) : undefined;
  return {
    settings: read(CONTENT_PATHS.settings),
    draft: sections(CONTENT_PATHS.draftDirectory),
    lock: read(CONTENT_PATHS.lock),
    final: { sections: sections(CONTENT_PATHS.finalDirectory), removed },
    translations,
  };
}
