/**
 * Every visible string comes from a catalogue: id.ts (Indonesian, the first language and the
 * source of the keys) and en.ts (English, the same keys, checked by the compiler). The choice is
 * remembered in localStorage; `{name}` placeholders are filled by `t(key, { name })`.
 *
 * Indonesian is part of the first screen's code; English is fetched only by those who choose it
 * (the entry starts loading it beside the session's renewal when it is the remembered choice).
 * Until it has arrived, the Indonesian text stands in.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { englishCatalogue, type Language, loadLanguage, rememberLanguage, storedLanguage } from './choice';
import { id, type MessageKey } from './id';

export type { Language, MessageKey };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const text = ((language === 'en' ? englishCatalogue() : undefined) ?? id)[key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? storedLanguage());
  const [english, setEnglish] = useState(() => englishCatalogue() !== undefined);
  useEffect(() => {
    if (language === 'id' || english) return;
    let current = true;
    void loadLanguage(language).then(() => {
      if (current) setEnglish(true);
    });
    return () => {
      current = false;
    };
  }, [language, english]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    rememberLanguage(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  // A new `t` once English has arrived, so that the texts change with it.
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, values) => translate(english ? language : 'id', key, values) }),
    [language, setLanguage, english],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside LanguageProvider');
  return value;
}
