// The plan pages are tables, text and SVG drawn at build time: they ship no JavaScript.
export const csr = false;
