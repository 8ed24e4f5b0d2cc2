/** The Worker's bindings and variables, as wrangler.toml and .dev.vars provide them. */
export interface Env {
  DB: D1Database;
  /** ISO 8601 instants with an offset; they override content/consultation.json. */
  OPENS_AT?: string;
  CLOSES_AT?: string;
  ADMIN_TOKEN?: string;
  /** Cloudflare Access in front of /admin: the team domain (such as "eastbrook.cloudflareaccess.com") and the application's audience tag. */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  /** "off" turns per-client rate limiting off (local load tests only). */
  RATE_LIMITS?: string;
  SUBMIT_LIMITER: RateLimit;
  LOOKUP_LIMITER: RateLimit;
  /** Salt for the client fingerprints used as rate-limit keys; set a secret one in production. */
  RATE_LIMIT_SALT?: string;
  /** With both set, forms show a Turnstile challenge and the API checks its token. */
  TURNSTILE_SECRET?: string;
  TURNSTILE_SITE_KEY?: string;
}

export type AppEnv = { Bindings: Env; Variables: { language: string } };
