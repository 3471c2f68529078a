/** A small valid plan for the tests: a ward with residential groups, no codes, no boundaries. */
export function wardPlan(): Record<string, unknown> {
	const L = (vi: string, en = vi) => ({ vi, en });
	return {
		id: 'test-ward',
		title: L('Kế hoạch thử'),
		shortTitle: L('Thử'),
		issuer: L('UBND phường thử'),
		document: { number: '1/KH-UBND', date: '2019-02-26' },
		legalBasis: [
			{ id: '1438', number: '1438/QĐ-TTg', date: '2018-10-29', issuer: L('TTg'), role: L('Đề án') }
		],
		geography: {
			area: { code: '19999', name: L('Phường Thử') },
			levels: [
				{ id: 'ward', label: L('Phường'), codes: 'gso' },
				{ id: 'group', label: L('Tổ dân phố'), codes: 'local' }
			]
		},
		years: { first: 2018, last: 2025 },
		phases: [
			{ id: 'p1', label: L('2018–2020'), startYear: 2018, endYear: 2020, baselineYear: 2018 },
			{ id: 'p2', label: L('2021–2025'), startYear: 2021, endYear: 2025, baselineYear: 2020 }
		],
		populations: [
			{ id: 'cwd', label: L('TEKT'), counts: 'children', breakdowns: ['sex'] },
			{ id: 'units', label: L('Đơn vị'), counts: 'units' }
		],
		breakdowns: [
			{
				id: 'sex',
				label: L('Giới tính'),
				categories: [
					{ code: 'nam', label: L('Nam') },
					{ code: 'nu', label: L('Nữ') }
				]
			}
		],
		measures: [
			{ id: 'children', population: 'cwd', type: 'count', levels: ['group'] },
			{ id: 'accessed', population: 'cwd', type: 'count', levels: ['group'], atMost: 'children' },
			{ id: 'network', population: 'units', type: 'flag', levels: ['group'] }
		],
		indicators: [
			{
				id: 'access',
				kind: 'rate',
				label: L('Tiếp cận'),
				shortLabel: L('Tiếp cận'),
				numerator: 'accessed',
				denominator: ['children'],
				direction: 'increase',
				targets: [
					{ phase: 'p1', value: 90, test: 'at_least', quote: 'Phấn đấu 90% …', source: 'mục I' },
					{ phase: 'p2', quote: 'Nâng cao chất lượng …', source: 'mục I' }
				]
			},
			{
				id: 'groups',
				kind: 'unit_count',
				label: L('Tổ có mạng lưới'),
				shortLabel: L('Tổ'),
				level: 'group',
				flag: 'network',
				direction: 'increase',
				targets: [
					{ phase: 'p1', value: 3, of: 5, test: 'maintain', quote: 'Duy trì …', source: 'mục I' }
				]
			}
		],
		reporting: {
			submittedTo: L('UBND phường'),
			source: 'mục V',
			duties: [
				{
					id: 'Y',
					label: L('Báo cáo năm'),
					frequency: 'annual',
					due: '11-30',
					reporters: { levels: ['group'], agencies: [L('Các ban ngành')] },
					quote: 'chậm nhất trước ngày 30/11 hàng năm'
				}
			]
		},
		publication: {
			rule: { min: 1, max: 4, minDenominator: 5 },
			breakdownDepth: { ward: 1, group: 0 }
		}
	};
}
