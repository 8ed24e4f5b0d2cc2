/**
 * The interface dictionaries. A language is one file in messages/ with the
 * same keys as English; it is picked up here without further wiring.
 */
import english from "./messages/en.ts";
import { limitParams } from "../limits.ts";

export type MessageKey = keyof typeof english.messages;
export type Dictionary = Record<MessageKey, string>;
export interface LanguagePack {
  code: string;
  name: string;
  messages: Dictionary;
}

const packs = import.meta.glob<LanguagePack>("./messages/*.ts", { import: "default", eager: true });

export const languages: Map<string, LanguagePack> = new Map(
  Object.values(packs).map((pack) => [pack.code, pack] as const),
);

export const DEFAULT_LANGUAGE = "en";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills "{name}" placeholders; unknown placeholders are left visible so a mistake shows. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Messages in one language. Every limit (such as {maxLength}) is always available as a placeholder. */
export function translator(language: string): Translate {
  const messages = (languages.get(language) ?? languages.get(DEFAULT_LANGUAGE)!).messages;
  const limits = limitParams(messages["format.locale"]);
  return (key, params) => interpolate(messages[key], { ...limits, ...params });
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(english.messages, value);
}

/** A message written once per plural form ("….one", "….other"), named without its form. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

/**
 * The message for a count, in the form the reader's language uses for that
 * count (Intl.PluralRules: "one", "few", "many", "other"…). A form a
 * dictionary does not write falls back to "other". {count} is the formatted number.
 */
export function plural(t: Translate, key: PluralKey, count: number, params: Record<string, string | number> = {}): string {
  const locale = t("format.locale");
  const form = `${key}.${new Intl.PluralRules(locale).select(count)}`;
  return t(isMessageKey(form) ? form : `${key}.other`, { ...params, count: new Intl.NumberFormat(locale).format(count) });
}

