// Any change of the timeline's size (the window, maximising, a panel opening or closing) or of the
// screen's pixel ratio (the window moved to another screen, the page zoomed: no resize fires for
// that) calls `onchange`, at most once a frame.

export function watchSize(container: HTMLElement, onchange: (ratioChanged: boolean) => void): () => void {
  let frame = 0;
  let ratioChanged = false;
  const changed = () => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ratio = ratioChanged;
      ratioChanged = false;
      onchange(ratio);
    });
  };
  const observer = new ResizeObserver(changed);
  observer.observe(container);
  let media: MediaQueryList | undefined;
  const onratio = () => {
    ratioChanged = true;
    watchRatio();
    changed();
  };
  const watchRatio = () => {
    media?.removeEventListener('change', onratio);
    if (typeof matchMedia !== 'function') return;
    media = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    media.addEventListener('change', onratio);
  };
  watchRatio();
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
    media?.removeEventListener('change', onratio);
  };
}
