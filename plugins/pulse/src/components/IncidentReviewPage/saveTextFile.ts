/**
 * Saves text fetched with the user's token as a download: a plain link to the API would go without the Authorization
 * header, so the export is fetched through fetchApi and handed to the browser as a Blob.
 */
export function saveTextFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
