/** Seeded random numbers for the illustrative data and the benchmarks (same seed, same bytes). */
/** mulberry32 with a few helpers: small, fast and identical on every platform. */
export class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}
	normal(): number {
		return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	binomial(n: number, p: number): number {
		let k = 0;
		for (let i = 0; i < n; i++) if (this.next() < p) k++;
		return k;
	}
	/** Index drawn with probability proportional to weights (given as a cumulative array). */
	pick(cumulative: number[]): number {
		const u = this.next() * cumulative[cumulative.length - 1];
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] > u) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}
}
