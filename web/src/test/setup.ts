/**
 * Component tests run in happy-dom. Mantine reads matchMedia, ResizeObserver and document.fonts,
 * which happy-dom lacks; every test starts with an empty DOM, storage and session.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { loadLanguage } from '../i18n/choice';
import { session } from '../lib/api/session';

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoResizeObserver;

// Mantine's autosizing textarea listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  session.signOut('none');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// English is fetched on demand in the browser; tests switch languages synchronously.
await loadLanguage('en');
