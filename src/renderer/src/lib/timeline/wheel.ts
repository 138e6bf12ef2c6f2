// The mouse wheel and trackpad over the timeline, in place of vis-timeline's own: a vertical wheel
// or a pinch (reported as Ctrl+wheel) zooms around the pointer, a horizontal swipe or Shift+wheel
// pans. The wheel over the lane labels keeps its native vertical scrolling.
import type { TimeRange } from '../view/windowMath';

export interface WheelTarget {
  window(): TimeRange;
  pan(fraction: number): void;
  zoom(factor: number, around: number): void;
}

export function attachWheel(container: HTMLElement, target: WheelTarget): () => void {
  const onwheel = (event: WheelEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest('.vis-panel.vis-center, .vis-panel.vis-top, .vis-panel.vis-bottom')) return;
    event.preventDefault();
    event.stopPropagation();
    const unit = event.deltaMode === 1 ? 40 : event.deltaMode === 2 ? 800 : 1;
    const dx = event.deltaX * unit;
    const dy = event.deltaY * unit;
    const centre = container.querySelector<HTMLElement>('.vis-panel.vis-center');
    const rect = (centre ?? container).getBoundingClientRect();
    if (Math.abs(dx) > Math.abs(dy) || (event.shiftKey && !event.ctrlKey)) {
      const delta = Math.abs(dx) > Math.abs(dy) ? dx : dy;
      target.pan(delta / Math.max(1, rect.width));
      return;
    }
    const { start, end } = target.window();
    const at = start + ((event.clientX - rect.left) / Math.max(1, rect.width)) * (end - start);
    target.zoom(Math.exp(dy * (event.ctrlKey ? 0.01 : 0.0015)), at);
  };
  // Capture phase: this replaces vis-timeline's handling (its zoom is off; its pan would double ours).
  container.addEventListener('wheel', onwheel, { capture: true, passive: false });
  return () => container.removeEventListener('wheel', onwheel, { capture: true });
}
