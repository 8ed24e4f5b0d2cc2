/**
 * The officers' desk: everything officer pages read and do, for one
 * signed-in officer. It is the only way a page reaches officer data (pages
 * never hold the database), and it refuses to open without an officer, so a
 * page that a gate failed to guard, or that forgot to ask, shows nothing.
 * Writes are the same domain functions the officers' API calls, each
 * recorded in the audit log under this officer.
 */
import { currentPeriod } from "../consultation/index.ts";
import { listFeedback, findFeedback } from "../feedback/entries.ts";
import { publication, setResponsesPublished } from "../feedback/published-comments.ts";
import { answerComments, createFeedback, unanswerComment, updateFeedback } from "../feedback/store.ts";
import { unansweredCounts } from "../feedback/unanswered.ts";
import { issueKiosk, issueSetupCode, listKiosks, revokeKiosk } from "../kiosks/kiosks.ts";
import { issueStaffCode, listStaffCodes, revokeStaffCode } from "../kiosks/staff-codes.ts";
import { correctEnteredSheet, enterSheet } from "../paper/entering.ts";
import { findSheet } from "../paper/sheets.ts";
import { issueForPaper } from "../responses/issued.ts";
import type { Officer } from "./auth/officer.ts";
import { listAudit } from "./audit.ts";
import { confirmCampaign, findGroup, listGroups, splitGroup } from "../duplicates/groups.ts";
import { groupMembers } from "../duplicates/members.ts";
import { confirmedCampaigns } from "../duplicates/campaigns.ts";
import { countComments, findComment, listComments } from "./comments.ts";
import { overview } from "./overview.ts";
import { consultationReport } from "./report.ts";
import { themeFigures } from "./theme-figures.ts";
import { retentionFigures } from "../privacy/schedule.ts";
import { erasurePreview, eraseResponse } from "../privacy/erasure.ts";
import { hideComment, redactComment, unhideComment } from "./moderation.ts";
import { markReading } from "./reading.ts";
import { asSeenBy, type CommentFilters } from "./filters.ts";
import { assignComment, assignParagraph, paragraphAssignments } from "./assignments.ts";
import { addNote, deleteNote, listNotes } from "./notes.ts";
import { listOfficers } from "./team.ts";
import { listRefusedReports, resolveRefusedReport } from "../kiosks/refused-reports.ts";
import { createTheme, listThemes, paragraphCounts, removeTheme, renameTheme, setCommentThemes } from "./themes.ts";
import { actOnComments, matchingComments } from "./bulk.ts";
import { discardGrouping, suggestGroupings } from "./suggestions/suggestions.ts";

/** Thrown when officer data is asked for without a signed-in officer. */
export class OfficerRequired extends Error {
  constructor() {
    super("officer data was asked for without a signed-in officer");
    this.name = "OfficerRequired";
  }
}

type DatabaseQuery = (db: D1Database, ...args: never[]) => unknown;
type Bound<Query> = Query extends (db: D1Database, ...args: infer Args) => infer Result ? (...args: Args) => Result : never;
type OfficerAction = (db: D1Database, officer: Officer, ...args: never[]) => unknown;
type AsOfficer<Action> = Action extends (db: D1Database, officer: Officer, ...args: infer Args) => infer Result ? (...args: Args) => Result : never;

export type OfficerDesk = ReturnType<typeof officerDesk>;

type DeskSettings = Env;

export function officerDesk(env: DeskSettings, officer: Officer | undefined) {
  if (!officer) throw new OfficerRequired();
  const db = env.DB;
  const bound = <Query extends DatabaseQuery>(query: Query) => ((...args: never[]) => query(db, ...args)) as Bound<Query>;
  const asOfficer = <Action extends OfficerAction>(action: Action) => ((...args: never[]) => action(db, officer, ...args)) as AsOfficer<Action>;
  return {
    officer,
    /** The filters' "me" is this officer. */
    listComments: (filters: CommentFilters, page?: Parameters<typeof listComments>[2]) => listComments(db, asSeenBy(filters, officer.name), page),
    countComments: (filters: CommentFilters) => countComments(db, asSeenBy(filters, officer.name)),
    findComment: bound(findComment),
    listThemes: bound(listThemes),
    paragraphCounts: bound(paragraphCounts),
    themeFigures: bound(themeFigures),
    listAudit: bound(listAudit),
    listDuplicateGroups: bound(listGroups),
    findDuplicateGroup: bound(findGroup),
    duplicateGroupMembers: bound(groupMembers),
    listKiosks: bound(listKiosks),
    listStaffCodes: bound(listStaffCodes),
    findSheet: bound(findSheet),
    erasurePreview: bound(erasurePreview),
    listFeedback: bound(listFeedback),
    findFeedback: bound(findFeedback),
    unansweredCounts: bound(unansweredCounts),
    publication: bound(publication),
    listOfficers: bound(listOfficers),
    paragraphAssignments: bound(paragraphAssignments),
    listNotes: bound(listNotes),
    listRefusedReports: bound(listRefusedReports),
    suggestGroupings: bound(suggestGroupings),
    matchingComments: bound(matchingComments),
    /** The overview's figures, when the retention job deletes and what, and the confirmed campaigns, one item each. */
    overview: async () => {
      const [counts, retention, campaigns] = await Promise.all([overview(db, currentPeriod(env)), retentionFigures(db, env), confirmedCampaigns(db)]);
      return { ...counts, retention, campaigns };
    },
    report: () => consultationReport(db, currentPeriod(env)),

    confirmCampaign: asOfficer(confirmCampaign),
    splitDuplicateGroup: asOfficer(splitGroup),
    createTheme: asOfficer(createTheme),
    renameTheme: asOfficer(renameTheme),
    removeTheme: asOfficer(removeTheme),
    setCommentThemes: asOfficer(setCommentThemes),
    hideComment: asOfficer(hideComment),
    unhideComment: asOfficer(unhideComment),
    redactComment: asOfficer(redactComment),
    markReading: asOfficer(markReading),
    assignComment: asOfficer(assignComment),
    assignParagraph: asOfficer(assignParagraph),
    addNote: asOfficer(addNote),
    deleteNote: asOfficer(deleteNote),
    resolveRefusedReport: asOfficer(resolveRefusedReport),
    actOnComments: asOfficer(actOnComments),
    discardGrouping: asOfficer(discardGrouping),
    createFeedback: asOfficer(createFeedback),
    updateFeedback: asOfficer(updateFeedback),
    answerComments: asOfficer(answerComments),
    unanswerComment: asOfficer(unanswerComment),
    setResponsesPublished: asOfficer(setResponsesPublished),
    issueKiosk: asOfficer(issueKiosk),
    revokeKiosk: asOfficer(revokeKiosk),
    issueSetupCode: asOfficer(issueSetupCode),
    issueStaffCode: asOfficer(issueStaffCode),
    revokeStaffCode: asOfficer(revokeStaffCode),
    issueForPaper: asOfficer(issueForPaper),
    eraseResponse: asOfficer(eraseResponse),
    enterSheet: (sheet: Parameters<typeof enterSheet>[1]) => enterSheet(env, sheet, officer),
    correctSheet: (reference: string, sheet: Parameters<typeof correctEnteredSheet>[2]) => correctEnteredSheet(env, reference, sheet, officer),
  };
}
