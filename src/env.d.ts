/** The stylesheets pages carry inline, and their hashes for the security policy (scripts/inline-styles.ts). */
declare module "virtual:inline-styles" {
  export const css: Readonly<Record<string, string>>;
  export const hashes: readonly string[];
}

/** The commenting script's loader, which pages carry inline, and its hash for the security policy (scripts/inline-scripts.ts). */
declare module "virtual:inline-scripts" {
  export const commentLoader: string;
  export const hashes: readonly string[];
}

declare namespace App {
  interface Locals {
    /** Set by src/server/form-again.ts when a plain form post was refused: the form is shown again with the person's words. */
    commentForm?: {
      status: number;
      values: import("../functions/responses/form.ts").FormValues;
      error: { code: string; message: string; fields?: Record<string, string> };
    };
    /** The language of a page rendered away from its own address (the error page); otherwise its address says it (src/site.ts). */
    language?: string;
    /** Set by the officer gate (src/server/officer-gate.ts) on every /admin page: who is signed in. */
    officer?: import("../functions/officers/auth/officer.ts").Officer;
    /** Set by the officer gate when signing in was refused: why, by field, and the name typed. */
    signIn?: { errors: Record<string, string>; name: string };
  }
}
