/**
 * The explorer's state and what it does: the filters (kept in the URL), the result they show,
 * the engine as it loads, and an upload shown in place of the published cube. The route only
 * lays out the components that read it.
 */
import { base } from '$app/paths';
import { replaceState } from '$app/navigation';
import { breakdowns, type BreakdownId } from '$lib/domain/breakdowns';
import { UPLOAD_DEPTH } from '$lib/domain/cube-sql';
import {
	chosen,
	copyFilters,
	emptyFilters,
	filtersAtLevel,
	filtersFromParams,
	filtersToParams,
	readRow,
	runExplorerQueries,
	sameFilters,
	viewPublication,
	type BreakdownDepth,
	type ExplorerDim,
	type ExplorerFilters,
	type ExplorerPart,
	type ExplorerResult,
	type PartPublication,
	type RawRow
} from '$lib/domain/explorer';
import { earlyKey } from '$lib/domain/explorer-early';
import { describeFilters, districtTableExport } from '$lib/domain/explorer-export';
import { t, tf } from '$lib/domain/i18n';
import type { ChildrenRecord } from '$lib/domain/intake/schema';
import { levelName } from '$lib/domain/not-published';
import type { Plan } from '$lib/domain/plan';
import { getQueryClient, type QueryClient } from '$lib/data/duckdb';
import { loadPublishedCube, type EngineProgress } from '$lib/data/explorer-engine';
import type { ExplorerData } from './explorer-data';
import { publishedEraOfYear, publishedEras } from '$lib/domain/unit-eras';
import { earlyViews } from '$lib/data/early-views';
import { loadUploadCube, uploadContext } from '$lib/data/upload';

export type EngineStatus = 'prerendered' | 'loading' | 'ready' | 'failed';
export type { EngineProgress };

export class ExplorerState {
	readonly #data: () => ExplorerData;
	get data() {
		return this.#data();
	}

	lang = $derived(this.data.lang);
	plan = $derived(this.data.plan as Plan);
	notice = $derived(this.data.site.illustrative ? t(this.lang, 'illustrative') : undefined);
	/**
	 * The units of a year: those in force on its last day (the 2025 reform reused old codes for new
	 * units, so a code's name depends on the year shown).
	 */
	unitsOfYear = (year: number) => {
		const eras = publishedEras(this.data.units.map((u) => ({ ...u, unit_code: u.code })));
		return publishedEraOfYear(eras, year).rows;
	};
	#eraOf = (year: number) =>
		publishedEraOfYear(
			publishedEras(this.data.units.map((u) => ({ ...u, unit_code: u.code }))),
			year
		).from;
	/** the plan's first units (an upload is checked against them) */
	firstUnits = $derived(this.unitsOfYear(Math.min(...this.data.years, this.data.defaultYear)));
	filters: ExplorerFilters = $state() as ExplorerFilters;
	result: ExplorerResult = $state() as ExplorerResult;
	/** the options offered: the units of the chosen year */
	districts = $derived(this.unitsOfYear(this.filters.year).filter((u) => u.level === 'district'));
	/** names under the result: those of the year it shows */
	#shownUnits = $derived(this.unitsOfYear(this.result.filters.year));
	districtName = $derived(
		Object.fromEntries(
			this.#shownUnits.filter((u) => u.level === 'district').map((d) => [d.code, d.name])
		)
	);
	// a link's codes may be of any era (the year it names picks the units)
	allowed = $derived({
		...(Object.fromEntries(
			breakdowns.map((b) => [b.id, b.categories.map((c) => c.code)])
		) as Record<BreakdownId, string[]>),
		district: [
			...new Set(this.data.units.filter((u) => u.level === 'district').map((d) => d.code))
		],
		commune: [...new Set(this.data.units.filter((u) => u.level === 'commune').map((u) => u.code))]
	});
	communeName = $derived(
		Object.fromEntries(
			this.#shownUnits.filter((u) => u.level === 'commune').map((u) => [u.code, u.name])
		)
	);
	names = $derived({ district: this.districtName, commune: this.communeName });
	/** the names of a year's units (the selection a view waits for is named by its own year) */
	namesOf = (year: number) => {
		const rows = this.unitsOfYear(year);
		const of = (level: string) =>
			Object.fromEntries(rows.filter((u) => u.level === level).map((u) => [u.code, u.name]));
		return { district: of('district'), commune: of('commune') };
	};

	communesOfDistrict = $derived(
		this.filters.district.length === 1
			? this.unitsOfYear(this.filters.year).filter(
					(u) => u.level === 'commune' && u.district_code === this.filters.district[0]
				)
			: []
	);
	/**
	 * The years the trend spans: every year, but for chosen communes only the years of the shown
	 * year's era (a reused code names another unit in another era: never one series across them).
	 */
	trendYears = $derived.by(() => {
		if (this.result.filters.commune.length === 0 || this.result.table !== 'cube') return this.years;
		const eras = publishedEras(this.data.units.map((u) => ({ ...u, unit_code: u.code })));
		const era = publishedEraOfYear(eras, this.result.filters.year);
		return this.years.filter((y) => publishedEraOfYear(eras, y) === era);
	});
	status = $state<EngineStatus>('prerendered');
	progress = $state<EngineProgress>({ loaded: 0, total: 0, stage: 'engine' });
	table = $state('cube');
	uploadName: string | null = $state(null);
	uploadYears: number[] = $state([]);
	busy = $state(false);
	#client: QueryClient | null = null;
	#seq = 0;

	constructor(data: () => ExplorerData) {
		this.#data = data;
		this.filters = emptyFilters(data().defaultYear);
		this.result = data().initial;
	}

	years = $derived(this.table === 'cube' ? this.data.years : this.uploadYears);
	// The published cube's depths are the manifest's; an upload is computed to fixed ones.
	depthOf = (tbl: string): BreakdownDepth => (tbl === 'cube' ? this.data.depth : UPLOAD_DEPTH);
	// Filters work while the engine loads: early views answer at once, the others wait (and say so).
	canFilter = $derived(this.status === 'ready' || this.status === 'loading');

	// Every number below is the result's, under the result's own filters: while a new view
	// loads, the page goes on saying which selection its numbers belong to.
	shown = $derived(this.result.filters);
	uploadShown = $derived(this.result.table !== 'cube');
	minDenominator = $derived(this.uploadShown ? 0 : this.data.minDenominator);
	pub = $derived(viewPublication(this.shown, this.depthOf(this.result.table)));

	/**
	 * Whether a grouping's counts no longer answer the filters chosen: it ignores its own filter
	 * (and districts compared ignore the communes too), so ticking an option of a group leaves
	 * that group's counts in place while the others wait for the new view.
	 */
	stale = (d: ExplorerDim) => {
		const ignored: ExplorerDim[] = d === 'district' ? ['district', 'commune'] : [d];
		const strip = (f: ExplorerFilters) => ({
			...f,
			...Object.fromEntries(ignored.map((x) => [x, []]))
		});
		return this.result.table !== this.table || !sameFilters(strip(this.shown), strip(this.filters));
	};

	/** In the browser: the URL's filters, then the engine and the cube. */
	start() {
		const data = this.data;
		this.filters = filtersFromParams(
			new URLSearchParams(location.search),
			this.allowed,
			data.years,
			data.defaultYear
		);
		this.status = 'loading';
		// a shared link's view, answered from the prerendered views if it is one of them
		earlyViews(base, this.filters.year);
		this.answerEarly();
		(async () => {
			try {
				const c = await loadPublishedCube(
					base,
					data.cubeFile,
					data.years,
					data.engineBytes,
					(p) => (this.progress = p)
				);
				this.#client = c;
				this.status = 'ready';
				await this.refresh();
			} catch (e) {
				console.warn('explorer engine:', e);
				this.status = 'failed';
				// the filters go back to what the numbers shown answer
				this.filters = copyFilters(this.result.filters);
				const url = new URL(location.href);
				url.search = new URLSearchParams(
					filtersToParams(this.result.filters, data.defaultYear)
				).toString();
				replaceState(url, {});
			}
		})();
	}

	/**
	 * Before the engine: the view from the year's prerendered views when it is one of them (one
	 * filter at most); any other waits, its numbers never shown under the new words.
	 */
	async answerEarly() {
		const mine = ++this.#seq;
		const key = earlyKey(this.filters);
		if (key === null || this.table !== 'cube') return;
		const views = await earlyViews(base, this.filters.year);
		const r = views?.views[key];
		if (mine === this.#seq && !this.#client && r) this.result = r;
	}

	async refresh() {
		if (!this.#client) return this.answerEarly();
		const mine = ++this.#seq;
		this.busy = true;
		const c = this.#client;
		const r = await runExplorerQueries(
			(sql) => c.query(sql) as Promise<RawRow[]>,
			this.filters,
			this.depthOf(this.table),
			this.table
		);
		if (mine === this.#seq) {
			this.result = r;
			this.busy = false;
		}
	}

	update = (next: ExplorerFilters) => {
		// A year of another era of units: the chosen communes are not its units (a reused code
		// names another unit), so the choice of communes is cleared.
		if (next.commune.length > 0 && this.#eraOf(next.year) !== this.#eraOf(this.filters.year))
			next = { ...next, commune: [] };
		this.filters = next;
		const url = new URL(location.href);
		url.search = new URLSearchParams(filtersToParams(next, this.data.defaultYear)).toString();
		replaceState(url, {});
		this.refresh();
	};
	// Communes belong to one chosen district; choosing another district clears them.
	setDim = (d: ExplorerDim, values: string[]) =>
		this.update({
			...this.filters,
			[d]: values,
			...(d === 'district' && (values.length !== 1 || values[0] !== this.filters.district[0])
				? { commune: [] }
				: {})
		});
	toggle = (d: ExplorerDim, code: string) =>
		this.setDim(
			d,
			chosen(this.filters, d).includes(code)
				? chosen(this.filters, d).filter((c) => c !== code)
				: [...chosen(this.filters, d), code]
		);
	reset = () => this.update(emptyFilters(this.filters.year));

	// Counts beside the options: only the result's, only when published, never stale ones.
	counts = (d: ExplorerDim) =>
		this.stale(d) || !this.result.published[d]
			? {}
			: Object.fromEntries(
					(this.result.groups[d] ?? []).map((r) => [
						String(r.category),
						readRow(r, this.minDenominator).children
					])
				);
	countsNote = (d: ExplorerDim) =>
		this.result.published[d]
			? undefined
			: tf(this.lang, 'countsNotPublished', { level: levelName(this.pub[d].level, this.lang) });
	total = $derived(this.result.total ? readRow(this.result.total, this.minDenominator) : null);
	/** A part not published: as a full message, or as a line when the selection's message above says it all. */
	compact = (part: ExplorerPart) =>
		!this.result.published.total && this.pub[part].level === this.pub.total.level;
	/** A way to see the part at the level that publishes it (none when that level is the one shown). */
	answer = (p: PartPublication) => {
		const shown = this.shown;
		if (this.result.published.total && p.answeredBy === this.pub.total.level) return undefined;
		if (p.answeredBy === 'province')
			return {
				label: t(this.lang, 'showForProvince'),
				onclick: () => this.update(filtersAtLevel(shown, 'province'))
			};
		if (p.answeredBy === 'district' && shown.district.length === 1)
			return {
				label: tf(this.lang, 'showForUnit', { name: this.districtName[shown.district[0]] }),
				onclick: () => this.update(filtersAtLevel(shown, 'district'))
			};
		return undefined;
	};
	districtRows = $derived(
		(this.result.groups.district ?? []).map((r) => ({
			code: String(r.category),
			cells: readRow(r, this.minDenominator)
		}))
	);
	selectionText = $derived(describeFilters(this.shown, this.lang, this.names));
	// a selection made (or opened from a link) that the numbers shown do not answer yet: said,
	// and no number is shown until it is answered
	waiting = $derived(
		this.status === 'loading' && !sameFilters(this.filters, this.shown)
			? {
					selection: describeFilters(this.filters, this.lang, this.namesOf(this.filters.year)),
					year: this.filters.year
				}
			: null
	);
	exported = $derived(
		districtTableExport(this.shown, this.districtRows, this.lang, this.names, this.notice)
	);
	cubeDownloads = $derived.by(() => {
		const file = (format: string) => {
			const f = this.data.cubeFiles.find((x) => x.format === format);
			return f ? { href: `${base}/data/${f.path}`, bytes: f.bytes } : undefined;
		};
		const csv = file('csv');
		return !this.uploadShown && csv ? { csv, parquet: file('parquet') } : null;
	});

	/** Valid records of an upload: the cube built from them is shown in place of the published one. */
	showUpload = async (children: ChildrenRecord[], files: string) => {
		const ctx = uploadContext(this.plan, this.firstUnits);
		const c = this.#client ?? (await getQueryClient());
		this.#client = c;
		this.uploadYears = await loadUploadCube(c, children, ctx);
		this.table = 'upload_cube';
		this.status = 'ready';
		this.update({
			...this.filters,
			year: this.uploadYears.includes(this.filters.year)
				? this.filters.year
				: this.uploadYears.at(-1)!
		});
		this.uploadName = files;
	};
	backToPublished = () => {
		this.table = 'cube';
		this.uploadName = null;
		this.update({
			...this.filters,
			year: this.data.years.includes(this.filters.year) ? this.filters.year : this.data.defaultYear
		});
	};
}
