/**
 * The interface dictionaries, split by who reads them. What the public sees
 * (the site, the kiosk, the API's errors) is in every language: a language
 * is one file in messages/ with the same keys as English, picked up here
 * without further wiring. The officers' area is English only (officers.ts),
 * so a new language translates only the public's words.
 */
import english from "./messages/en.ts";
import officers from "./officers.ts";
import { limitParams } from "../limits.ts";
import { remembered } from "../lib/remembered.ts";
import { DEFAULT_LANGUAGE } from "./default-language.ts";
import { formatCount, pluralForm } from "../../public/plural-rules.js";

/** Words the public sees, in every language. */
export type PublicMessageKey = keyof typeof english.messages;
/** Words only officers see (`admin.*`), in English. */
export type OfficerMessageKey = keyof typeof officers;
export type MessageKey = PublicMessageKey | OfficerMessageKey;
/** A language's dictionary: every public key, and no officers' key. */
export type Dictionary = Record<PublicMessageKey, string>;
export interface LanguagePack {
  code: string;
  name: string;
  messages: Dictionary;
}

const packs = import.meta.glob<LanguagePack>("./messages/*.ts", { import: "default", eager: true });

export const languages: Map<string, LanguagePack> = new Map(
  Object.values(packs).map((pack) => [pack.code, pack] as const),
);

export { DEFAULT_LANGUAGE };

/**
 * Every language there is a dictionary for, English first: the site's locales
 * (astro.config.mjs), its language routes (/es/…, /it/…), the language
 * switcher and the API's negotiation all come from this one list.
 */
export const LANGUAGE_CODES: string[] = [DEFAULT_LANGUAGE, ...[...languages.keys()].filter((code) => code !== DEFAULT_LANGUAGE).sort()];

export function isLanguage(code: string | undefined): code is string {
  return code !== undefined && languages.has(code);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills "{name}" placeholders; unknown placeholders are left visible so a mistake shows. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The officers' words, in English whatever the language. */
export const officerMessages: Record<OfficerMessageKey, string> = officers;

const dictionaries = new Map<string, Record<MessageKey, string>>();
function dictionaryFor(language: string): Record<MessageKey, string> {
  const code = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  if (!dictionaries.has(code)) dictionaries.set(code, { ...officerMessages, ...languages.get(code)!.messages });
  return dictionaries.get(code)!;
}

/** Messages in one language (the officers' in English). Every limit (such as {maxLength}) is always available as a placeholder. */
export function translator(language: string): Translate {
  const messages = dictionaryFor(language);
  const limits = limitParams(messages["format.locale"]);
  return (key, params) => interpolate(messages[key], { ...limits, ...params });
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(english.messages, value) || Object.hasOwn(officers, value);
}

/** Messages that come in plural forms: "KEY.one", "KEY.other", and any other category a language needs. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

/**
 * "42 changes made": the form of KEY for `count` that Intl.PluralRules picks
 * in the reader's language ("other" when the dictionary has no such form,
 * the rule the browser's scripts share: public/plural-rules.js), with
 * {count} formatted for their locale.
 */
export function plural(t: Translate, key: PluralKey, count: number, params: Record<string, string | number> = {}): string {
  const locale = t("format.locale");
  const form = pluralForm(locale, count, (name) => isMessageKey(`${key}.${name}`));
  return t(`${key}.${form}` as MessageKey, { ...params, count: formatCount(locale, count) });
}

const PLURAL_FORMS = ["zero", "one", "two", "few", "many", "other"] as const;

/**
 * Every form of KEY the dictionaries write, {count} left in, for a script
 * that picks one in the browser with Intl.PluralRules (as `plural` does here).
 */
export function pluralTemplates(t: Translate, key: PluralKey): Record<string, string> {
  const forms = PLURAL_FORMS.map((form) => `${key}.${form}`).filter(isMessageKey);
  return Object.fromEntries(forms.map((form) => [form.slice(key.length + 1), t(form)]));
}

const listFormat = remembered((locale: string) => new Intl.ListFormat(locale, { type: "conjunction" }));

/** "3.2, 3.3 and 4.1", in the reader's language. */
export function listOf(t: Translate, items: string[]): string {
  return listFormat(t("format.locale")).format(items);
}
