import { describe, expect, it } from 'vitest';
import { placeTooltip } from './tooltip';

const vp = { width: 1366, height: 900 };
const size = { width: 200, height: 60 };

describe('placeTooltip', () => {
	it('sits below right of the pointer when it fits', () => {
		expect(placeTooltip({ x: 300, y: 400 }, size, vp)).toEqual({ left: 314, top: 414 });
	});
	it('flips above the pointer near the bottom edge, to the left near the right edge', () => {
		// 880 + 14 + 60 > 892: above, at 880 - 14 - 60 = 806
		expect(placeTooltip({ x: 300, y: 880 }, size, vp)).toEqual({ left: 314, top: 806 });
		// 1300 + 14 + 200 > 1358: left, at 1300 - 14 - 200 = 1086
		expect(placeTooltip({ x: 1300, y: 400 }, size, vp)).toEqual({ left: 1086, top: 414 });
	});
	it('stays inside a viewport too small for either side', () => {
		expect(placeTooltip({ x: 100, y: 40 }, size, { width: 220, height: 90 })).toEqual({
			left: 8,
			top: 8
		});
	});
});
