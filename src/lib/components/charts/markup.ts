/**
 * Charts as markup strings, not Svelte templates: a page then hydrates one {@html} node per
 * drawing instead of its every line and label (the overview's charts, drawn at four widths,
 * were ~1,450 elements Svelte walked on load). Text and attribute values are escaped here; only
 * what `h` returns passes through unescaped.
 */

/** Markup built by `h`: safe to insert as it is. */
export class Markup {
	constructor(readonly html: string) {}
	toString(): string {
		return this.html;
	}
}

type AttrValue = string | number | null | undefined | false;
export type Child = Markup | string | number | null | undefined | false | Child[];

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;'
};

/** Text or an attribute value, escaped. */
export function esc(value: string | number): string {
	return String(value).replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

function child(c: Child): string {
	if (c === null || c === undefined || c === false) return '';
	if (c instanceof Markup) return c.html;
	if (Array.isArray(c)) return c.map(child).join('');
	return esc(c);
}

/**
 * An element: attributes that are null, undefined or false are left out (as Svelte does);
 * strings among the children are text, escaped.
 */
export function h(tag: string, attrs: Record<string, AttrValue>, ...children: Child[]): Markup {
	let open = `<${tag}`;
	for (const [name, value] of Object.entries(attrs)) {
		if (value === null || value === undefined || value === false) continue;
		open += ` ${name}="${esc(value)}"`;
	}
	return new Markup(`${open}>${children.map(child).join('')}</${tag}>`);
}
