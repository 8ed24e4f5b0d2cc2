declare namespace App {
  interface Locals {
    /** Set by src/fetch.ts when a plain form post was refused: the form is shown again with the person's words. */
    commentForm?: {
      status: number;
      values: import("../functions/consultation/response-form.ts").FormValues;
      error: { code: string; message: string; fields?: Record<string, string> };
    };
  }
}
