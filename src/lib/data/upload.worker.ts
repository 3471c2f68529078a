/**
 * Validates an analyst's upload off the page's thread, so the page stays usable (and can cancel)
 * while a large file is checked: each file read in slices, then decoded and checked by the
 * pipeline's own validator, with progress along the way. Only the first issues of each file
 * come back, values cut short.
 */
/// <reference lib="webworker" />
import { t } from '$lib/domain/i18n';
import type { IntakeIssue } from '$lib/domain/intake/messages';
import type { ChildrenRecord } from '$lib/domain/intake/schema';
import { validateReportBytes, type IntakeContext } from '$lib/domain/intake/validate';
import { erasFromList } from '$lib/domain/unit-eras';
import { capIssues, MAX_LISTED_ISSUES } from '$lib/domain/upload-check';
import type { CheckRequest, UploadReport, WorkerMessage } from './upload-protocol';

const SLICE = 1024 * 1024;

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

async function readBytes(file: File, onRead: (done: number) => void): Promise<Uint8Array> {
	const bytes = new Uint8Array(file.size);
	for (let at = 0; at < file.size; at += SLICE) {
		const part = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
		bytes.set(part, at);
		onRead(at + part.length);
	}
	return bytes;
}

async function check({ files, plan, units }: CheckRequest): Promise<UploadReport> {
	// a list with eras (a reform inside the plan): each row is checked against its year's units
	const eras = erasFromList(
		{ code: plan.geography.province.code, name: plan.geography.province.name.vi },
		units
	);
	const ctx: IntakeContext = { plan, geo: eras[0].geo, ...(eras.length > 1 ? { eras } : {}) };
	const sizes = files.map((f) => f.size);
	const report: UploadReport = { files: [], children: null };
	let children: ChildrenRecord[] = [];
	let errors = false;
	for (const [index, file] of files.entries()) {
		const progress = (stage: 'read' | 'check', done: number, total: number) =>
			post({ type: 'progress', index, sizes, stage, done, total });
		progress('read', 0, file.size);
		const bytes = await readBytes(file, (done) => progress('read', done, file.size));
		const v = validateReportBytes(file.name, bytes, ctx, {
			progress: (done, total) => progress('check', done, total)
		});
		errors ||= v.issues.some((i) => i.severity === 'error');
		report.files.push({
			file: file.name,
			...capIssues(v.issues, MAX_LISTED_ISSUES, v.unlisted)
		});
		// concat: spreading 100 000 records into push() overflows the call stack
		if (v.kind === 'children') children = children.concat(v.children);
	}
	if (!errors && children.length > 0) report.children = children;
	else if (!errors) {
		const none: IntakeIssue = {
			file: files[0]?.name ?? '',
			row: 1,
			column: '',
			value: '',
			severity: 'error',
			message: { vi: t('vi', 'uploadNoChildren'), en: t('en', 'uploadNoChildren') }
		};
		report.files.push({ file: none.file, issues: [none], more: 0 });
	}
	return report;
}

self.onmessage = async (e: MessageEvent<CheckRequest>) => {
	try {
		post({ type: 'done', report: await check(e.data) });
	} catch (err) {
		post({ type: 'failed', reason: String(err) });
	}
};
