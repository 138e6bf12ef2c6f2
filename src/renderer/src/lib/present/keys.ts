// What the keys presentation clickers send mean during a presentation. Clickers pretend to be a
// keyboard: most send Right/Left or PageDown/PageUp, some Down/Up, Space or Enter, and their
// "start" and "blank" buttons send F5 / Shift+F5 / Esc and B or the full stop.

export type PresentAction =
  | { readonly kind: 'next' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'first' }
  | { readonly kind: 'last' }
  | { readonly kind: 'black' }
  | { readonly kind: 'white' }
  /** Enter: go to the step typed, or the next one if nothing was typed. */
  | { readonly kind: 'enter' }
  /** Backspace: rub out a typed digit, or go back a step if nothing was typed. */
  | { readonly kind: 'backspace' }
  | { readonly kind: 'digit'; readonly digit: number }
  | { readonly kind: 'start'; readonly from: 'beginning' | 'selected' }
  | { readonly kind: 'leave' };

export interface KeyLike {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The action a key stands for while presenting, or undefined for keys presentations leave alone. */
export function presentationAction(event: KeyLike): PresentAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
    case 'n':
    case 'N':
      return { kind: 'next' };
    case 'Enter':
      return { kind: 'enter' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'p':
    case 'P':
      return { kind: 'previous' };
    case 'Backspace':
      return { kind: 'backspace' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'black' };
    case 'w':
    case 'W':
    case ',':
      return { kind: 'white' };
    case 'F5':
      return { kind: 'start', from: event.shiftKey ? 'selected' : 'beginning' };
    case 'Escape':
    case 'Esc':
      return { kind: 'leave' };
    default:
      if (/^[0-9]$/.test(event.key)) return { kind: 'digit', digit: Number(event.key) };
      return undefined;
  }
}

/** Outside a presentation: F5 starts one from the beginning, Shift+F5 from the selected event. */
export function startAction(event: KeyLike): Extract<PresentAction, { kind: 'start' }> | undefined {
  if (event.key !== 'F5' || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return { kind: 'start', from: event.shiftKey ? 'selected' : 'beginning' };
}
