/** A short text an officer must give (a name, a reason): trimmed, not blank, at most `max` characters, one message for any fault. */
import { z } from "zod";
import type { MessageKey } from "../i18n/index.ts";

export const requiredText = (max: number, key: MessageKey) => z.string({ error: key }).trim().min(1, { error: key }).max(max, { error: key });
