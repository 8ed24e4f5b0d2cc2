/** Clients for the load and fault tests: many people sending at once, each retrying with their own key. */
import type { Site } from "../e2e/harness.ts";

/** Words in many scripts and shapes, which must come back from the export exactly as sent. */
const SAMPLES = [
  "More outreach at night, please.",
  "রাতে আরও সাহায্য দরকার।",
  "نحتاج إلى مزيد من المساعدة في الليل",
  "夜间需要更多帮助。",
  "Line one\nLine two\twith a tab",
  'Quotes " and commas, and =SUM(A1) stay as written',
  "Emoji 🏠🛏️ and a family 👨‍👩‍👧",
];

export interface Job {
  key: string;
  text: string;
  body: string;
  /** The receipt, once the server has acknowledged the response. */
  reference?: string;
  statuses: number[];
}

export function jobs(count: number, label: string): Job[] {
  return Array.from({ length: count }, (_, index) => {
    const text = `${label} ${index}: ${SAMPLES[index % SAMPLES.length]}`;
    return { key: `${label}-${Date.now()}-${index}`, text, body: JSON.stringify({ comments: [{ paragraph: "general", text }] }), statuses: [] };
  });
}

/** One attempt: the status (and receipt when stored), or undefined when the connection failed. */
export async function send(site: Site, job: Job): Promise<number | undefined> {
  try {
    const response = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": job.key },
      body: job.body,
      signal: AbortSignal.timeout(20_000),
    });
    const answer = (await response.json()) as { reference?: string };
    job.statuses.push(response.status);
    if (response.status === 200 || response.status === 201) job.reference = answer.reference;
    return response.status;
  } catch {
    return undefined;
  }
}

/** Sends every job from `clients` clients at once, each taking the next job when done with its last. */
export async function sendAll(site: Site, all: Job[], clients: number, onEach?: (sent: number) => void): Promise<void> {
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < all.length) {
        const job = all[next++]!;
        await send(site, job);
        onEach?.(++sent);
      }
    }),
  );
}

/** Retries every job without a receipt, with its own key, until the server acknowledges it (bounded). */
export async function retryUntilAcknowledged(site: Site, all: Job[], clients: number, rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const waiting = all.filter((job) => !job.reference);
    if (waiting.length === 0) return;
    await sendAll(site, waiting, clients);
    if (all.some((job) => !job.reference)) await new Promise((resolve) => setTimeout(resolve, 250 * (round + 1)));
  }
}

export interface ExportedRow {
  reference: string;
  commentText: string;
  receivedAt: string;
}

/** Every stored comment, as the officers' NDJSON export gives it. */
export async function exported(site: Site, adminToken: string): Promise<ExportedRow[]> {
  const response = await fetch(`${site.url}/api/admin/export?format=ndjson`, { headers: { Authorization: `Bearer ${adminToken}` } });
  if (!response.ok) throw new Error(`the export answered ${response.status}`);
  const text = await response.text();
  return text.trim() ? text.trim().split("\n").map((line) => JSON.parse(line) as ExportedRow) : [];
}
