/**
 * The console as people get it: the build that `npm start` serves (made by global-setup.ts) holds
 * the production code of the libraries that ship a development one beside it. React's is chosen by
 * NODE_ENV (scripts/build-console.ts sets it); React Router's by an alias in web/vite.config.ts,
 * since its package points every condition at its development build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const assets = fileURLToPath(new URL('../../dist/public/assets/', import.meta.url));

/** Texts only the development builds hold: a warning of React DOM's, React Router's note to developers. */
const developmentOnly = [
  { library: 'React DOM', text: 'Each child in a list should have a unique' },
  { library: 'React Router', text: 'Hey developer' },
];

describe('the built console', () => {
  it('holds no development build of React DOM or React Router', async () => {
    const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    const found: string[] = [];
    for (const name of scripts) {
      const code = await readFile(`${assets}${name}`, 'utf8');
      for (const { library, text } of developmentOnly) if (code.includes(text)) found.push(`${library} in ${name}`);
    }
    expect(found).toEqual([]);
    // The check can see them: React Router's router is in the build, so its text would be too.
    const all = await Promise.all(scripts.map((name) => readFile(`${assets}${name}`, 'utf8')));
    expect(all.some((code) => code.includes('useNavigate() may be used only in the context of a <Router> component'))).toBe(true);
  });
});
