import { describe, expect, it } from 'vitest';
import { wrapLines } from './image-export';

describe('wrapLines', () => {
	const measure = (s: string) => s.length;
	it('breaks at spaces so no line is wider than asked', () => {
		expect(wrapLines(measure, 'aaa bbb ccc dddd', 8)).toEqual(['aaa bbb', 'ccc dddd']);
	});
	it('keeps a word longer than the width whole, on its own line', () => {
		expect(wrapLines(measure, 'a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
	});
	it('returns one line when all fits', () => {
		expect(wrapLines(measure, 'short', 80)).toEqual(['short']);
	});
});
