// Embeds ship no JavaScript of the app: their content is all in the HTML (tiny, works with JS off).
export const csr = false;
