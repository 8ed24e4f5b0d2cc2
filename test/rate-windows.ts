/**
 * The rate limiters count in windows aligned to the wall clock, as Miniflare
 * runs them for the tests (a 60-second window begins at every whole minute).
 * A test that counts requests up to a limit must not straddle a window's
 * edge, or the count starts again part-way and the limit is reached late or
 * not at all. This waits, when the next edge is too close, until the new
 * window has begun.
 */
export async function awayFromRateWindowEdge(seconds = 10, period = 60): Promise<void> {
  const left = period - ((Date.now() / 1000) % period);
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}
