/** Saves a Blob or a data URL under a (Chinese) file name, as the browser's own download. */
export function saveFile(content: Blob | string, name: string): void {
  const url = typeof content === 'string' ? content : URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; the next tick may let it go.
  if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(url), 0);
}
