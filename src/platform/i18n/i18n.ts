/**
 * Message catalogues. Japanese is the source language; every key must have
 * an English text too (checked by a test). Services add their own catalogue
 * through the service catalogue; keys are namespaced ('registry.search.title').
 */
import { platformMessages } from './platform-messages.ts';

export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];
export interface Messages {
  ja: Record<string, string>;
  en: Record<string, string>;
}
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const catalogue: Messages = { ja: {}, en: {} };
addMessages(platformMessages);

export function addMessages(messages: Messages): void {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(messages[locale])) {
      const existing = catalogue[locale][key];
      if (existing !== undefined && existing !== text) throw new Error(`Message key defined twice: ${key}`);
      catalogue[locale][key] = text;
    }
  }
}

export function allMessages(): Messages {
  return catalogue;
}

export function translator(locale: Locale): Translate {
  return (key, params) => {
    const text = catalogue[locale][key] ?? catalogue.ja[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

export function parseLocale(value: unknown): Locale | null {
  return value === 'ja' || value === 'en' ? value : null;
}

/** Picks the locale: explicit cookie choice, then the browser's Accept-Language, then Japanese. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  const chosen = parseLocale(cookie);
  if (chosen) return chosen;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
