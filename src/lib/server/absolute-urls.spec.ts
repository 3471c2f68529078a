import { describe, expect, test } from 'vitest';
import { absoluteUrls } from './absolute-urls';

describe('absoluteUrls', () => {
	test('resolves ./ and ../ against the page, at the root or under a prefix', () => {
		const html =
			'<link href="./_app/a.css" rel="stylesheet"><a href="./ban-do/">m</a><a href=".">h</a>';
		expect(absoluteUrls(html, '/404')).toBe(
			'<link href="/_app/a.css" rel="stylesheet"><a href="/ban-do/">m</a><a href="/">h</a>'
		);
		expect(absoluteUrls('<a href="../don-vi/610/#x">d</a>', '/en/404', '/tekt')).toBe(
			'<a href="/tekt/don-vi/610/#x">d</a>'
		);
		expect(absoluteUrls('<script src="../unit-search.js"></script>', '/en/404')).toBe(
			'<script src="/unit-search.js"></script>'
		);
	});
	test('leaves absolute URLs, fragments and other attributes alone', () => {
		const html = '<a href="https://x.org/a">x</a><a href="#main">s</a><p title="./no">t</p>';
		expect(absoluteUrls(html, '/404')).toBe(html);
	});
});
