/**
 * The interface dictionaries. A language is one file in messages/ with the
 * same keys as English; it is picked up here without further wiring.
 */
import english from "./messages/en.ts";

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

export function translator(language: string): Translate {
  const messages = (languages.get(language) ?? languages.get(DEFAULT_LANGUAGE)!).messages;
  return (key, params) => interpolate(messages[key], params);
}

/** The best language we have for an Accept-Language header. */
export function negotiateLanguage(acceptLanguage: string | null | undefined): string {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { code: tag!.trim().toLowerCase().split("-")[0]!, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.code && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.find((entry) => languages.has(entry.code))?.code ?? DEFAULT_LANGUAGE;
}
