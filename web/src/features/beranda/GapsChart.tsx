/**
 * Required against current level per competency (0–5): two bars per competency, the position's
 * standard in grey and the current level in teal. An unassessed competency has no current bar and
 * a "not assessed" badge: it is never drawn as level 0. Drawn in plain elements (GapsChart.module.css)
 * rather than @mantine/charts (recharts alone is ~120 KB gzip, half the first screen's budget) or
 * Mantine's layout components (a fifth of Beranda's first render); each bar is a labelled
 * progressbar, so a screen reader reads the same figures.
 */
import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n';
import classes from './GapsChart.module.css';
import { gapRows } from './gaps';
import type { GapItem } from './queries';

const maxLevel = 5;

/** One bar as Mantine's Progress draws it: a labelled progressbar of `level` out of 5. */
function LevelBar({ level, kind, label }: { level: number; kind: 'required' | 'current'; label: string }) {
  const percent = Math.round((level / maxLevel) * 100);
  return (
    <div className={classes.bar}>
      <div
        className={`${classes.fill} ${classes[kind]}`}
        style={{ width: `${percent}%` }}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
      />
    </div>
  );
}

export function GapsChart({ items }: { items: readonly GapItem[] }) {
  const { t } = useI18n();
  return (
    <div className={classes.chart}>
      <div className={classes.legend} aria-hidden>
        <span className={classes.key}>
          <span className={`${classes.swatch} ${classes.required}`} />
          <span className={classes.small}>{t('gaps.required')}</span>
        </span>
        <span className={classes.key}>
          <span className={`${classes.swatch} ${classes.current}`} />
          <span className={classes.small}>{t('gaps.current')}</span>
        </span>
      </div>
      <ul className={classes.rows} aria-label={t('gaps.listLabel')}>
        {gapRows(items).map((row, i) => {
          const item = items[i];
          return (
            <li key={item?.competencyId ?? row.competency} data-testid="gap-row" data-assessed={row.assessed}>
              <div className={classes.head}>
                <p className={classes.name}>{row.competency}</p>
                <div className={classes.marks}>
                  {row.current === null ? (
                    <Badge color="gray" variant="outline" size="sm">
                      {t('gaps.unassessed')}
                    </Badge>
                  ) : (
                    <p className={`${classes.small} ${classes.dimmed}`}>{t('gaps.currentLevel', { level: row.current })}</p>
                  )}
                  {item?.gap != null && item.gap > 0 ? (
                    <Badge color="orange" variant="light" size="sm">
                      {t('gaps.gap', { gap: item.gap })}
                    </Badge>
                  ) : null}
                </div>
              </div>
              <div className={classes.bars}>
                <LevelBar
                  level={row.required}
                  kind="required"
                  label={`${row.competency}: ${t('gaps.requiredLevel', { level: row.required })}`}
                />
                {row.current === null ? (
                  <div className={classes.unassessed} aria-hidden />
                ) : (
                  <LevelBar
                    level={row.current}
                    kind="current"
                    label={`${row.competency}: ${t('gaps.currentLevel', { level: row.current })}`}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div className={`${classes.scale} ${classes.small} ${classes.dimmed}`} aria-hidden>
        {[0, 1, 2, 3, 4, 5].map((level) => (
          <span key={level}>{level}</span>
        ))}
      </div>
    </div>
  );
}
