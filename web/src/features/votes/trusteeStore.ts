// A trustee's seed stays in this browser (and in the file the trustee downloads); it never goes to the server.
const key = (voteId: string) => `canbo.trustee-seed.${voteId}`;
export const loadSeed = (voteId: string): string | null => window.localStorage.getItem(key(voteId));
export const saveSeed = (voteId: string, seed: string): void => window.localStorage.setItem(key(voteId), seed);

export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
