/** Messages between the explorer page and the worker that validates an upload (upload.worker.ts). */
import type { IntakeIssue } from '$lib/domain/intake/messages';
import type { ChildrenRecord } from '$lib/domain/intake/schema';
import type { Plan } from '$lib/domain/plan';
import type { UnitWithEra } from '$lib/domain/unit-eras';
import type { UploadProgress } from '$lib/domain/upload-check';

/** What the files are checked against: the plan and its units (plain data, cloned to the worker). */
export interface UploadSetup {
	plan: Pick<Plan, 'years' | 'reporting' | 'geography' | 'flags'>;
	/** the published unit list, every era (unit-eras.ts) */
	units: UnitWithEra[];
}

export interface CheckRequest extends UploadSetup {
	files: File[];
}

/** One file's issues: the first ones, values cut, and how many more. */
export interface FileIssues {
	file: string;
	issues: IntakeIssue[];
	more: number;
}

export interface UploadReport {
	files: FileIssues[];
	/** the children records, when no file has an error and there are some */
	children: ChildrenRecord[] | null;
}

export type WorkerMessage =
	| ({ type: 'progress' } & UploadProgress)
	| { type: 'done'; report: UploadReport }
	| { type: 'failed'; reason: string };
