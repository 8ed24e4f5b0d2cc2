/**
 * The officers' desk: everything officer pages read, for one signed-in
 * officer. It is the only way a page reaches officer data (pages never hold
 * the database), and it refuses to open without an officer, so a page that
 * a gate failed to guard, or that forgot to ask, shows nothing.
 */
import { currentPeriod } from "../consultation/index.ts";
import type { PeriodOverrides } from "../consultation/period.ts";
import { listFeedback, findFeedback } from "../feedback/entries.ts";
import { publication } from "../feedback/published-comments.ts";
import { unansweredCounts } from "../feedback/unanswered.ts";
import { listKiosks } from "../kiosks/kiosks.ts";
import { findSheet } from "../paper/sheets.ts";
import type { Officer } from "./auth/officer.ts";
import { listAudit } from "./audit.ts";
import { countComments, findComment, listComments } from "./comments.ts";
import { overview } from "./overview.ts";
import { consultationReport } from "./report.ts";
import { themeFigures } from "./theme-figures.ts";
import { listThemes, paragraphCounts } from "./themes.ts";

/** Thrown when officer data is asked for without a signed-in officer. */
export class OfficerRequired extends Error {
  constructor() {
    super("officer data was asked for without a signed-in officer");
    this.name = "OfficerRequired";
  }
}

type DatabaseQuery = (db: D1Database, ...args: never[]) => unknown;
type Bound<Query> = Query extends (db: D1Database, ...args: infer Args) => infer Result ? (...args: Args) => Result : never;

export type OfficerDesk = ReturnType<typeof officerDesk>;

export function officerDesk(env: { DB: D1Database } & PeriodOverrides, officer: Officer | undefined) {
  if (!officer) throw new OfficerRequired();
  const db = env.DB;
  const bound = <Query extends DatabaseQuery>(query: Query) => ((...args: never[]) => query(db, ...args)) as Bound<Query>;
  return {
    officer,
    listComments: bound(listComments),
    countComments: bound(countComments),
    findComment: bound(findComment),
    listThemes: bound(listThemes),
    paragraphCounts: bound(paragraphCounts),
    themeFigures: bound(themeFigures),
    listAudit: bound(listAudit),
    listKiosks: bound(listKiosks),
    findSheet: bound(findSheet),
    listFeedback: bound(listFeedback),
    findFeedback: bound(findFeedback),
    unansweredCounts: bound(unansweredCounts),
    publication: bound(publication),
    overview: () => overview(db, currentPeriod(env)),
    report: () => consultationReport(db, currentPeriod(env)),
  };
}
