/**
 * A manifest as typed or uploaded: JSON (the format onboarding accepts, as the files in `tenants/`).
 * A text that is not JSON, or not an object, is refused here with the parser's position, before any
 * request; the API checks everything else and answers errors by path.
 */
import type { Manifest } from './queries';

export type Parsed = { ok: true; manifest: Manifest } | { ok: false; reason: 'empty' | 'syntax' | 'shape'; detail: string };

export function parseManifest(text: string): Parsed {
  if (text.trim() === '') return { ok: false, reason: 'empty', detail: '' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: 'syntax', detail: err instanceof Error ? err.message : String(err) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'shape', detail: '' };
  // The API validates every field; the console only makes sure it sends an object.
  return { ok: true, manifest: value as Manifest };
}

/** A field error's path as a reader follows it in the manifest: `units.0.children.1.code` → `units[0].children[1].code`. */
export const readablePath = (path: string) => path.replace(/^(json|body)\./, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
