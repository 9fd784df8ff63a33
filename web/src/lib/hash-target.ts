/**
 * Arriving at a page with a section in its address (`/#enrollments`: a notification's or an
 * e-mail's link): brings that section into view once `ready`, when the page's data is drawn. A
 * section that appears later (a part loaded lazily) is brought into view when it appears.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';

export function useHashTarget(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!ready || id === '') return;
    const show = () => {
      const target = document.getElementById(id);
      target?.scrollIntoView?.({ block: 'start' });
      return target !== null;
    };
    if (show()) return;
    const observer = new MutationObserver(() => {
      if (show()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ready, hash]);
}
