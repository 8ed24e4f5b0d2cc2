/**
 * How long public answers built from D1 (the feedback log, its open data,
 * published comments) may be kept by browsers and shared caches: a minute,
 * so publishing shows within a minute and needs no rebuild.
 */
export const LIVE_PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=60";
