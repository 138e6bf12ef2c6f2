// The short message in the corner ("Opened …", "Saved …"): one at a time, the newest replacing
// the last. News dismisses itself after a few seconds; an error stays until it is dismissed.

export type NoticeKind = 'info' | 'error';

export interface Notice {
  readonly text: string;
  readonly kind: NoticeKind;
}

/** How long a notice that is not an error stays, in ms (longer for longer text, within bounds). */
export function noticeDuration(text: string): number {
  return Math.min(15_000, Math.max(8_000, 80 * text.length));
}

export class Notices {
  current = $state.raw<Notice | undefined>(undefined);
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Paused while the pointer or the focus is on the notice, so it never goes while being read. */
  #held = false;
  #due = 0;

  /** Say something; errors stay until dismissed, anything else goes by itself. */
  show(text: string, kind: NoticeKind = 'info'): void {
    clearTimeout(this.#timer);
    this.current = { text, kind };
    this.#due = kind === 'error' ? Infinity : Date.now() + noticeDuration(text);
    this.#arm();
  }

  error(text: string): void {
    this.show(text, 'error');
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.current = undefined;
  }

  /** The user is reading it (pointer over it, or focus in it): it stays until they leave. */
  hold(held: boolean): void {
    this.#held = held;
    if (held) clearTimeout(this.#timer);
    else if (this.current && this.#due !== Infinity) {
      this.#due = Math.max(this.#due, Date.now() + 2_000);
      this.#arm();
    }
  }

  #arm(): void {
    if (this.#held || this.#due === Infinity) return;
    const shown = this.current;
    this.#timer = setTimeout(() => {
      if (this.current === shown) this.current = undefined;
    }, Math.max(0, this.#due - Date.now()));
  }
}
