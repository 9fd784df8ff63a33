/** Hands a file the API answered to the browser as a download (the file never leaves the page's memory otherwise). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; it is released once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
