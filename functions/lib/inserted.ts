/**
 * "The row just inserted", one way everywhere. The INSERT itself answers with
 * `RETURNING id` for the caller; a later statement of the same batch names
 * the row as `insertedId(table)`. A batch is one transaction and a new row
 * takes the next id above the highest, so within the batch that row is the
 * table's highest id (last_insert_rowid() would change with the next INSERT,
 * the audit entry's included).
 */
export type InsertedTable = "themes" | "kiosks" | "feedback_entries" | "erasures" | "kiosk_refused_reports" | "duplicate_groups";

export const insertedId = (table: InsertedTable): string => `(SELECT max(id) FROM ${table})`;
