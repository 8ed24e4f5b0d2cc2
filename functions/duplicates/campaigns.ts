/**
 * Confirmed campaigns as the overview and the report count them: one item
 * each, with how many comments it holds and, where the quoting rule allows
 * (feedback/quotes.ts), the opening words of its first comment.
 */
import { COMMENT_IS_PUBLIC, quoteProblem } from "../feedback/quotes.ts";
import { LIMITS } from "../limits.ts";

export interface Campaign {
  id: number;
  /** Comments in it: each one a person who sent it. */
  size: number;
  representativeId: number;
  /** The first comment's opening words, if it may be quoted; null otherwise. */
  excerpt: string | null;
}

/** SQL true for comment `c` when it is a later comment of a confirmed campaign: quoted once, through the campaign's first comment. */
export const IS_LATER_IN_A_CAMPAIGN = `EXISTS (
  SELECT 1 FROM comment_signatures s JOIN duplicate_groups g ON g.id = s.group_id AND g.confirmed_at IS NOT NULL
  JOIN comment_signatures o ON o.group_id = s.group_id AND o.comment_id < s.comment_id
  WHERE s.comment_id = c.id)`;

/** Up to the quote length, cut at a word: words that stand in the text, as a quote's must. */
function openingWords(text: string): string {
  if (text.length <= LIMITS.quoteLength) return text;
  const cut = text.slice(0, LIMITS.quoteLength);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : cut).trimEnd();
}

/** Every confirmed campaign of two comments or more, largest first. */
export async function confirmedCampaigns(db: D1Database): Promise<Campaign[]> {
  const { results } = await db
    .prepare(
      `SELECT m.group_id AS id, m.size, c.id AS first_id, c.text, c.status, r.publish_consent, ${COMMENT_IS_PUBLIC} AS public
       FROM (SELECT s.group_id, count(*) AS size, min(s.comment_id) AS first_id
             FROM comment_signatures s JOIN duplicate_groups g ON g.id = s.group_id
             WHERE g.confirmed_at IS NOT NULL GROUP BY s.group_id HAVING count(*) >= 2) m
       JOIN comments c ON c.id = m.first_id JOIN responses r ON r.id = c.response_id
       ORDER BY m.size DESC, m.group_id`,
    )
    .all<{ id: number; size: number; first_id: number; text: string; status: "received" | "hidden"; publish_consent: number; public: number }>();
  return results.map((row) => {
    const excerpt = openingWords(row.text);
    const quotable = row.public === 1 && !quoteProblem({ id: row.first_id, text: row.text, status: row.status, publishConsent: row.publish_consent === 1 }, excerpt);
    return { id: row.id, size: row.size, representativeId: row.first_id, excerpt: quotable ? excerpt : null };
  });
}
