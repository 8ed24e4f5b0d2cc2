/** The Worker's bindings and variables, as wrangler.toml and .dev.vars provide them. */
export interface Env {
  DB: D1Database;
  /** ISO 8601 instants with an offset; they override content/consultation.json. */
  OPENS_AT?: string;
  CLOSES_AT?: string;
  ADMIN_TOKEN?: string;
  RATE_LIMITS?: string;
}

export type AppEnv = { Bindings: Env; Variables: { language: string } };
