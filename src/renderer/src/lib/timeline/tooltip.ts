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

  /**
   * Show `text` near the viewport point (x, y), inside the timeline: beside the point, or before
   * it in the right half (by CSS, so that following the pointer never forces a layout).
   */
  show(text: string, x: number, y: number, data: Record<string, string> = {}): void {
    if (this.el.textContent !== text) this.el.textContent = text;
    for (const key of Object.keys(this.el.dataset)) if (!(key in data)) delete this.el.dataset[key];
    Object.assign(this.el.dataset, data);
    const rect = this.#container.getBoundingClientRect();
    const left = x - rect.left;
    const top = y - rect.top;
    this.el.classList.toggle('tooltip-before', left > rect.width / 2);
    this.el.classList.toggle('tooltip-above', top > rect.height * 0.7);
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
  }

  destroy(): void {
    this.el.remove();
  }
}
