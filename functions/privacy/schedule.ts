/**
 * How long personal data is kept: the one rule the retention job, the
 * officers' overview and the privacy notice all read. Responses are kept for
 * RETENTION_DAYS (default 730) after the close, and never deleted while a
 * kiosk or paper grace period could still bring one in.
 */
import { currentPeriod } from "../consultation/index.ts";
import { closedFrom, GRACE_DEFAULTS, graceDays, type PeriodOverrides } from "../consultation/period.ts";

export const DEFAULT_RETENTION_DAYS = 730;

/** The Worker variables the schedule depends on. */
export interface RetentionSettings extends PeriodOverrides {
  RETENTION_DAYS?: string;
  KIOSK_GRACE_DAYS?: string;
  PAPER_GRACE_DAYS?: string;
}

export interface RetentionSchedule {
  /** Days after the close that responses are kept, as set. */
  days: number;
  /** The first instant the retention job deletes: the close plus the longest of the retention and grace periods. */
  deletesFrom: Date;
}

const DAY_MS = 86_400_000;

/** Throws a PeriodOverrideError naming the setting when a date or a number of days is set wrongly. */
export function retentionSchedule(settings: RetentionSettings): RetentionSchedule {
  const days = graceDays("RETENTION_DAYS", settings.RETENTION_DAYS, DEFAULT_RETENTION_DAYS);
  const kiosk = graceDays("KIOSK_GRACE_DAYS", settings.KIOSK_GRACE_DAYS, GRACE_DEFAULTS.KIOSK_GRACE_DAYS);
  const paper = graceDays("PAPER_GRACE_DAYS", settings.PAPER_GRACE_DAYS, GRACE_DEFAULTS.PAPER_GRACE_DAYS);
  const keptDays = Math.max(days, kiosk, paper);
  return { days, deletesFrom: new Date(closedFrom(currentPeriod(settings)) + keptDays * DAY_MS) };
}

/** What officers see ahead of time on the overview: when the job deletes, and how much is still to delete or was deleted. */
export interface RetentionFigures {
  days: number;
  deletesFrom: string;
  /** Whether the retention period is over (the job deletes on its next run, or has). */
  due: boolean;
  /** Comments whose words, and responses whose personal details, are still held. */
  pending: { comments: number; responses: number };
  /** Those the job has deleted. */
  deleted: { comments: number; responses: number };
  /** Responses erased at their authors' request, and the comments they held. */
  erased: { responses: number; comments: number };
}

export async function retentionFigures(db: D1Database, settings: RetentionSettings, now = new Date()): Promise<RetentionFigures> {
  const { days, deletesFrom } = retentionSchedule(settings);
  const row = await db
    .prepare(
      `SELECT (SELECT count(*) FROM comments WHERE words_deleted_at IS NULL) AS pending_comments,
              (SELECT count(*) FROM comments WHERE words_deleted_at IS NOT NULL) AS deleted_comments,
              (SELECT count(*) FROM responses WHERE personal_data_deleted_at IS NULL) AS pending_responses,
              (SELECT count(*) FROM responses WHERE personal_data_deleted_at IS NOT NULL) AS deleted_responses,
              (SELECT count(*) FROM erasures) AS erased_responses,
              (SELECT coalesce(sum(comments), 0) FROM erasures) AS erased_comments`,
    )
    .first<Record<string, number>>();
  return {
    days,
    deletesFrom: deletesFrom.toISOString(),
    due: now >= deletesFrom,
    pending: { comments: row!.pending_comments!, responses: row!.pending_responses! },
    deleted: { comments: row!.deleted_comments!, responses: row!.deleted_responses! },
    erased: { responses: row!.erased_responses!, comments: row!.erased_comments! },
  };
}
