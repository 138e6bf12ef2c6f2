// A tooltip over the timeline (text only): a density bin's counts, or an event's title and date.
// Placed beside the pointer (or the focused event), inside the timeline.

export class Tooltip {
  readonly el: HTMLElement;
  readonly #container: HTMLElement;

  constructor(container: HTMLElement, className: string, role: 'status' | 'tooltip') {
    this.#container = container;
    this.el = document.createElement('div');
    this.el.className = `timeline-tooltip ${className}`;
    this.el.setAttribute('role', role);
    this.el.hidden = true;
    container.append(this.el);
  }

  /** Show `text` near the viewport point (x, y), kept inside the timeline. */
  show(text: string, x: number, y: number, data: Record<string, string> = {}): void {
    this.el.textContent = text;
    for (const key of Object.keys(this.el.dataset)) delete this.el.dataset[key];
    Object.assign(this.el.dataset, data);
    this.el.hidden = false;
    const rect = this.#container.getBoundingClientRect();
    const w = this.el.offsetWidth;
    const left = Math.min(x - rect.left + 12, Math.max(0, rect.width - w - 4));
    this.el.style.left = `${left}px`;
    this.el.style.top = `${Math.min(y - rect.top + 12, Math.max(0, rect.height - this.el.offsetHeight - 4))}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }

  destroy(): void {
    this.el.remove();
  }
}
