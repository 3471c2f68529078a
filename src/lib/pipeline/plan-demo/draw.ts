/**
 * Seeded draws the generator shares: one independent stream per (seed, what, unit, year), so a
 * change in one table never shifts the numbers of another; trends clamped to their bounds.
 */
import { Rng } from '../rng';
import type { Trend } from './calibration';

/** FNV-1a of the parts: a stable 32-bit stream id. */
export function stream(seed: number, ...parts: (string | number)[]): Rng {
	let h = 0x811c9dc5 ^ (seed >>> 0);
	for (const ch of parts.join('|')) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return new Rng(h);
}

/** A unit's lasting size factor: log-normal with mean 1. */
export function sizeFactor(rng: Rng, spread: number): number {
	return Math.exp(spread * rng.normal() - (spread * spread) / 2);
}

/** A count around `mean` (normal approximation of a Poisson draw), never negative. */
export function countAround(rng: Rng, mean: number): number {
	if (mean <= 0) return 0;
	return Math.max(0, Math.round(mean + rng.normal() * Math.sqrt(mean)));
}

/** The trend's value in a year for a unit with a lasting offset, within [0, max]. */
export function trendAt(t: Trend, yearsIn: number, offset: number): number {
	const v = t.start.value + t.yearlyChange.value * yearsIn + offset;
	return Math.min(t.max.value, Math.max(0, v));
}

export function addDays(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
