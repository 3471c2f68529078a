import { describe, expect, it } from 'vitest';
import { depthText, notPublishedText } from './not-published';

describe('the "not published at this level" message', () => {
	it('says, in Vietnamese, what the district publishes and what the figures combine', () => {
		expect(
			notPublishedText(
				{ level: 'district', breakdowns: ['sex', 'ethnicity'], allowed: 1, answeredBy: 'province' },
				'vi'
			)
		).toEqual({
			title: 'Không công bố ở cấp huyện',
			body: 'Để bảo vệ các nhóm trẻ nhỏ, số liệu cấp huyện chỉ được công bố theo từng phân tổ một, không kết hợp hai phân tổ; số liệu này kết hợp 2 phân tổ (giới tính, dân tộc).',
			answer: 'Cấp tỉnh có công bố số liệu này.'
		});
	});

	it('says it in English for a commune cut by one breakdown', () => {
		expect(
			notPublishedText(
				{
					level: 'commune',
					breakdowns: ['disability_type'],
					allowed: 0,
					answeredBy: 'district'
				},
				'en'
			)
		).toEqual({
			title: 'Not published at commune level',
			body: 'To protect small groups of children, commune figures are published as totals only, with no breakdown; these figures are cut by 1 breakdown (disability type).',
			answer: 'They are published at district level.'
		});
	});

	it('takes any depth the manifest states, and says when no level publishes the figures', () => {
		expect(depthText(3, 'en')).toBe('with up to 3 breakdowns combined');
		expect(depthText(2, 'vi')).toBe('với tối đa 2 phân tổ kết hợp');
		const none = notPublishedText(
			{ level: 'province', breakdowns: ['sex', 'severity'], allowed: 1, answeredBy: null },
			'en'
		);
		expect(none.answer).toBe('No level publishes these figures: remove a breakdown filter.');
	});

	it('says "not computed" for an uploaded file, which is not protected', () => {
		const text = notPublishedText(
			{ level: 'commune', breakdowns: ['sex', 'severity'], allowed: 1, answeredBy: 'district' },
			'vi',
			true
		);
		expect(text.title).toBe('Không tính ở cấp xã');
		expect(text.body).toBe(
			'Với tệp bạn tải lên, số liệu cấp xã chỉ được tính theo từng phân tổ một, không kết hợp hai phân tổ; số liệu này kết hợp 2 phân tổ (giới tính, mức độ).'
		);
	});
});
