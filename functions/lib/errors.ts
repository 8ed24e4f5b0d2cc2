/**
 * The one error the domain throws: what went wrong in the consultation's own
 * terms (not found, a conflict, invalid input, refused), with a dictionary key
 * for the message. The domain knows no HTTP; functions/api/errors.ts gives each
 * kind its status, and pages show it as they see fit.
 */
import type { MessageKey } from "../i18n/index.ts";

export type DomainErrorKind = "not_found" | "conflict" | "invalid" | "refused" | "gone";

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** A stable code for programs, such as "theme_exists". */
  readonly code: string;
  readonly messageKey: MessageKey;
  /** What is wrong with each field, by dictionary key. */
  readonly fieldKeys?: Record<string, MessageKey>;

  // Fields assigned in the body, not as parameter properties: scripts run this file with Node's own type stripping.
  constructor(kind: DomainErrorKind, code: string, messageKey: MessageKey, fieldKeys?: Record<string, MessageKey>) {
    super(code);
    this.name = "DomainError";
    this.kind = kind;
    this.code = code;
    this.messageKey = messageKey;
    this.fieldKeys = fieldKeys;
  }
}

/** Nothing by that id or reference. */
export const notFound = (messageKey: MessageKey = "error.not_found", code = "not_found") => new DomainError("not_found", code, messageKey);

/** It exists, but its state forbids this (a name taken, a last comment, a revoked kiosk). */
export const conflict = (code: string, messageKey: MessageKey) => new DomainError("conflict", code, messageKey);

/** The input is wrong: by field, or as a whole when `code` says how. */
export const invalid = (fieldKeys: Record<string, MessageKey>) => new DomainError("invalid", "invalid", "error.invalid", fieldKeys);
export const rejected = (code: string, messageKey: MessageKey) => new DomainError("invalid", code, messageKey);

/** It was here and is not any more, on purpose (a response erased at its author's request). */
export const gone = (code: string, messageKey: MessageKey) => new DomainError("gone", code, messageKey);

/** Not allowed for whoever asked (a spent set-up code, the consultation closed). */
export const refused = (code: string, messageKey: MessageKey) => new DomainError("refused", code, messageKey);
