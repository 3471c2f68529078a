/** The unit list checked over the plan's years: every unit's parent exists in each year it does. */
import type { IntakeIssue } from '../intake/messages';
import { unitsInYear, validIn, type UnitVersion } from './unit-list';

/** Problems of the list in the plan's years: a unit whose parent does not exist that year. */
export function checkYears(
	versions: UnitVersion[],
	file: string,
	levels: string[],
	years: number[]
): IntakeIssue[] {
	const out: IntakeIssue[] = [];
	const seen = new Set<string>();
	for (const year of years) {
		const t = unitsInYear(versions, year, levels);
		for (const u of t.units) {
			if (u.parent === null || t.byCode.has(u.parent) || seen.has(u.code)) continue;
			seen.add(u.code);
			const line = versions.find((v) => v.code === u.code && validIn(v, year))?.line ?? 0;
			out.push(
				issue(
					file,
					line,
					'parent',
					u.parent,
					`Năm ${year} đơn vị cha ${u.parent} không còn hiệu lực: sửa valid_from/valid_to hoặc mã cha.`,
					`In ${year} the parent ${u.parent} is not valid: fix valid_from/valid_to or the parent code.`
				)
			);
		}
	}
	return out;
}

function issue(
	file: string,
	row: number,
	column: string,
	value: string,
	vi: string,
	en: string
): IntakeIssue {
	return { file, row, column, value, severity: 'error', message: { vi, en } };
}
