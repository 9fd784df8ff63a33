-- The needs report's running totals (needs_people, needs_cells), kept by triggers: every write to
-- employees, position standards, current levels or a competency's type, whatever code makes it,
-- adjusts them in the same statement. A pair is an active employee x a competency of their position's
-- standard; unassessed pairs are counted, never entered in a gap sum. needs_people holds one row per
-- employee, with totals over all their pairs and per competency type; needs_cells the assessed pairs
-- per unit (or position) and competency. Each trigger takes away the old state's contribution and
-- adds the new one's. top_weighted_gap* follow the largest weighted gap: raised at once, and recomputed
-- from the employee's own pairs (a few dozen rows) only when the pair that held it went down.
-- Written without CASE (iif instead): wrangler's statement splitter reads CASE ... END as a block.
INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
SELECT e.tenant_id, e.id, e.unit_id, e.position_id, sum(1), sum((l.level IS NOT NULL)), sum(coalesce(s.required_level > l.level, 0)), sum(coalesce(max(0, s.required_level - l.level), 0)), sum(coalesce(max(0, s.required_level - l.level), 0) * s.weight), max(coalesce(max(0, s.required_level - l.level), 0) * s.weight), sum(iif(c.type = 'manajerial', 1, 0)), sum(iif(c.type = 'manajerial', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'manajerial', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), sum(iif(c.type = 'sosial_kultural', 1, 0)), sum(iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), sum(iif(c.type = 'teknis', 1, 0)), sum(iif(c.type = 'teknis', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'teknis', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))
FROM employees e
  JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id
  JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
  LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = s.competency_id
WHERE e.status = 'active'
GROUP BY e.tenant_id, e.id;
--> statement-breakpoint
INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), s.competency_id, c.type, sum((l.level IS NOT NULL)), sum(coalesce(s.required_level > l.level, 0)), sum(coalesce(max(0, s.required_level - l.level), 0)), sum(coalesce(max(0, s.required_level - l.level), 0) * s.weight)
FROM employees e
  JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id
  JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
  JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
  JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = s.competency_id
WHERE e.status = 'active'
GROUP BY e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), s.competency_id;
--> statement-breakpoint
CREATE TRIGGER needs_level_insert AFTER INSERT ON current_levels
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, 0, (NEW.level IS NOT NULL), coalesce(s.required_level > NEW.level, 0), coalesce(max(0, s.required_level - NEW.level), 0), coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0, iif(c.type = 'manajerial', (NEW.level IS NOT NULL), 0), iif(c.type = 'manajerial', coalesce(s.required_level > NEW.level, 0), 0), iif(c.type = 'manajerial', coalesce(max(0, s.required_level - NEW.level), 0), 0), iif(c.type = 'manajerial', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0), iif(c.type = 'manajerial', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0), 0, iif(c.type = 'sosial_kultural', (NEW.level IS NOT NULL), 0), iif(c.type = 'sosial_kultural', coalesce(s.required_level > NEW.level, 0), 0), iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - NEW.level), 0), 0), iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0), iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0), 0, iif(c.type = 'teknis', (NEW.level IS NOT NULL), 0), iif(c.type = 'teknis', coalesce(s.required_level > NEW.level, 0), 0), iif(c.type = 'teknis', coalesce(max(0, s.required_level - NEW.level), 0), 0), iif(c.type = 'teknis', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0), iif(c.type = 'teknis', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0)
  FROM employees e
    JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id AND s.competency_id = NEW.competency_id
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
  WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.employee_id AND e.status = 'active'
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), s.competency_id, c.type, (NEW.level IS NOT NULL), coalesce(s.required_level > NEW.level, 0), coalesce(max(0, s.required_level - NEW.level), 0), coalesce(max(0, s.required_level - NEW.level), 0) * s.weight
  FROM employees e
    JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id AND s.competency_id = NEW.competency_id
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
  WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.employee_id AND e.status = 'active'
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
END;
--> statement-breakpoint
CREATE TRIGGER needs_level_update AFTER UPDATE OF level ON current_levels WHEN OLD.level IS NOT NEW.level
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, 0, (NEW.level IS NOT NULL) - ((OLD.level IS NOT NULL)), coalesce(s.required_level > NEW.level, 0) - (coalesce(s.required_level > OLD.level, 0)), coalesce(max(0, s.required_level - NEW.level), 0) - (coalesce(max(0, s.required_level - OLD.level), 0)), coalesce(max(0, s.required_level - NEW.level), 0) * s.weight - (coalesce(max(0, s.required_level - OLD.level), 0) * s.weight), coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0, iif(c.type = 'manajerial', (NEW.level IS NOT NULL), 0) - (iif(c.type = 'manajerial', (OLD.level IS NOT NULL), 0)), iif(c.type = 'manajerial', coalesce(s.required_level > NEW.level, 0), 0) - (iif(c.type = 'manajerial', coalesce(s.required_level > OLD.level, 0), 0)), iif(c.type = 'manajerial', coalesce(max(0, s.required_level - NEW.level), 0), 0) - (iif(c.type = 'manajerial', coalesce(max(0, s.required_level - OLD.level), 0), 0)), iif(c.type = 'manajerial', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0) - (iif(c.type = 'manajerial', coalesce(max(0, s.required_level - OLD.level), 0) * s.weight, 0)), iif(c.type = 'manajerial', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0), 0, iif(c.type = 'sosial_kultural', (NEW.level IS NOT NULL), 0) - (iif(c.type = 'sosial_kultural', (OLD.level IS NOT NULL), 0)), iif(c.type = 'sosial_kultural', coalesce(s.required_level > NEW.level, 0), 0) - (iif(c.type = 'sosial_kultural', coalesce(s.required_level > OLD.level, 0), 0)), iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - NEW.level), 0), 0) - (iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - OLD.level), 0), 0)), iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0) - (iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - OLD.level), 0) * s.weight, 0)), iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0), 0, iif(c.type = 'teknis', (NEW.level IS NOT NULL), 0) - (iif(c.type = 'teknis', (OLD.level IS NOT NULL), 0)), iif(c.type = 'teknis', coalesce(s.required_level > NEW.level, 0), 0) - (iif(c.type = 'teknis', coalesce(s.required_level > OLD.level, 0), 0)), iif(c.type = 'teknis', coalesce(max(0, s.required_level - NEW.level), 0), 0) - (iif(c.type = 'teknis', coalesce(max(0, s.required_level - OLD.level), 0), 0)), iif(c.type = 'teknis', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0) - (iif(c.type = 'teknis', coalesce(max(0, s.required_level - OLD.level), 0) * s.weight, 0)), iif(c.type = 'teknis', coalesce(max(0, s.required_level - NEW.level), 0) * s.weight, 0)
  FROM employees e
    JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id AND s.competency_id = NEW.competency_id
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
  WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.employee_id AND e.status = 'active'
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), s.competency_id, c.type, (NEW.level IS NOT NULL) - ((OLD.level IS NOT NULL)), coalesce(s.required_level > NEW.level, 0) - (coalesce(s.required_level > OLD.level, 0)), coalesce(max(0, s.required_level - NEW.level), 0) - (coalesce(max(0, s.required_level - OLD.level), 0)), coalesce(max(0, s.required_level - NEW.level), 0) * s.weight - (coalesce(max(0, s.required_level - OLD.level), 0) * s.weight)
  FROM employees e
    JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id AND s.competency_id = NEW.competency_id
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
  WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.employee_id AND e.status = 'active'
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
END;
--> statement-breakpoint
CREATE TRIGGER needs_level_delete AFTER DELETE ON current_levels
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, 0, -((OLD.level IS NOT NULL)), -(coalesce(s.required_level > OLD.level, 0)), -(coalesce(max(0, s.required_level - OLD.level), 0)), -(coalesce(max(0, s.required_level - OLD.level), 0) * s.weight), 0, 0, -(iif(c.type = 'manajerial', (OLD.level IS NOT NULL), 0)), -(iif(c.type = 'manajerial', coalesce(s.required_level > OLD.level, 0), 0)), -(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - OLD.level), 0), 0)), -(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - OLD.level), 0) * s.weight, 0)), 0, 0, -(iif(c.type = 'sosial_kultural', (OLD.level IS NOT NULL), 0)), -(iif(c.type = 'sosial_kultural', coalesce(s.required_level > OLD.level, 0), 0)), -(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - OLD.level), 0), 0)), -(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - OLD.level), 0) * s.weight, 0)), 0, 0, -(iif(c.type = 'teknis', (OLD.level IS NOT NULL), 0)), -(iif(c.type = 'teknis', coalesce(s.required_level > OLD.level, 0), 0)), -(iif(c.type = 'teknis', coalesce(max(0, s.required_level - OLD.level), 0), 0)), -(iif(c.type = 'teknis', coalesce(max(0, s.required_level - OLD.level), 0) * s.weight, 0)), 0
  FROM employees e
    JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id AND s.competency_id = OLD.competency_id
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
  WHERE e.tenant_id = OLD.tenant_id AND e.id = OLD.employee_id AND e.status = 'active'
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), s.competency_id, c.type, -((OLD.level IS NOT NULL)), -(coalesce(s.required_level > OLD.level, 0)), -(coalesce(max(0, s.required_level - OLD.level), 0)), -(coalesce(max(0, s.required_level - OLD.level), 0) * s.weight)
  FROM employees e
    JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id AND s.competency_id = OLD.competency_id
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
  WHERE e.tenant_id = OLD.tenant_id AND e.id = OLD.employee_id AND e.status = 'active'
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
END;
--> statement-breakpoint
CREATE TRIGGER needs_employee_insert AFTER INSERT ON employees WHEN NEW.status = 'active'
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT NEW.tenant_id, NEW.id, NEW.unit_id, NEW.position_id, sum(1), sum((l.level IS NOT NULL)), sum(coalesce(s.required_level > l.level, 0)), sum(coalesce(max(0, s.required_level - l.level), 0)), sum(coalesce(max(0, s.required_level - l.level), 0) * s.weight), max(coalesce(max(0, s.required_level - l.level), 0) * s.weight), sum(iif(c.type = 'manajerial', 1, 0)), sum(iif(c.type = 'manajerial', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'manajerial', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), sum(iif(c.type = 'sosial_kultural', 1, 0)), sum(iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), sum(iif(c.type = 'teknis', 1, 0)), sum(iif(c.type = 'teknis', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'teknis', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = NEW.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = NEW.tenant_id AND s.position_id = NEW.position_id AND NEW.status = 'active'
  HAVING count(*) > 0
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    unit_id = excluded.unit_id,
    position_id = excluded.position_id,
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = excluded.top_weighted_gap,
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = excluded.top_weighted_gap_manajerial,
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = excluded.top_weighted_gap_sosial_kultural,
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = excluded.top_weighted_gap_teknis;
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT NEW.tenant_id, d.dimension, iif(d.dimension = 'unit', NEW.unit_id, NEW.position_id), s.competency_id, c.type, (l.level IS NOT NULL), coalesce(s.required_level > l.level, 0), coalesce(max(0, s.required_level - l.level), 0), coalesce(max(0, s.required_level - l.level), 0) * s.weight
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = NEW.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = NEW.tenant_id AND s.position_id = NEW.position_id AND NEW.status = 'active'
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
END;
--> statement-breakpoint
CREATE TRIGGER needs_employee_update AFTER UPDATE OF unit_id, position_id, status ON employees
  WHEN (OLD.unit_id, OLD.position_id, OLD.status = 'active') IS NOT (NEW.unit_id, NEW.position_id, NEW.status = 'active')
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT OLD.tenant_id, OLD.id, OLD.unit_id, OLD.position_id, -(sum(1)), -(sum((l.level IS NOT NULL))), -(sum(coalesce(s.required_level > l.level, 0))), -(sum(coalesce(max(0, s.required_level - l.level), 0))), -(sum(coalesce(max(0, s.required_level - l.level), 0) * s.weight)), 0, -(sum(iif(c.type = 'manajerial', 1, 0))), -(sum(iif(c.type = 'manajerial', (l.level IS NOT NULL), 0))), -(sum(iif(c.type = 'manajerial', coalesce(s.required_level > l.level, 0), 0))), -(sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0), 0))), -(sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))), 0, -(sum(iif(c.type = 'sosial_kultural', 1, 0))), -(sum(iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0))), -(sum(iif(c.type = 'sosial_kultural', coalesce(s.required_level > l.level, 0), 0))), -(sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0), 0))), -(sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))), 0, -(sum(iif(c.type = 'teknis', 1, 0))), -(sum(iif(c.type = 'teknis', (l.level IS NOT NULL), 0))), -(sum(iif(c.type = 'teknis', coalesce(s.required_level > l.level, 0), 0))), -(sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0), 0))), -(sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))), 0
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = OLD.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = OLD.tenant_id AND s.position_id = OLD.position_id AND OLD.status = 'active'
  HAVING count(*) > 0
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    unit_id = excluded.unit_id,
    position_id = excluded.position_id,
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = top_weighted_gap,
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = top_weighted_gap_manajerial,
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = top_weighted_gap_sosial_kultural,
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = top_weighted_gap_teknis;
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT OLD.tenant_id, d.dimension, iif(d.dimension = 'unit', OLD.unit_id, OLD.position_id), s.competency_id, c.type, -((l.level IS NOT NULL)), -(coalesce(s.required_level > l.level, 0)), -(coalesce(max(0, s.required_level - l.level), 0)), -(coalesce(max(0, s.required_level - l.level), 0) * s.weight)
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = OLD.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = OLD.tenant_id AND s.position_id = OLD.position_id AND OLD.status = 'active'
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT NEW.tenant_id, NEW.id, NEW.unit_id, NEW.position_id, sum(1), sum((l.level IS NOT NULL)), sum(coalesce(s.required_level > l.level, 0)), sum(coalesce(max(0, s.required_level - l.level), 0)), sum(coalesce(max(0, s.required_level - l.level), 0) * s.weight), max(coalesce(max(0, s.required_level - l.level), 0) * s.weight), sum(iif(c.type = 'manajerial', 1, 0)), sum(iif(c.type = 'manajerial', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'manajerial', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), sum(iif(c.type = 'sosial_kultural', 1, 0)), sum(iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), sum(iif(c.type = 'teknis', 1, 0)), sum(iif(c.type = 'teknis', (l.level IS NOT NULL), 0)), sum(iif(c.type = 'teknis', coalesce(s.required_level > l.level, 0), 0)), sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0), 0)), sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), max(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = NEW.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = NEW.tenant_id AND s.position_id = NEW.position_id AND NEW.status = 'active'
  HAVING count(*) > 0
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    unit_id = excluded.unit_id,
    position_id = excluded.position_id,
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = excluded.top_weighted_gap,
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = excluded.top_weighted_gap_manajerial,
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = excluded.top_weighted_gap_sosial_kultural,
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = excluded.top_weighted_gap_teknis;
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT NEW.tenant_id, d.dimension, iif(d.dimension = 'unit', NEW.unit_id, NEW.position_id), s.competency_id, c.type, (l.level IS NOT NULL), coalesce(s.required_level > l.level, 0), coalesce(max(0, s.required_level - l.level), 0), coalesce(max(0, s.required_level - l.level), 0) * s.weight
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = NEW.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = NEW.tenant_id AND s.position_id = NEW.position_id AND NEW.status = 'active'
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
  DELETE FROM needs_people WHERE tenant_id = NEW.tenant_id AND employee_id = NEW.id AND pairs = 0;
END;
--> statement-breakpoint
CREATE TRIGGER needs_employee_delete AFTER DELETE ON employees WHEN OLD.status = 'active'
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT OLD.tenant_id, OLD.id, OLD.unit_id, OLD.position_id, -(sum(1)), -(sum((l.level IS NOT NULL))), -(sum(coalesce(s.required_level > l.level, 0))), -(sum(coalesce(max(0, s.required_level - l.level), 0))), -(sum(coalesce(max(0, s.required_level - l.level), 0) * s.weight)), 0, -(sum(iif(c.type = 'manajerial', 1, 0))), -(sum(iif(c.type = 'manajerial', (l.level IS NOT NULL), 0))), -(sum(iif(c.type = 'manajerial', coalesce(s.required_level > l.level, 0), 0))), -(sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0), 0))), -(sum(iif(c.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))), 0, -(sum(iif(c.type = 'sosial_kultural', 1, 0))), -(sum(iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0))), -(sum(iif(c.type = 'sosial_kultural', coalesce(s.required_level > l.level, 0), 0))), -(sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0), 0))), -(sum(iif(c.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))), 0, -(sum(iif(c.type = 'teknis', 1, 0))), -(sum(iif(c.type = 'teknis', (l.level IS NOT NULL), 0))), -(sum(iif(c.type = 'teknis', coalesce(s.required_level > l.level, 0), 0))), -(sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0), 0))), -(sum(iif(c.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0))), 0
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = OLD.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = OLD.tenant_id AND s.position_id = OLD.position_id AND OLD.status = 'active'
  HAVING count(*) > 0
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    unit_id = excluded.unit_id,
    position_id = excluded.position_id,
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = top_weighted_gap,
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = top_weighted_gap_manajerial,
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = top_weighted_gap_sosial_kultural,
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = top_weighted_gap_teknis;
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT OLD.tenant_id, d.dimension, iif(d.dimension = 'unit', OLD.unit_id, OLD.position_id), s.competency_id, c.type, -((l.level IS NOT NULL)), -(coalesce(s.required_level > l.level, 0)), -(coalesce(max(0, s.required_level - l.level), 0)), -(coalesce(max(0, s.required_level - l.level), 0) * s.weight)
  FROM position_standards s
    JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = OLD.id AND l.competency_id = s.competency_id
  WHERE s.tenant_id = OLD.tenant_id AND s.position_id = OLD.position_id AND OLD.status = 'active'
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
  DELETE FROM needs_people WHERE tenant_id = OLD.tenant_id AND employee_id = OLD.id AND pairs = 0;
END;
--> statement-breakpoint
CREATE TRIGGER needs_standard_insert AFTER INSERT ON position_standards
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, 1, (l.level IS NOT NULL), coalesce(NEW.required_level > l.level, 0), coalesce(max(0, NEW.required_level - l.level), 0), coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, iif(c.type = 'manajerial', 1, 0), iif(c.type = 'manajerial', (l.level IS NOT NULL), 0), iif(c.type = 'manajerial', coalesce(NEW.required_level > l.level, 0), 0), iif(c.type = 'manajerial', coalesce(max(0, NEW.required_level - l.level), 0), 0), iif(c.type = 'manajerial', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'manajerial', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'sosial_kultural', 1, 0), iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0), iif(c.type = 'sosial_kultural', coalesce(NEW.required_level > l.level, 0), 0), iif(c.type = 'sosial_kultural', coalesce(max(0, NEW.required_level - l.level), 0), 0), iif(c.type = 'sosial_kultural', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'sosial_kultural', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'teknis', 1, 0), iif(c.type = 'teknis', (l.level IS NOT NULL), 0), iif(c.type = 'teknis', coalesce(NEW.required_level > l.level, 0), 0), iif(c.type = 'teknis', coalesce(max(0, NEW.required_level - l.level), 0), 0), iif(c.type = 'teknis', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'teknis', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0)
  FROM employees e
    JOIN competencies c ON c.tenant_id = NEW.competency_tenant_id AND c.id = NEW.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = NEW.competency_id
  WHERE e.tenant_id = NEW.tenant_id AND e.position_id = NEW.position_id AND e.status = 'active'
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), NEW.competency_id, c.type, sum((l.level IS NOT NULL)), sum(coalesce(NEW.required_level > l.level, 0)), sum(coalesce(max(0, NEW.required_level - l.level), 0)), sum(coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight)
  FROM employees e
    JOIN competencies c ON c.tenant_id = NEW.competency_tenant_id AND c.id = NEW.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = NEW.competency_id
  WHERE e.tenant_id = NEW.tenant_id AND e.position_id = NEW.position_id AND e.status = 'active'
  GROUP BY d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id)
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
END;
--> statement-breakpoint
CREATE TRIGGER needs_standard_update AFTER UPDATE ON position_standards
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, -(1), -((l.level IS NOT NULL)), -(coalesce(OLD.required_level > l.level, 0)), -(coalesce(max(0, OLD.required_level - l.level), 0)), -(coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight), 0, -(iif(c.type = 'manajerial', 1, 0)), -(iif(c.type = 'manajerial', (l.level IS NOT NULL), 0)), -(iif(c.type = 'manajerial', coalesce(OLD.required_level > l.level, 0), 0)), -(iif(c.type = 'manajerial', coalesce(max(0, OLD.required_level - l.level), 0), 0)), -(iif(c.type = 'manajerial', coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight, 0)), 0, -(iif(c.type = 'sosial_kultural', 1, 0)), -(iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0)), -(iif(c.type = 'sosial_kultural', coalesce(OLD.required_level > l.level, 0), 0)), -(iif(c.type = 'sosial_kultural', coalesce(max(0, OLD.required_level - l.level), 0), 0)), -(iif(c.type = 'sosial_kultural', coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight, 0)), 0, -(iif(c.type = 'teknis', 1, 0)), -(iif(c.type = 'teknis', (l.level IS NOT NULL), 0)), -(iif(c.type = 'teknis', coalesce(OLD.required_level > l.level, 0), 0)), -(iif(c.type = 'teknis', coalesce(max(0, OLD.required_level - l.level), 0), 0)), -(iif(c.type = 'teknis', coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight, 0)), 0
  FROM employees e
    JOIN competencies c ON c.tenant_id = OLD.competency_tenant_id AND c.id = OLD.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = OLD.competency_id
  WHERE e.tenant_id = OLD.tenant_id AND e.position_id = OLD.position_id AND e.status = 'active'
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), OLD.competency_id, c.type, -(sum((l.level IS NOT NULL))), -(sum(coalesce(OLD.required_level > l.level, 0))), -(sum(coalesce(max(0, OLD.required_level - l.level), 0))), -(sum(coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight))
  FROM employees e
    JOIN competencies c ON c.tenant_id = OLD.competency_tenant_id AND c.id = OLD.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = OLD.competency_id
  WHERE e.tenant_id = OLD.tenant_id AND e.position_id = OLD.position_id AND e.status = 'active'
  GROUP BY d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id)
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, 1, (l.level IS NOT NULL), coalesce(NEW.required_level > l.level, 0), coalesce(max(0, NEW.required_level - l.level), 0), coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, iif(c.type = 'manajerial', 1, 0), iif(c.type = 'manajerial', (l.level IS NOT NULL), 0), iif(c.type = 'manajerial', coalesce(NEW.required_level > l.level, 0), 0), iif(c.type = 'manajerial', coalesce(max(0, NEW.required_level - l.level), 0), 0), iif(c.type = 'manajerial', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'manajerial', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'sosial_kultural', 1, 0), iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0), iif(c.type = 'sosial_kultural', coalesce(NEW.required_level > l.level, 0), 0), iif(c.type = 'sosial_kultural', coalesce(max(0, NEW.required_level - l.level), 0), 0), iif(c.type = 'sosial_kultural', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'sosial_kultural', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'teknis', 1, 0), iif(c.type = 'teknis', (l.level IS NOT NULL), 0), iif(c.type = 'teknis', coalesce(NEW.required_level > l.level, 0), 0), iif(c.type = 'teknis', coalesce(max(0, NEW.required_level - l.level), 0), 0), iif(c.type = 'teknis', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0), iif(c.type = 'teknis', coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight, 0)
  FROM employees e
    JOIN competencies c ON c.tenant_id = NEW.competency_tenant_id AND c.id = NEW.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = NEW.competency_id
  WHERE e.tenant_id = NEW.tenant_id AND e.position_id = NEW.position_id AND e.status = 'active'
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), NEW.competency_id, c.type, sum((l.level IS NOT NULL)), sum(coalesce(NEW.required_level > l.level, 0)), sum(coalesce(max(0, NEW.required_level - l.level), 0)), sum(coalesce(max(0, NEW.required_level - l.level), 0) * NEW.weight)
  FROM employees e
    JOIN competencies c ON c.tenant_id = NEW.competency_tenant_id AND c.id = NEW.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = NEW.competency_id
  WHERE e.tenant_id = NEW.tenant_id AND e.position_id = NEW.position_id AND e.status = 'active'
  GROUP BY d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id)
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
END;
--> statement-breakpoint
CREATE TRIGGER needs_standard_delete AFTER DELETE ON position_standards
BEGIN
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, -(1), -((l.level IS NOT NULL)), -(coalesce(OLD.required_level > l.level, 0)), -(coalesce(max(0, OLD.required_level - l.level), 0)), -(coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight), 0, -(iif(c.type = 'manajerial', 1, 0)), -(iif(c.type = 'manajerial', (l.level IS NOT NULL), 0)), -(iif(c.type = 'manajerial', coalesce(OLD.required_level > l.level, 0), 0)), -(iif(c.type = 'manajerial', coalesce(max(0, OLD.required_level - l.level), 0), 0)), -(iif(c.type = 'manajerial', coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight, 0)), 0, -(iif(c.type = 'sosial_kultural', 1, 0)), -(iif(c.type = 'sosial_kultural', (l.level IS NOT NULL), 0)), -(iif(c.type = 'sosial_kultural', coalesce(OLD.required_level > l.level, 0), 0)), -(iif(c.type = 'sosial_kultural', coalesce(max(0, OLD.required_level - l.level), 0), 0)), -(iif(c.type = 'sosial_kultural', coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight, 0)), 0, -(iif(c.type = 'teknis', 1, 0)), -(iif(c.type = 'teknis', (l.level IS NOT NULL), 0)), -(iif(c.type = 'teknis', coalesce(OLD.required_level > l.level, 0), 0)), -(iif(c.type = 'teknis', coalesce(max(0, OLD.required_level - l.level), 0), 0)), -(iif(c.type = 'teknis', coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight, 0)), 0
  FROM employees e
    JOIN competencies c ON c.tenant_id = OLD.competency_tenant_id AND c.id = OLD.competency_id
    LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = OLD.competency_id
  WHERE e.tenant_id = OLD.tenant_id AND e.position_id = OLD.position_id AND e.status = 'active'
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_cells (tenant_id, dimension, group_key, competency_id, competency_type, assessed, gap_pairs, gap_sum, weighted_gap_sum)
  SELECT e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), OLD.competency_id, c.type, -(sum((l.level IS NOT NULL))), -(sum(coalesce(OLD.required_level > l.level, 0))), -(sum(coalesce(max(0, OLD.required_level - l.level), 0))), -(sum(coalesce(max(0, OLD.required_level - l.level), 0) * OLD.weight))
  FROM employees e
    JOIN competencies c ON c.tenant_id = OLD.competency_tenant_id AND c.id = OLD.competency_id
    JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d
    JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = OLD.competency_id
  WHERE e.tenant_id = OLD.tenant_id AND e.position_id = OLD.position_id AND e.status = 'active'
  GROUP BY d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id)
  ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET
    competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,
    gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;
END;
--> statement-breakpoint
CREATE TRIGGER needs_competency_type AFTER UPDATE OF type ON competencies WHEN OLD.type IS NOT NEW.type
BEGIN
  UPDATE needs_cells SET competency_type = NEW.type WHERE competency_id = NEW.id AND NEW.tenant_id IN ('', tenant_id);
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, -(1), -((l.level IS NOT NULL)), -(coalesce(s.required_level > l.level, 0)), -(coalesce(max(0, s.required_level - l.level), 0)), -(coalesce(max(0, s.required_level - l.level), 0) * s.weight), 0, -(iif(OLD.type = 'manajerial', 1, 0)), -(iif(OLD.type = 'manajerial', (l.level IS NOT NULL), 0)), -(iif(OLD.type = 'manajerial', coalesce(s.required_level > l.level, 0), 0)), -(iif(OLD.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0), 0)), -(iif(OLD.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), 0, -(iif(OLD.type = 'sosial_kultural', 1, 0)), -(iif(OLD.type = 'sosial_kultural', (l.level IS NOT NULL), 0)), -(iif(OLD.type = 'sosial_kultural', coalesce(s.required_level > l.level, 0), 0)), -(iif(OLD.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0), 0)), -(iif(OLD.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), 0, -(iif(OLD.type = 'teknis', 1, 0)), -(iif(OLD.type = 'teknis', (l.level IS NOT NULL), 0)), -(iif(OLD.type = 'teknis', coalesce(s.required_level > l.level, 0), 0)), -(iif(OLD.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0), 0)), -(iif(OLD.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)), 0
  FROM position_standards s
    JOIN employees e ON e.tenant_id = s.tenant_id AND e.position_id = s.position_id AND e.status = 'active'
    LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = s.competency_id
  WHERE s.competency_tenant_id = NEW.tenant_id AND s.competency_id = NEW.id
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
  INSERT INTO needs_people (tenant_id, employee_id, unit_id, position_id, pairs, assessed, gap_pairs, gap_sum, weighted_gap_sum, top_weighted_gap, pairs_manajerial, assessed_manajerial, gap_pairs_manajerial, gap_sum_manajerial, weighted_gap_sum_manajerial, top_weighted_gap_manajerial, pairs_sosial_kultural, assessed_sosial_kultural, gap_pairs_sosial_kultural, gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural, top_weighted_gap_sosial_kultural, pairs_teknis, assessed_teknis, gap_pairs_teknis, gap_sum_teknis, weighted_gap_sum_teknis, top_weighted_gap_teknis)
  SELECT e.tenant_id, e.id, e.unit_id, e.position_id, 1, (l.level IS NOT NULL), coalesce(s.required_level > l.level, 0), coalesce(max(0, s.required_level - l.level), 0), coalesce(max(0, s.required_level - l.level), 0) * s.weight, coalesce(max(0, s.required_level - l.level), 0) * s.weight, iif(NEW.type = 'manajerial', 1, 0), iif(NEW.type = 'manajerial', (l.level IS NOT NULL), 0), iif(NEW.type = 'manajerial', coalesce(s.required_level > l.level, 0), 0), iif(NEW.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0), 0), iif(NEW.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0), iif(NEW.type = 'manajerial', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0), iif(NEW.type = 'sosial_kultural', 1, 0), iif(NEW.type = 'sosial_kultural', (l.level IS NOT NULL), 0), iif(NEW.type = 'sosial_kultural', coalesce(s.required_level > l.level, 0), 0), iif(NEW.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0), 0), iif(NEW.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0), iif(NEW.type = 'sosial_kultural', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0), iif(NEW.type = 'teknis', 1, 0), iif(NEW.type = 'teknis', (l.level IS NOT NULL), 0), iif(NEW.type = 'teknis', coalesce(s.required_level > l.level, 0), 0), iif(NEW.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0), 0), iif(NEW.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0), iif(NEW.type = 'teknis', coalesce(max(0, s.required_level - l.level), 0) * s.weight, 0)
  FROM position_standards s
    JOIN employees e ON e.tenant_id = s.tenant_id AND e.position_id = s.position_id AND e.status = 'active'
    LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = s.competency_id
  WHERE s.competency_tenant_id = NEW.tenant_id AND s.competency_id = NEW.id
  ON CONFLICT (tenant_id, employee_id) DO UPDATE SET
    pairs = pairs + excluded.pairs, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs, gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum,
    top_weighted_gap = iif(pairs = 0, excluded.top_weighted_gap, iif(excluded.top_weighted_gap >= top_weighted_gap, excluded.top_weighted_gap, iif(excluded.top_weighted_gap - excluded.weighted_gap_sum < top_weighted_gap - 1e-9, top_weighted_gap,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id)))),
    pairs_manajerial = pairs_manajerial + excluded.pairs_manajerial, assessed_manajerial = assessed_manajerial + excluded.assessed_manajerial, gap_pairs_manajerial = gap_pairs_manajerial + excluded.gap_pairs_manajerial, gap_sum_manajerial = gap_sum_manajerial + excluded.gap_sum_manajerial, weighted_gap_sum_manajerial = weighted_gap_sum_manajerial + excluded.weighted_gap_sum_manajerial,
    top_weighted_gap_manajerial = iif(pairs_manajerial = 0, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial >= top_weighted_gap_manajerial, excluded.top_weighted_gap_manajerial, iif(excluded.top_weighted_gap_manajerial - excluded.weighted_gap_sum_manajerial < top_weighted_gap_manajerial - 1e-9, top_weighted_gap_manajerial,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'manajerial')))),
    pairs_sosial_kultural = pairs_sosial_kultural + excluded.pairs_sosial_kultural, assessed_sosial_kultural = assessed_sosial_kultural + excluded.assessed_sosial_kultural, gap_pairs_sosial_kultural = gap_pairs_sosial_kultural + excluded.gap_pairs_sosial_kultural, gap_sum_sosial_kultural = gap_sum_sosial_kultural + excluded.gap_sum_sosial_kultural, weighted_gap_sum_sosial_kultural = weighted_gap_sum_sosial_kultural + excluded.weighted_gap_sum_sosial_kultural,
    top_weighted_gap_sosial_kultural = iif(pairs_sosial_kultural = 0, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural >= top_weighted_gap_sosial_kultural, excluded.top_weighted_gap_sosial_kultural, iif(excluded.top_weighted_gap_sosial_kultural - excluded.weighted_gap_sum_sosial_kultural < top_weighted_gap_sosial_kultural - 1e-9, top_weighted_gap_sosial_kultural,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'sosial_kultural')))),
    pairs_teknis = pairs_teknis + excluded.pairs_teknis, assessed_teknis = assessed_teknis + excluded.assessed_teknis, gap_pairs_teknis = gap_pairs_teknis + excluded.gap_pairs_teknis, gap_sum_teknis = gap_sum_teknis + excluded.gap_sum_teknis, weighted_gap_sum_teknis = weighted_gap_sum_teknis + excluded.weighted_gap_sum_teknis,
    top_weighted_gap_teknis = iif(pairs_teknis = 0, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis >= top_weighted_gap_teknis, excluded.top_weighted_gap_teknis, iif(excluded.top_weighted_gap_teknis - excluded.weighted_gap_sum_teknis < top_weighted_gap_teknis - 1e-9, top_weighted_gap_teknis,
      (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)
        FROM position_standards s2
        JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id
        LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id
        WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id AND c2.type = 'teknis'))));
END;
