// The projector theme outside presentations is the user's choice, kept in the renderer's storage.
const KEY = 'frontline:projector-theme';

export function loadProjectorTheme(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveProjectorTheme(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(KEY, 'on');
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage refused (private mode, quota): the choice lasts until the window closes.
  }
}
