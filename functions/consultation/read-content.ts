/** Reads content/ from disk, for the build check and the authors' lock command (Node only). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_PATHS, type ContentSources } from "./content.ts";

export function readContentSources(root: string): ContentSources {
  const read = (file: string) => ({ file, text: readFileSync(join(root, file), "utf8") });
  const draftFiles = readdirSync(join(root, CONTENT_PATHS.draftDirectory))
    .filter((name) => name.endsWith(".md"))
    .map((name) => read(`${CONTENT_PATHS.draftDirectory}/${name}`));
  return { settings: read(CONTENT_PATHS.settings), draft: draftFiles, lock: read(CONTENT_PATHS.lock) };
}
