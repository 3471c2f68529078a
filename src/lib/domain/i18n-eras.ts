/**
 * Words for units that change over time (the 2025 reform): unit pages by era, the unit search over
 * old and new names, the 2025 names of the districts' former areas. Vietnamese first, English
 * beside it; apart from i18n.ts so both can grow without touching each other.
 */
import type { Lang } from './breakdowns';

const vi = {
	eraFrom: 'từ {day}',
	eraUntil: 'đến {day}',
	eraYears: 'số liệu {years}',
	codeReused:
		'Mã {code} là mã của {n} đơn vị ở các thời kỳ khác nhau: {list}. Số liệu của mỗi đơn vị chỉ nằm ở phần của đơn vị đó, không nối thành một chuỗi.',
	formedFrom:
		'Thành lập ngày {day} từ {n} đơn vị cũ (số liệu của các đơn vị này đến năm {year} ở trang của từng đơn vị):',
	nowPartOf: 'Từ ngày {day}, {name} thuộc',
	nowPartOfTail: '(cùng các đơn vị khác). Số liệu từ năm {year} là của đơn vị mới.',
	districtEnded:
		'Cấp huyện kết thúc ngày {day}. Số liệu năm {year} là của khu vực huyện cũ: tổng của {n} xã, phường mới nằm trong khu vực này.',
	districtEndedBefore: 'Cấp huyện kết thúc ngày {day}; số liệu từ năm {year}:',
	newCommunesOf: 'Các xã, phường mới trong khu vực',
	oneYear: 'Đơn vị này có số liệu của một năm ({year}): chưa có xu hướng để vẽ.',
	searchNowPart: 'nay thuộc {name}',
	searchFrom: 'từ {names}',
	unitsUntil: 'Đơn vị đến ngày {day}',
	unitsFrom: 'Đơn vị từ ngày {day}',
	searchHint:
		'Gõ tên cũ hoặc mới của huyện, xã (có dấu hay không dấu đều được): tên cũ tìm ra cả đơn vị mới, tên mới tìm ra cả các đơn vị cũ.',
	districtsEnded:
		'Từ ngày {day} không còn cấp huyện: số liệu năm {year} là của khu vực huyện cũ (tổng các xã, phường mới nằm trong đó).',
	districtsOverYears:
		'Từ ngày {day} không còn cấp huyện: điểm năm {year} là của khu vực huyện cũ, cùng địa bàn (tổng các xã, phường mới nằm trong đó).'
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
	eraFrom: 'from {day}',
	eraUntil: 'until {day}',
	eraYears: 'figures {years}',
	codeReused:
		"Code {code} names {n} units at different times: {list}. Each unit's figures are in its own part only, never joined into one series.",
	formedFrom:
		"Formed on {day} from {n} former units (their figures up to {year} are on each unit's page):",
	nowPartOf: 'Since {day}, {name} is part of',
	nowPartOfTail: '(with other units). Figures from {year} on are the new unit’s.',
	districtEnded:
		'The district level ended on {day}. The {year} figures are those of the former district area: the sum of the {n} new communes within it.',
	districtEndedBefore: 'The district level ended on {day}; figures from {year}:',
	newCommunesOf: 'New communes in the area',
	oneYear: 'This unit has figures for one year ({year}): no trend to draw yet.',
	searchNowPart: 'now part of {name}',
	searchFrom: 'formed from {names}',
	unitsUntil: 'Units until {day}',
	unitsFrom: 'Units from {day}',
	searchHint:
		'Type the old or new name of a district or commune (with or without accents): an old name also finds the new unit, a new name its former units.',
	districtsEnded:
		'Districts ended on {day}: the {year} figures are those of the former district areas (the sum of the new communes within each).',
	districtsOverYears:
		'Districts ended on {day}: the {year} point is the former district area, the same ground (the sum of the new communes within it).'
};

const dictionaries: Record<Lang, Record<Key, string>> = { vi, en };

/** A message with its {placeholders} filled. */
export function et(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
	return dictionaries[lang][key].replace(/\{(\w+)\}/g, (m, k: string) =>
		k in vars ? String(vars[k]) : m
	);
}
