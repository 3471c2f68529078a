/**
 * Text of a plan's explorer (/ke-hoach/<id>/phan-tich/), Vietnamese first; apart from
 * i18n-plans.ts so the explorer's hydrating page carries only its own words.
 */
import type { Lang } from './breakdowns';

const vi = {
	title: 'Phân tích số liệu',
	lead: 'Chọn một chỉ tiêu tỷ lệ hoặc một số đếm, năm, cấp, đơn vị và phân tổ. Bảng và tệp CSV chỉ gồm những ô đã công bố; ô bị ẩn để bảo vệ nhóm nhỏ ghi rõ lý do.',
	controls: 'Chọn số liệu',
	choice: 'Chỉ tiêu hoặc số đếm',
	rates: 'Tỷ lệ (chỉ tiêu của kế hoạch)',
	counts: 'Số đếm',
	year: 'Năm',
	level: 'Cấp',
	unit: 'Đơn vị',
	allUnits: 'Mọi đơn vị của cấp',
	split: 'Chia cột theo',
	noSplit: 'Không chia',
	filters: 'Lọc theo phân tổ',
	any: 'Tất cả',
	inGroup: 'có',
	notInGroup: 'không có',
	noBreakdowns: 'Số liệu này không chia theo phân tổ.',
	depthZero: 'Cấp {level} chỉ công bố tổng số, không chia theo phân tổ.',
	depthSome:
		'Cấp {level} công bố tối đa {depth} phân tổ trong một ô: các lựa chọn vượt quá bị khóa.',
	dropped: 'Không công bố ở cấp này nên đã bỏ: {list}.',
	unitCol: 'Đơn vị',
	total: 'Tổng',
	percent: 'tỷ lệ %',
	hidden: 'Đã ẩn',
	hiddenWhy:
		'Đã ẩn: nhóm từ {min} đến {max} người, hoặc số có thể dùng để suy ra một nhóm như vậy, không được công bố.',
	small: 'Mẫu số nhỏ',
	smallWhy: 'Mẫu số nhỏ: tỷ lệ chỉ được tính khi mẫu số từ {minDenominator} trở lên.',
	notPublished: 'Không công bố',
	notPublishedWhy: 'Không công bố: tổ hợp phân tổ này không có trong dữ liệu đã công bố.',
	missing: 'Không có số liệu',
	missingWhy: 'Không có số liệu: đơn vị chưa báo cáo số này.',
	overlapping:
		'Một người có thể thuộc nhiều nhóm {breakdown}: các cột theo nhóm không cộng lại thành tổng.',
	rateParts: '{numerator} trên {denominator}',
	by: 'theo',
	download: 'Tải kết quả (CSV)',
	csvHolds:
		'Kết quả: {caption}. Mỗi dòng một đơn vị và một cột của bảng; cột phân tổ ghi nhóm ("all" là tất cả, "!x" là ngoài nhóm x); status: value, hidden (đã ẩn), small_denominator (mẫu số nhỏ), not_published, missing.',
	loading: 'Đang tải số liệu…',
	loadFailed: 'Không tải được số liệu. Hãy thử lại.',
	noScript: 'Các bộ lọc cần JavaScript; bảng dưới đây là kết quả mặc định.',
	linkNote: 'Địa chỉ của trang giữ lựa chọn: gửi đường dẫn để người khác xem cùng kết quả.',
	rows: '{n} đơn vị'
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
	title: 'Explore the data',
	lead: 'Pick a rate indicator or a count, a year, a level, a unit and breakdowns. The table and the CSV hold only published cells; a cell hidden to protect a small group says why.',
	controls: 'Choose the figures',
	choice: 'Indicator or count',
	rates: "Rates (the plan's indicators)",
	counts: 'Counts',
	year: 'Year',
	level: 'Level',
	unit: 'Unit',
	allUnits: 'Every unit of the level',
	split: 'Columns by',
	noSplit: 'No split',
	filters: 'Filter by breakdown',
	any: 'All',
	inGroup: 'in',
	notInGroup: 'not in',
	noBreakdowns: 'These figures are not broken down.',
	depthZero: 'The {level} level publishes totals only, with no breakdown.',
	depthSome:
		'The {level} level publishes at most {depth} breakdown(s) in one cell: choices beyond that are locked.',
	dropped: 'Not published at this level, so removed: {list}.',
	unitCol: 'Unit',
	total: 'Total',
	percent: 'rate %',
	hidden: 'Hidden',
	hiddenWhy:
		'Hidden: groups of {min} to {max} people, and figures from which such a group could be worked out, are not published.',
	small: 'Small denominator',
	smallWhy:
		'Small denominator: a rate is given only when its denominator is {minDenominator} or more.',
	notPublished: 'Not published',
	notPublishedWhy: 'Not published: this combination of breakdowns is not in the published data.',
	missing: 'No data',
	missingWhy: 'No data: the unit did not report this figure.',
	overlapping:
		'One person can be in several {breakdown} groups: the group columns do not add up to the total.',
	rateParts: '{numerator} of {denominator}',
	by: 'by',
	download: 'Download the result (CSV)',
	csvHolds:
		'Result: {caption}. One line per unit and column of the table; breakdown columns give the group ("all" is everyone, "!x" those outside group x); status: value, hidden, small_denominator, not_published, missing.',
	loading: 'Loading the figures…',
	loadFailed: 'The figures could not be loaded. Please try again.',
	noScript: 'The filters need JavaScript; the table below is the default result.',
	linkNote: "The page's address keeps your choice: share the link to show the same result.",
	rows: '{n} units'
};

const dict = { vi, en };

export function xt(lang: Lang, key: Key): string {
	return dict[lang][key];
}

export function xtf(lang: Lang, key: Key, values: Record<string, string | number>): string {
	return dict[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
