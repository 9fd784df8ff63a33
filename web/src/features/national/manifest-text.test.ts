import { describe, expect, it } from 'vitest';
import { parseManifest, readablePath } from './manifest-text';

describe('a manifest as typed or uploaded', () => {
  it('is refused before any request when it is empty, not JSON, or not one object', () => {
    expect(parseManifest('  ')).toEqual({ ok: false, reason: 'empty', detail: '' });
    const broken = parseManifest('{ "slug": "uji", }');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.reason).toBe('syntax');
    expect(parseManifest('[1, 2]')).toEqual({ ok: false, reason: 'shape', detail: '' });
    expect(parseManifest('"kalianda"')).toEqual({ ok: false, reason: 'shape', detail: '' });
  });

  it('is sent as it is when it is a JSON object (the API checks the rest)', () => {
    const parsed = parseManifest('{ "slug": "uji", "units": [] }');
    expect(parsed).toEqual({ ok: true, manifest: { slug: 'uji', units: [] } });
  });

  it('shows an error path the way one reads the manifest', () => {
    expect(readablePath('body.positions.0.unit')).toBe('positions[0].unit');
    expect(readablePath('json.units.0.children.12.code')).toBe('units[0].children[12].code');
    expect(readablePath('timeZone')).toBe('timeZone');
  });
});
