// Text cut to a length for showing, where a file's text may be of any length (messages, labels).

/** Text cut to `max` characters (on a word boundary when one is near), with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
