/**
 * User-facing text, Vietnamese first. Components take words from here, never inline.
 * Keys are English; a missing English entry is a type error.
 */
import type { Lang } from './breakdowns';
import type { ProgressStatus } from './progress';
import type { ReportStatus } from './reporting';

const vi = {
	siteTitle: 'Theo dõi hỗ trợ trẻ em khuyết tật tỉnh Kon Tum',
	siteShort: 'TEKT Kon Tum',
	skipToContent: 'Bỏ qua, đến nội dung chính',
	navLabel: 'Điều hướng chính',
	navOverview: 'Tổng quan',
	navMap: 'Bản đồ',
	navExplorer: 'Phân tích',
	navData: 'Dữ liệu',
	otherLanguage: 'English',
	otherLanguageLabel: 'Xem bằng tiếng Anh',
	illustrative: 'Dữ liệu minh họa, không phải số liệu chính thức',
	illustrativeMore:
		'Chưa có số liệu chính thức cấp xã được công bố; các con số trên trang này được tạo có kiểm soát để minh họa cách theo dõi.',
	asOf: 'Số liệu đến ngày',
	footerPlan: 'Kế hoạch',
	footerSources: 'Nguồn và giấy phép',
	footerCode: 'Mã nguồn của trang theo giấy phép MIT; ranh giới hành chính theo GPL-3.0.',
	footerPrivacy: 'Số nhỏ hơn 5 trẻ được ẩn để bảo vệ trẻ em.',
	phase: 'Giai đoạn',
	year: 'Năm',
	target: 'Mục tiêu',
	latest: 'Mới nhất',
	value: 'Giá trị',
	gap: 'Chênh lệch so với mục tiêu',
	status: 'Tình trạng',
	indicator: 'Chỉ tiêu',
	province: 'Toàn tỉnh',
	district: 'Huyện',
	commune: 'Xã',
	unit: 'Đơn vị',
	suppressed: 'Đã ẩn (<5)',
	suppressedLong: 'Đã ẩn do số nhỏ',
	noData: 'Không có dữ liệu',
	dataTable: 'Bảng số liệu',
	downloadCsv: 'Tải CSV',
	method: 'Cách tính',
	children: 'Số TEKT',
	reportOnTime: 'Đúng hạn',
	reportLate: 'Trễ hạn',
	reportMissing: 'Chưa nộp',
	reportNotDue: 'Chưa đến hạn',
	completeness: 'Tỷ lệ đầy đủ',
	timeliness: 'Tỷ lệ đúng hạn',
	source: 'Nguồn',
	loading: 'Đang tải…',
	close: 'Đóng',
	overviewTitle: 'Tỉnh Kon Tum có đạt mục tiêu hỗ trợ trẻ em khuyết tật?',
	overviewLead:
		'Tiến độ từng chỉ tiêu của Kế hoạch 3430/KH-UBND so với mục tiêu của giai đoạn đã chọn.',
	choosePhase: 'Chọn giai đoạn',
	chooseYear: 'Năm',
	chooseIndicator: 'Chỉ tiêu',
	targetOfPhase: 'Mục tiêu giai đoạn',
	valueIn: 'Giá trị năm',
	maintain: 'duy trì',
	phaseVerdicts: 'Kết quả theo giai đoạn',
	phaseVerdictsLead:
		'Mỗi chỉ tiêu so với mục tiêu của từng giai đoạn: kết thúc giai đoạn thì Đạt hoặc Không đạt; trong giai đoạn thì so với lộ trình.',
	trendsTitle: 'Diễn biến qua các năm',
	unitCountsTitle: 'Đơn vị có dịch vụ, mạng lưới liên kết dịch vụ',
	unitsCounted: 'Danh sách đơn vị được tính',
	districtComparison: 'So sánh các huyện',
	districtComparisonLead:
		'Giá trị của từng huyện so với mục tiêu; đường chấm là giá trị toàn tỉnh.',
	reportingTitle: 'Tình hình nộp báo cáo',
	reportingLead:
		'Báo cáo của 10 huyện, thành phố gửi UBND tỉnh (qua Sở LĐ-TB&XH): 6 tháng trước ngày 10/6, năm trước ngày 10/12.',
	periodH1: '6 tháng',
	periodY: 'Năm',
	lagging: 'Huyện thấp hơn mục tiêu',
	methodBody:
		'Tỷ lệ = tử số ÷ mẫu số cộng dồn từ các xã (không lấy trung bình các tỷ lệ). Năm cuối giai đoạn (2020, 2025): Đạt nếu giá trị bằng hoặc vượt mục tiêu, ngược lại Không đạt. Trong giai đoạn: vẽ đường thẳng từ giá trị năm gốc (2018 cho giai đoạn 1, 2020 cho giai đoạn 2) đến mục tiêu năm cuối; Đúng tiến độ nếu bằng hoặc trên đường đó, Có nguy cơ nếu đạt ít nhất một nửa mức tiến bộ kỳ vọng, Chậm nếu ít hơn. Không có dữ liệu khi thiếu số liệu hoặc số liệu bị ẩn do số nhỏ.',
	methodMore: 'Chi tiết phương pháp',
	mapTitle: 'Bản đồ độ bao phủ theo xã',
	mapLead:
		'Mạng lưới dịch vụ và các chỉ tiêu của từng xã, phường, thị trấn và huyện, so với mục tiêu của giai đoạn.',
	colourBy: 'Tô màu theo',
	measureNetwork: 'Mạng lưới liên kết dịch vụ',
	measureTimeliness: 'Báo cáo đúng hạn',
	level: 'Cấp',
	levelCommune: 'Xã',
	levelDistrict: 'Huyện',
	play: 'Chạy qua các năm',
	pause: 'Dừng',
	searchUnits: 'Tìm đơn vị',
	unitList: 'Danh sách đơn vị',
	clsMet: 'Đạt mục tiêu',
	clsBelow: 'Dưới mục tiêu',
	clsLow: 'Dưới một nửa mục tiêu',
	clsYes: 'Có mạng lưới',
	clsNo: 'Chưa có',
	clsNoData: 'Không có dữ liệu',
	clsSuppressed: 'Đã ẩn do số nhỏ',
	downloadPng: 'Tải ảnh PNG',
	openUnitPage: 'Xem trang đơn vị',
	mapFallback: 'Bản đồ tĩnh (SVG). Bản đồ tương tác cần WebGL.',
	selectedUnit: 'Đơn vị đã chọn',
	trend: 'Diễn biến',
	byType: 'Theo dạng tật',
	communesOf: 'Các xã, phường, thị trấn',
	unitPageLead: 'Các chỉ tiêu của đơn vị so với mục tiêu của kế hoạch.',
	count: 'Số',
	sortBy: 'Sắp xếp theo',
	name: 'Tên',
	results: 'kết quả',
	whereOnMap: 'Vị trí trên bản đồ',
	people: 'trẻ',
	ofChildren: 'trên'
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
	siteTitle: 'Monitoring support for children with disabilities in Kon Tum',
	siteShort: 'CWD Kon Tum',
	skipToContent: 'Skip to main content',
	navLabel: 'Main navigation',
	navOverview: 'Overview',
	navMap: 'Map',
	navExplorer: 'Explorer',
	navData: 'Data',
	otherLanguage: 'Tiếng Việt',
	otherLanguageLabel: 'View in Vietnamese',
	illustrative: 'Illustrative data, not official statistics',
	illustrativeMore:
		'No official commune-level figures have been published; the numbers on this page are generated under control to show how monitoring works.',
	asOf: 'Data as of',
	footerPlan: 'Plan',
	footerSources: 'Sources and licences',
	footerCode: 'Site code under the MIT licence; administrative boundaries under GPL-3.0.',
	footerPrivacy: 'Numbers under 5 children are hidden to protect children.',
	phase: 'Phase',
	year: 'Year',
	target: 'Target',
	latest: 'Latest',
	value: 'Value',
	gap: 'Gap to target',
	status: 'Status',
	indicator: 'Indicator',
	province: 'Province',
	district: 'District',
	commune: 'Commune',
	unit: 'Unit',
	suppressed: 'Hidden (<5)',
	suppressedLong: 'Hidden to protect privacy',
	noData: 'No data',
	dataTable: 'Data table',
	downloadCsv: 'Download CSV',
	method: 'How it is computed',
	children: 'Children with disabilities',
	reportOnTime: 'On time',
	reportLate: 'Late',
	reportMissing: 'Missing',
	reportNotDue: 'Not yet due',
	completeness: 'Completeness',
	timeliness: 'Timeliness',
	source: 'Source',
	loading: 'Loading…',
	close: 'Close',
	overviewTitle: 'Is Kon Tum reaching its targets for children with disabilities?',
	overviewLead: 'Progress of each target of Plan 3430/KH-UBND against the selected phase.',
	choosePhase: 'Choose a phase',
	chooseYear: 'Year',
	chooseIndicator: 'Indicator',
	targetOfPhase: 'Phase target',
	valueIn: 'Value in',
	maintain: 'maintain',
	phaseVerdicts: 'Results by phase',
	phaseVerdictsLead:
		'Each target against each phase: at the end of a phase, met or not met; inside a phase, compared with the trajectory.',
	trendsTitle: 'Trends over the years',
	unitCountsTitle: 'Units with services or a linked service network',
	unitsCounted: 'Units counted',
	districtComparison: 'Districts compared',
	districtComparisonLead:
		'Each district against the target; the dotted line is the province value.',
	reportingTitle: 'Reporting',
	reportingLead:
		"Reports of the 10 districts to the Provincial People's Committee (through DOLISA): half-year before 10 June, annual before 10 December.",
	periodH1: 'Half-year',
	periodY: 'Annual',
	lagging: 'Districts below the target',
	methodBody:
		'Rate = numerator ÷ denominator summed over communes (never an average of rates). At a phase end year (2020, 2025): Met if the value reaches the target, otherwise Not met. Inside a phase: a straight line runs from the baseline year value (2018 for phase 1, 2020 for phase 2) to the target at the phase end; On track on or above that line, At risk with at least half of the expected progress, Off track with less. No data when figures are missing or hidden as small numbers.',
	methodMore: 'Full methodology',
	mapTitle: 'Coverage map by commune',
	mapLead: 'Service networks and each target by commune and district, against the phase target.',
	colourBy: 'Colour by',
	measureNetwork: 'Linked service network',
	measureTimeliness: 'Reports on time',
	level: 'Level',
	levelCommune: 'Communes',
	levelDistrict: 'Districts',
	play: 'Play through the years',
	pause: 'Pause',
	searchUnits: 'Find a unit',
	unitList: 'List of units',
	clsMet: 'Target met',
	clsBelow: 'Below target',
	clsLow: 'Under half of target',
	clsYes: 'Has a network',
	clsNo: 'None yet',
	clsNoData: 'No data',
	clsSuppressed: 'Hidden (small numbers)',
	downloadPng: 'Download PNG',
	openUnitPage: 'Open the unit page',
	mapFallback: 'Static map (SVG). The interactive map needs WebGL.',
	selectedUnit: 'Selected unit',
	trend: 'Trend',
	byType: 'By disability type',
	communesOf: 'Communes',
	unitPageLead: "The unit's indicators against the plan's targets.",
	count: 'Count',
	sortBy: 'Sort by',
	name: 'Name',
	results: 'results',
	whereOnMap: 'Where it is',
	people: 'children',
	ofChildren: 'of'
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function t(lang: Lang, key: MessageKey): string {
	return dictionaries[lang][key];
}

const statusText: Record<ProgressStatus, Record<Lang, string>> = {
	met: { vi: 'Đạt', en: 'Met' },
	not_met: { vi: 'Không đạt', en: 'Not met' },
	on_track: { vi: 'Đúng tiến độ', en: 'On track' },
	at_risk: { vi: 'Có nguy cơ', en: 'At risk' },
	off_track: { vi: 'Chậm', en: 'Off track' },
	no_data: { vi: 'Không có dữ liệu', en: 'No data' }
};

export function statusLabel(status: ProgressStatus, lang: Lang): string {
	return statusText[status][lang];
}

const reportText: Record<ReportStatus, MessageKey> = {
	on_time: 'reportOnTime',
	late: 'reportLate',
	missing: 'reportMissing',
	not_due: 'reportNotDue'
};

export function reportStatusLabel(status: ReportStatus, lang: Lang): string {
	return t(lang, reportText[status]);
}

/** A path in the given language: Vietnamese at the root, English under /en. */
export function localePath(lang: Lang, path: string): string {
	const p = path.startsWith('/') ? path : `/${path}`;
	return lang === 'vi' ? p : `/en${p}`;
}
