/** Reading one cookie from a request's Cookie header. */

/** The raw value of the cookie called `name`, or undefined when the header has none. */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
