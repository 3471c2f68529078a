// Every page is prerendered to HTML with its numbers in it; folders with index.html suit any static host.
export const prerender = true;
export const trailingSlash = 'always';
