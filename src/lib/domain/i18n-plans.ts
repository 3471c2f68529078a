/**
 * User-facing text of the plan pages (/ke-hoach/…), Vietnamese first; apart from i18n.ts so the
 * two can change independently. A missing English entry is a type error.
 */
import type { Lang } from './breakdowns';
import { plansNavLabel, plansSiteTitle } from './i18n-plans-nav';
import type { Verdict } from './plan/verdicts';
import { statusLabel } from './i18n';

const vi = {
	navPlans: plansNavLabel.vi,
	siteTitle: plansSiteTitle.vi,
	catalogueTitle: 'Các kế hoạch được theo dõi',
	catalogueLead:
		'Mỗi kế hoạch hỗ trợ trẻ em khuyết tật mà trang này theo dõi, với cơ quan ban hành, văn bản, giai đoạn, địa bàn và tình trạng các chỉ tiêu.',
	issuer: 'Cơ quan ban hành',
	documentNo: 'Số văn bản',
	documentDate: 'Ngày ban hành',
	noNumber: 'không ghi số',
	noDate: 'không ghi ngày',
	legalBasis: 'Căn cứ',
	serves: 'Triển khai',
	period: 'Giai đoạn',
	area: 'Địa bàn',
	unitsPerLevel: 'Số đơn vị theo cấp',
	noUnitsListed: 'chưa có danh sách',
	statusAtGlance: 'Tình trạng các chỉ tiêu',
	statusCountsCaption: 'Số chỉ tiêu theo tình trạng',
	open: 'Xem kế hoạch',
	noDataYet: 'Chưa có số liệu',
	noDataPublished: 'Chưa công bố số liệu: các chỉ tiêu chưa được đánh giá.',
	judgedOn: 'Đánh giá trên số liệu năm',
	asOfShort: 'số liệu đến ngày',
	noDataYetLead:
		'Kế hoạch này chưa có số liệu được công bố: các chỉ tiêu dưới đây là của kế hoạch, chưa được đánh giá.',
	homePlanNote: 'Kế hoạch mà trang chủ theo dõi',
	overview: 'Tổng quan',
	map: 'Bản đồ',
	explore: 'Phân tích',
	data: 'Dữ liệu',
	embed: 'Nhúng',
	targetsTitle: 'Chỉ tiêu theo giai đoạn',
	targetsLead:
		'Mỗi chỉ tiêu với lời văn của kế hoạch, giá trị đã công bố và đánh giá. Chỉ tiêu không có con số được ghi lại bằng lời, không đánh giá.',
	indicator: 'Chỉ tiêu',
	phase: 'Giai đoạn',
	target: 'Mục tiêu',
	value: 'Giá trị',
	verdict: 'Đánh giá',
	planWords: 'Lời văn kế hoạch',
	source: 'Nguồn',
	year: 'Năm',
	ruleEnd: 'Đánh giá theo giá trị năm cuối giai đoạn ({year}).',
	ruleLatest:
		'Giai đoạn chưa kết thúc: so giá trị mới nhất ({year}) với mục tiêu; đạt thì "đúng hướng", chưa đạt thì "có nguy cơ".',
	ruleMaintain: 'Phải duy trì trong mọi năm của giai đoạn; một năm không đạt là không đạt.',
	ruleMaintainFailed: 'Không đạt trong năm: {years}.',
	ruleQualitative: 'Chỉ tiêu định tính: ghi lại lời văn, không đánh giá.',
	ruleNone: 'Chưa có số liệu cho giai đoạn này.',
	hiddenNote: 'Giá trị bị ẩn để bảo vệ nhóm nhỏ.',
	hidden: 'Đã ẩn',
	atLeast: 'ít nhất',
	atMost: 'nhiều nhất',
	maintain: 'duy trì',
	ofUnits: 'trên {of} đơn vị',
	done: 'hoàn thành',
	trendsTitle: 'Diễn biến theo năm',
	trendCaption: '{name}, {area}, theo năm',
	numerator: 'Tử số',
	denominator: 'Mẫu số',
	unitsTitle: 'Các đơn vị',
	unitsLead: 'Giá trị mới nhất ({year}) của từng đơn vị, theo cấp.',
	unitsNone: 'Danh sách đơn vị của kế hoạch chỉ có địa bàn kế hoạch; cấp {level} chưa có đơn vị.',
	unit: 'Đơn vị',
	code: 'Mã',
	level: 'Cấp',
	kind: 'Loại',
	parent: 'Trực thuộc',
	children: 'Đơn vị trực thuộc',
	noChildren: 'Không có đơn vị trực thuộc trong danh sách.',
	validity: 'Hiệu lực',
	versions: 'Các thay đổi',
	valuesByYear: 'Giá trị theo năm',
	reportingTitle: 'Nghĩa vụ báo cáo',
	reportingLead: 'Các báo cáo kế hoạch yêu cầu, hạn nộp và tình trạng đã công bố.',
	duty: 'Báo cáo',
	frequency: 'Tần suất',
	due: 'Hạn',
	reporters: 'Đơn vị báo cáo',
	submittedTo: 'Nộp cho',
	strictNote: '"trước ngày": nộp đúng ngày hạn là muộn',
	noDue: 'kế hoạch không ghi hạn',
	freq_once: 'Một lần',
	freq_semiannual: '6 tháng một lần',
	freq_annual: 'Hằng năm',
	freq_ad_hoc: 'Đột xuất',
	rep_on_time: 'Đúng hạn',
	rep_late: 'Muộn',
	rep_missing: 'Chưa nộp',
	rep_not_due: 'Chưa đến hạn',
	rep_undated: 'Không có hạn',
	reportStatusCaption: 'Số báo cáo theo tình trạng, {duty}',
	noReports: 'Chưa có báo cáo được công bố.',
	asOf: 'Số liệu đến ngày',
	illustrative: 'Dữ liệu minh họa, không phải số liệu chính thức',
	illustrativeMore:
		'Các con số của kế hoạch này được tạo có kiểm soát để minh họa cách theo dõi; không phải số liệu chính thức.',
	legalTitle: 'Căn cứ pháp lý',
	signedBy: 'Người ký',
	dataTitle: 'Dữ liệu đã công bố',
	dataLead:
		'Các tệp dưới đây là tất cả những gì được công bố cho kế hoạch này, sau khi bảo vệ nhóm nhỏ và kiểm tra.',
	file: 'Tệp',
	size: 'Dung lượng',
	licence: 'Giấy phép',
	dictionaryTitle: 'Từ điển dữ liệu',
	column: 'Cột',
	type: 'Kiểu',
	role: 'Vai trò',
	meaning: 'Ý nghĩa',
	protectedCol: 'Được bảo vệ',
	yes: 'có',
	no: 'không',
	protectionTitle: 'Bảo vệ trẻ em trong số liệu',
	protectionRule:
		'Không công bố nhóm từ {min} đến {max} người; tỷ lệ cần mẫu số từ {minDenominator} trở lên.',
	protectionCells:
		'Bảng {table}: {cells} ô, {published} công bố, {primary} ẩn theo quy tắc, {secondary} ẩn để bảo vệ ô khác.',
	protectionAudit:
		'Kiểm tra trước khi công bố: {hiddenValues} giá trị bị ẩn, {smallGroups} nhóm nhỏ, {disclosures} lộ lọt.',
	templatesTitle: 'Mẫu báo cáo',
	templatesLead:
		'Mẫu nhập liệu của kế hoạch này, suy ra từ chính kế hoạch: một dòng tiêu đề và một dòng ví dụ (đánh dấu là ví dụ, xóa trước khi nộp).',
	templateFor: 'Mẫu {name}',
	mapTitle: 'Bản đồ',
	mapLead: '{indicator}, năm {year}, theo {level}. Màu và ký hiệu cùng chỉ một nhóm giá trị.',
	mapLegend: 'Chú giải',
	mapTable: 'Bảng tương đương của bản đồ',
	band: 'Nhóm',
	bandHidden: 'Đã ẩn hoặc không có số liệu',
	embedTitle: 'Chỉ tiêu và đánh giá',
	embedFull: 'Xem đầy đủ trên trang theo dõi',
	embedCode: 'Mã nhúng',
	embedCodeLead:
		'Dán đoạn mã này vào trang của bạn để hiện bảng chỉ tiêu; dòng script (không bắt buộc) cho khung vừa với nội dung.',
	embedPreview: 'Xem bản nhúng',
	cls_met: 'Đạt mục tiêu',
	cls_near: 'Thiếu đến 10 điểm %',
	cls_below: 'Thiếu 10–25 điểm %',
	cls_far: 'Thiếu trên 25 điểm %',
	cls_no_data: 'Không có số liệu',
	cls_suppressed: 'Đã ẩn (nhóm nhỏ)',
	cls_yes: 'Có',
	cls_no: 'Không',
	mapNoTarget: 'Kế hoạch không đặt mục tiêu bằng số cho năm này.',
	reformTitle: 'Địa bàn sau sắp xếp đơn vị hành chính',
	reformFrom: 'Từ ngày {date}: {label}.',
	reformAreaNow: 'Địa bàn của kế hoạch nay là: {area}.',
	reformFigures:
		'Số liệu của kế hoạch, kể cả năm {year}, vẫn là của địa bàn và các đơn vị trước ngày {date} (mã cũ): không cộng, không so với số liệu theo mã mới.',
	reformFiguresBefore:
		'Số liệu của kế hoạch là của địa bàn và các đơn vị trước ngày {date} (mã cũ): không cộng, không so với số liệu theo mã mới.',
	reformCrosswalk: 'Bảng chuyển đổi đơn vị cũ – mới (CSV)',
	reformSource: 'Căn cứ',
	areaNow: 'Nay (từ {date})',
	nothing: '–'
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
	navPlans: plansNavLabel.en,
	siteTitle: plansSiteTitle.en,
	catalogueTitle: 'Plans tracked',
	catalogueLead:
		'Each plan supporting children with disabilities that this site tracks, with its issuer, document, period, area and the state of its targets.',
	issuer: 'Issued by',
	documentNo: 'Document number',
	documentDate: 'Date',
	noNumber: 'no number given',
	noDate: 'no date given',
	legalBasis: 'Legal basis',
	serves: 'Implements',
	period: 'Period',
	area: 'Area',
	unitsPerLevel: 'Units per level',
	noUnitsListed: 'not listed yet',
	statusAtGlance: 'State of the targets',
	statusCountsCaption: 'Targets by status',
	open: 'Open the plan',
	noDataYet: 'No data yet',
	noDataPublished: 'No data published yet: the targets are not judged.',
	judgedOn: 'Judged on the figures of',
	asOfShort: 'data as of',
	noDataYetLead:
		'No data has been published for this plan yet: the targets below are the plan’s, not yet judged.',
	homePlanNote: 'The plan the home page tracks',
	overview: 'Overview',
	map: 'Map',
	explore: 'Explore',
	data: 'Data',
	embed: 'Embed',
	targetsTitle: 'Targets by phase',
	targetsLead:
		'Each target with the plan’s own words, the published value and the verdict. A target without a number is recorded in words, never judged.',
	indicator: 'Indicator',
	phase: 'Phase',
	target: 'Target',
	value: 'Value',
	verdict: 'Verdict',
	planWords: 'The plan’s words',
	source: 'Source',
	year: 'Year',
	ruleEnd: 'Judged on the phase’s end year ({year}).',
	ruleLatest:
		'The phase has not ended: the latest value ({year}) is compared with the target; reaching it is "on track", not yet is "at risk".',
	ruleMaintain: 'To be held in every year of the phase; one year short is not met.',
	ruleMaintainFailed: 'Short in: {years}.',
	ruleQualitative: 'A qualitative target: recorded in words, never judged.',
	ruleNone: 'No data for this phase yet.',
	hiddenNote: 'Value hidden to protect a small group.',
	hidden: 'Hidden',
	atLeast: 'at least',
	atMost: 'at most',
	maintain: 'maintain',
	ofUnits: 'of {of} units',
	done: 'done',
	trendsTitle: 'Year by year',
	trendCaption: '{name}, {area}, by year',
	numerator: 'Numerator',
	denominator: 'Denominator',
	unitsTitle: 'Units',
	unitsLead: 'Each unit’s latest value ({year}), by level.',
	unitsNone: 'The plan’s unit list holds its area alone; the {level} level has no units yet.',
	unit: 'Unit',
	code: 'Code',
	level: 'Level',
	kind: 'Kind',
	parent: 'Part of',
	children: 'Units within',
	noChildren: 'No units within it in the list.',
	validity: 'Valid',
	versions: 'Changes',
	valuesByYear: 'Values by year',
	reportingTitle: 'Reporting duties',
	reportingLead: 'The reports the plan requires, their deadlines and the published status.',
	duty: 'Report',
	frequency: 'Frequency',
	due: 'Due',
	reporters: 'Reported by',
	submittedTo: 'Submitted to',
	strictNote: '"before": a report on the due date is late',
	noDue: 'the plan gives no date',
	freq_once: 'Once',
	freq_semiannual: 'Every six months',
	freq_annual: 'Yearly',
	freq_ad_hoc: 'Ad hoc',
	rep_on_time: 'On time',
	rep_late: 'Late',
	rep_missing: 'Missing',
	rep_not_due: 'Not yet due',
	rep_undated: 'No deadline',
	reportStatusCaption: 'Reports by status, {duty}',
	noReports: 'No reports published yet.',
	asOf: 'Data as of',
	illustrative: 'Illustrative data, not official statistics',
	illustrativeMore:
		'This plan’s figures were generated under control to illustrate the tracking; they are not official statistics.',
	legalTitle: 'Legal basis',
	signedBy: 'Signed by',
	dataTitle: 'Published data',
	dataLead:
		'The files below are everything published for this plan, after small groups were protected and the result audited.',
	file: 'File',
	size: 'Size',
	licence: 'Licence',
	dictionaryTitle: 'Data dictionary',
	column: 'Column',
	type: 'Type',
	role: 'Role',
	meaning: 'Meaning',
	protectedCol: 'Protected',
	yes: 'yes',
	no: 'no',
	protectionTitle: 'Protecting children in the data',
	protectionRule:
		'No group of {min} to {max} people is published; a rate needs a denominator of {minDenominator} or more.',
	protectionCells:
		'Table {table}: {cells} cells, {published} published, {primary} hidden by the rule, {secondary} hidden to protect others.',
	protectionAudit:
		'Audit before publishing: {hiddenValues} hidden values, {smallGroups} small groups, {disclosures} disclosures.',
	templatesTitle: 'Report templates',
	templatesLead:
		'This plan’s intake format, derived from the plan itself: a header row and one example row (marked as an example; delete it before sending).',
	templateFor: '{name} template',
	mapTitle: 'Map',
	mapLead: '{indicator}, {year}, by {level}. Colour and symbol both name one band of values.',
	mapLegend: 'Legend',
	mapTable: 'The map as a table',
	band: 'Band',
	bandHidden: 'Hidden or no data',
	embedTitle: 'Targets and verdicts',
	embedFull: 'See it all on the tracking site',
	embedCode: 'Embed code',
	embedCodeLead:
		'Paste this into your page to show the targets table; the script line (optional) fits the frame to its content.',
	embedPreview: 'Preview the embed',
	cls_met: 'Target met',
	cls_near: 'Up to 10 points short',
	cls_below: '10–25 points short',
	cls_far: 'More than 25 points short',
	cls_no_data: 'No data',
	cls_suppressed: 'Hidden (small group)',
	cls_yes: 'Yes',
	cls_no: 'No',
	mapNoTarget: 'The plan sets no numeric target for this year.',
	reformTitle: 'The area after the reorganisation of units',
	reformFrom: 'From {date}: {label}.',
	reformAreaNow: 'The plan’s area is now: {area}.',
	reformFigures:
		'The plan’s figures, {year} included, stay those of its area and units before {date} (the old codes): never add them to or compare them with figures under the new codes.',
	reformFiguresBefore:
		'The plan’s figures are those of its area and units before {date} (the old codes): never add them to or compare them with figures under the new codes.',
	reformCrosswalk: 'Crosswalk from the old units to the new (CSV)',
	reformSource: 'Basis',
	areaNow: 'Now (from {date})',
	nothing: '–'
};

const dict: Record<Lang, Record<Key, string>> = { vi, en };

export type PlanKey = Key;

export function pt(lang: Lang, key: Key): string {
	return dict[lang][key];
}

/** A message with {name} placeholders filled. */
export function ptf(lang: Lang, key: Key, values: Record<string, string | number>): string {
	return dict[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/** The statuses Kon Tum's pages also use read the same words there (i18n.statusLabel). */
const ownVerdictText: Record<'qualitative' | 'not_judged', { vi: string; en: string }> = {
	qualitative: { vi: 'Định tính, không đánh giá', en: 'Qualitative, not judged' },
	not_judged: { vi: 'Không đánh giá', en: 'Not judged' }
};

export function verdictLabel(verdict: Verdict, lang: Lang): string {
	return verdict === 'qualitative' || verdict === 'not_judged'
		? ownVerdictText[verdict][lang]
		: statusLabel(verdict, lang);
}

/** A shape per verdict, so it reads without colour. */
export const verdictIcon: Record<Verdict, string> = {
	met: '✓',
	on_track: '↗',
	at_risk: '!',
	not_met: '✗',
	no_data: '–',
	qualitative: '¶',
	not_judged: '·'
};
