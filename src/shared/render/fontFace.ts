// The one form of stylesheet an exported SVG may carry: @font-face rules whose fonts are inline
// data (a subset of a shipped TTF, base64), so the SVG looks the same on machines without the
// fonts and still loads nothing from elsewhere. Written by main (src/main/export/svgFonts.ts) and
// checked by svgCheck, which refuses any other stylesheet.

/** One @font-face rule for a TrueType font given as base64. */
export function fontFaceRule(family: string, weight: number, base64: string): string {
  return `@font-face{font-family:'${family}';font-weight:${weight};font-style:normal;src:url(data:font/ttf;base64,${base64}) format('truetype')}`;
}

/** Exactly the rules fontFaceRule writes, for families of letters, digits and spaces. */
const RULE = /@font-face\{font-family:'[A-Za-z0-9 ]{1,64}';font-weight:[1-9]00;font-style:normal;src:url\(data:font\/ttf;base64,[A-Za-z0-9+/]+={0,2}\) format\('truetype'\)\}/y;

/** True when `css` is nothing but such rules (whitespace between them allowed). */
export function isFontFaceOnly(css: string): boolean {
  let at = 0;
  const skip = () => {
    while (at < css.length && /\s/.test(css[at]!)) at++;
  };
  skip();
  while (at < css.length) {
    RULE.lastIndex = at;
    if (!RULE.test(css)) return false;
    at = RULE.lastIndex;
    skip();
  }
  return true;
}
