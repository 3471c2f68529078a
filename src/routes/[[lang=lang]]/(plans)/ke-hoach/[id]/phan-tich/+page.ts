// The one plan page that hydrates: its filters run in the browser over the published JSON.
export const csr = true;
