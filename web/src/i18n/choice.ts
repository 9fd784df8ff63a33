/**
 * The remembered language and the English catalogue, fetched only by those who choose English.
 * Kept apart from the Indonesian catalogue so that the console's entry can start fetching English
 * beside the session's renewal without carrying any catalogue itself.
 */
import type { MessageKey } from './id';

export type Language = 'id' | 'en';

const storageKey = 'bangkom.language';
let english: Record<MessageKey, string> | undefined;
let englishLoading: Promise<void> | undefined;

export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'en' || stored === 'id' ? stored : 'id';
  } catch {
    return 'id';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // private mode: the choice lasts until the page is closed
  }
}

/** Fetches the English catalogue once; answers when it is in place (at once for Indonesian). */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'id' || english) return Promise.resolve();
  englishLoading ??= import('./en').then((module) => {
    english = module.en;
  });
  return englishLoading;
}

/** The English catalogue if it has arrived. */
export function englishCatalogue(): Record<MessageKey, string> | undefined {
  return english;
}
