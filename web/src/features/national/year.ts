/** The year a national screen shows: `?tahun=` in the address, else the current year in WIB (as the API's default). */
import { useSearchParams } from 'react-router';
import { todayIn } from '../../lib/format';

export const currentYear = () => Number(todayIn('Asia/Jakarta').slice(0, 4));

/** The years offered: this one and the four before it. */
export const selectableYears = (now: number) => Array.from({ length: 5 }, (_, i) => now - i);

export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('tahun'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : currentYear();
  return [
    year,
    (next) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set('tahun', String(next));
        return updated;
      }),
  ];
}
