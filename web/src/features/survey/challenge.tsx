/**
 * The human check the server asks for (Cloudflare Turnstile), when it asks: the widget's script is
 * loaded only then, and the token it hands back goes with the response. Without a configured check
 * (locally, in the tests) nothing is loaded.
 */
import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';

interface Turnstile {
  render(element: HTMLElement, options: { sitekey: string; callback: (token: string) => void; 'expired-callback': () => void }): string;
  remove(widget: string): void;
}

declare global {
  interface Window {
    turnstile?: Turnstile;
  }
}

const scriptUrl = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';

function loadScript(): Promise<Turnstile> {
  return new Promise((resolve, reject) => {
    if (window.turnstile) return resolve(window.turnstile);
    const script = document.createElement('script');
    script.src = scriptUrl;
    script.async = true;
    script.onload = () => (window.turnstile ? resolve(window.turnstile) : reject(new Error('turnstile')));
    script.onerror = () => reject(new Error('turnstile'));
    document.head.append(script);
  });
}

export function ChallengeWidget({
  siteKey,
  label,
  onToken,
}: {
  siteKey: string;
  label: string;
  onToken: (token: string | undefined) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let widget: string | undefined;
    let turnstile: Turnstile | undefined;
    void loadScript()
      .then((t) => {
        turnstile = t;
        if (box.current)
          widget = t.render(box.current, { sitekey: siteKey, callback: onToken, 'expired-callback': () => onToken(undefined) });
      })
      .catch(() => onToken(undefined));
    return () => {
      if (widget && turnstile) turnstile.remove(widget);
    };
  }, [siteKey, onToken]);
  return <Box ref={box} aria-label={label} role="group" />;
}
