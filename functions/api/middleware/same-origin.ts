/** Form posts must come from our own pages, never from another site. */
export function isCrossSite(request: Request): boolean {
  const fetchSite = request.headers.get("Sec-Fetch-Site");
  const origin = request.headers.get("Origin");
  return fetchSite === "cross-site" || fetchSite === "same-site" || (origin !== null && origin !== new URL(request.url).origin);
}
