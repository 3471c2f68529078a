// Hand-written reforms and crosswalks; expected values worked out by reading them.
import { describe, expect, it } from 'vitest';
import { crosswalkPath, presentArea, readCrosswalk, reformNotes } from './reforms';
import type { PlanSpec, Reform } from './types';

const reform = (from: string, area?: string): Reform => ({
	from,
	label: { vi: `Sắp xếp ${from}`, en: `Reform ${from}` },
	crosswalk: `data/cw-${from}.csv`,
	source: `NQ ${from}`,
	licence: 'x',
	area: area ? { vi: area, en: area } : undefined
});
const spec = (reforms: Reform[]) =>
	({
		years: { first: 2018, last: 2025 },
		geography: {
			area: { code: 'A', name: { vi: 'A', en: 'A' } },
			levels: [{ id: 'ward', label: { vi: 'P', en: 'W' }, codes: 'gso' }],
			changes: [],
			reforms
		}
	}) as unknown as Pick<PlanSpec, 'geography' | 'years'>;

describe('reformNotes', () => {
	it('oldest first; the crosswalk linked only when the manifest lists it; the year it straddles', () => {
		const notes = reformNotes(spec([reform('2026-01-01', 'Later'), reform('2025-07-01', 'Now')]), [
			'geo/crosswalk-2025-07-01.csv'
		]);
		expect(notes.map((n) => [n.from, n.crosswalk, n.straddledYear, n.area?.en])).toEqual([
			['2025-07-01', 'geo/crosswalk-2025-07-01.csv', 2025, 'Now'],
			['2026-01-01', null, null, 'Later']
		]);
	});
	it('nothing published: no link', () => {
		expect(reformNotes(spec([reform('2025-07-01')]), null)[0].crosswalk).toBeNull();
	});
	it('the present area is the latest reform that names one', () => {
		const notes = reformNotes(
			spec([reform('2020-01-01', 'First'), reform('2025-07-01', 'Second'), reform('2025-09-01')]),
			null
		);
		expect(presentArea(notes)).toEqual({
			from: '2025-07-01',
			area: { vi: 'Second', en: 'Second' }
		});
		expect(presentArea(reformNotes(spec([reform('2025-07-01')]), null))).toBeNull();
		expect(crosswalkPath({ from: '2025-07-01' })).toBe('geo/crosswalk-2025-07-01.csv');
	});
});

describe('readCrosswalk', () => {
	const units = new Map([['20023', 'Phường Hương An']]);
	const HEAD = 'new_code,new_name,new_type,old_code,old_name,whole_or_part,source';
	it('reads rows; units outside the plan may stand beside the plan’s own', () => {
		const r = readCrosswalk(
			`${HEAD}\n19804,Phường Hương An,Phường,19803,Phường An Hòa,whole,"a, b"\n19804,Phường Hương An,Phường,20023,Phường Hương An,whole,c\n`,
			units
		);
		expect(r.problems).toEqual([]);
		expect(r.rows.map((x) => [x.old_code, x.source])).toEqual([
			['19803', 'a, b'],
			['20023', 'c']
		]);
	});
	it('names a missing column, a wrong name for a plan code, a repeated pair', () => {
		expect(readCrosswalk('new_code,old_code\n1,2\n', units).problems[0].en).toBe(
			'The crosswalk lacks the columns: new_name, new_type, old_name, whole_or_part.'
		);
		const r = readCrosswalk(
			`${HEAD}\n19804,P,Phường,20023,Phường Hương Sơ,whole,\n19804,P,Phường,20023,Phường Hương An,part,\n`,
			units
		);
		expect(r.problems.map((p) => [p.row, p.column, p.value])).toEqual([
			[2, 'old_name', 'Phường Hương Sơ'],
			[3, 'old_code', '20023']
		]);
	});
});
