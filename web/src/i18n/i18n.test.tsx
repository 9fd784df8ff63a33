import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { en } from './en';
import { id } from './id';
import { LanguageProvider, translate, useI18n } from './index';

function Greeting() {
  const { t } = useI18n();
  return <h1>{t('beranda.greeting', { name: 'Adi' })}</h1>;
}

describe('the message catalogues', () => {
  it('has every Indonesian key in English, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(id[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('id', 'jp.progress', { total: '12,5', target: '20' })).toBe('12,5 dari 20 JP');
    expect(translate('en', 'jp.progress', { total: '12,5' })).toBe('12,5 of {target} JP');
  });

  it('starts in Indonesian, switches to English and remembers the choice', () => {
    const view = () =>
      render(
        <MantineProvider>
          <LanguageProvider>
            <LanguageSwitch />
            <Greeting />
          </LanguageProvider>
        </MantineProvider>,
      );
    const first = view();
    expect(screen.getByRole('heading').textContent).toBe('Selamat datang, Adi');
    expect(document.documentElement.lang).toBe('id');
    fireEvent.click(screen.getByLabelText('EN'));
    expect(screen.getByRole('heading').textContent).toBe('Welcome, Adi');
    expect(document.documentElement.lang).toBe('en');
    first.unmount();
    view();
    expect(screen.getByRole('heading').textContent).toBe('Welcome, Adi');
  });
});
