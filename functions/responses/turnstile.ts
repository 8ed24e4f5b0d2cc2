/** Optional Turnstile challenge: on only when both its keys are configured. */

const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

export function turnstileEnabled(env: Partial<Pick<Env, "TURNSTILE_SECRET" | "TURNSTILE_SITE_KEY">>): boolean {
  return Boolean(env.TURNSTILE_SECRET && env.TURNSTILE_SITE_KEY);
}

export async function passesTurnstile(env: Env, token: string | undefined, request: Request): Promise<boolean> {
  if (!turnstileEnabled(env)) return true;
  if (!token) return false;
  const body = new URLSearchParams({ secret: env.TURNSTILE_SECRET!, response: token });
  const address = request.headers.get("CF-Connecting-IP");
  if (address) body.set("remoteip", address);
  try {
    const answer = await fetch(SITEVERIFY, { method: "POST", body });
    const outcome = (await answer.json()) as { success?: boolean };
    return outcome.success === true;
  } catch (error) {
    console.error("Turnstile could not be reached", error);
    return false;
  }
}
