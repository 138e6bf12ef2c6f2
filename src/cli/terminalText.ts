// Text from a file made safe to print in a terminal: control characters (ESC, BEL, the C1 set,
// DEL) and bidi controls are shown escaped, so a crafted file cannot retitle, clear or reorder
// the terminal that inspects it.

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidi embedding/override/isolate marks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/**
 * `text` with every character a terminal could act on written as a visible escape: ESC as `\x1b`,
 * U+202E as `\u202e`. For JSON text (`json`), always as `\u` escapes, so it stays the same JSON
 * value (JSON.stringify escapes C0 controls itself but leaves C1 controls and bidi marks raw).
 */
export function terminalSafe(text: string, json = false): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return !json && code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}
