/**
 * Every visible string comes from a catalogue: id.ts (Indonesian, the first language and the
 * source of the keys) and en.ts (English, the same keys, checked by the compiler). The choice is
 * remembered in localStorage; `{name}` placeholders are filled by `t(key, { name })`.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { id, type MessageKey } from './id';

export type Language = 'id' | 'en';
export type { MessageKey };

const catalogues: Record<Language, Record<MessageKey, string>> = { id, en };
const storageKey = 'bangkom.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const text = catalogues[language][key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'en' || stored === 'id' ? stored : 'id';
  } catch {
    return 'id';
  }
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? storedLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts until the page is closed
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, values) => translate(language, key, values) }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside LanguageProvider');
  return value;
}
