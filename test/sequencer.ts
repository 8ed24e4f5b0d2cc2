/**
 * The order the suite's files start in. The three projects share one group of
 * worker slots, so a slot freed by one project's file is taken by the next
 * file of any project, and no project waits for another's last file. The
 * reliability files go first, whichever project runs them: they are long, and
 * left to the end they would run on alone. Then the end-to-end files, then
 * the workers files, which are short and fill the slots the others' last
 * files leave. Within each, Vitest's own order: the longest file first when a
 * previous run timed it, else the largest.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const rank = (spec: TestSpecification) => {
  if (spec.moduleId.includes("/test/reliability/")) return 0;
  return spec.project.name === "e2e" ? 1 : 2;
};

export default class SuiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
