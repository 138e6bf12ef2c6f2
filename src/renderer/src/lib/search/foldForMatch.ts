// A light fold for finding an option in a list by what the user types (case and accents ignored).
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-'’ʿʾ_]+/g, ' ')
    .trim();
}
