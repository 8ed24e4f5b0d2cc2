/**
 * How long a build takes: for the shipped consultation, and for a generated
 * draft of 1,000 paragraphs (20 sections of 50), to show how the build grows
 * with the size of a strategy.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseDraftSections } from "../functions/consultation/draft.ts";
import { updateLock } from "../functions/consultation/lock.ts";

export interface BuildFigures {
  what: string;
  paragraphs: number;
  seconds: number;
}

function timeBuild(contentRoot: string, outDir: string): number {
  const started = performance.now();
  const result = spawnSync("astro", ["build"], {
    env: { ...process.env, PORTAL_CONTENT_ROOT: contentRoot, PORTAL_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: "1", WRANGLER_SEND_METRICS: "false" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

/**
 * A consultation of its own, with a draft of `sections` × `perSection`
 * generated paragraphs: the shipped settings and longer pages, and nothing
 * that names the shipped draft's paragraphs (its final version, its
 * translations, its easy read), which the build would rightly refuse.
 */
function generateConsultation(root: string, sections: number, perSection: number): number {
  const draftFolder = join(root, "content", "draft");
  mkdirSync(draftFolder, { recursive: true });
  cpSync("content/consultation.json", join(root, "content", "consultation.json"));
  cpSync("content/pages", join(root, "content", "pages"), { recursive: true });
  const files = Array.from({ length: sections }, (_, s) => {
    const number = String(s + 1).padStart(2, "0");
    const paragraphs = Array.from(
      { length: perSection },
      (_, p) => `Paragraph ${p + 1} of section ${s + 1}: we will work with partners to prevent homelessness, and report each year on what changed.`,
    );
    const text = `# Generated section ${s + 1}\n\n${paragraphs.join("\n\n")}\n`;
    const file = `content/draft/${number}-section-${s + 1}.md`;
    writeFileSync(join(root, file), text);
    return { file, text };
  });
  const { lock } = updateLock(parseDraftSections(files), { paragraphs: {}, replacedBy: {} }, { revise: [], replace: {} });
  writeFileSync(join(root, "content", "paragraphs.lock.json"), JSON.stringify(lock));
  return sections * perSection;
}

export function measureBuildTimes(demoParagraphs: number): BuildFigures[] {
  const scratch = mkdtempSync(join(".wrangler", "bench-build-"));
  try {
    const demo = { what: "the shipped consultation", paragraphs: demoParagraphs, seconds: timeBuild(".", join(scratch, "out-demo")) };
    const paragraphs = generateConsultation(join(scratch, "large"), 20, 50);
    const large = { what: "a generated draft of 1,000 paragraphs", paragraphs, seconds: timeBuild(resolve(scratch, "large"), join(scratch, "out-large")) };
    console.log("\nBuild time");
    console.table([demo, large].map((row) => ({ what: row.what, paragraphs: row.paragraphs, seconds: row.seconds.toFixed(1) })));
    return [demo, large];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
