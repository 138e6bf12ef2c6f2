// The application menu as data, built by a pure function. Commands the renderer handles are sent
// over the contract's command channel; a recent file is opened by main itself (then announced with
// 'main-open'); everything else uses Electron's built-in roles. There is no View > Reload role:
// Ctrl/Cmd+R reloads the open file, never the window.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, RecentFile } from '../shared/ipc/contract';

export interface MenuOptions {
  readonly isMac: boolean;
  readonly devTools: boolean;
  /** File > Open Recent, most recent first. */
  readonly recent?: readonly RecentFile[];
  /** Open a file of the recent list (main opens it itself). */
  readonly openRecent?: (path: string) => void;
  /** Empty the recent list. */
  readonly clearRecent?: () => void;
}

/** A label shown as written: "&" would otherwise mark the access key on Windows and Linux. */
export function literalLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

export function recentMenu(options: MenuOptions): MenuItemConstructorOptions[] {
  const recent = options.recent ?? [];
  if (recent.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  const items: MenuItemConstructorOptions[] = recent.map((file) => ({
    label: literalLabel(file.available ? file.path : `${file.path} (missing)`),
    enabled: file.available,
    click: () => options.openRecent?.(file.path)
  }));
  if (options.clearRecent) items.push({ type: 'separator' }, { label: 'Clear Recent Files', click: () => options.clearRecent?.() });
  return items;
}

export function menuTemplate(send: (command: AppCommand) => void, options: MenuOptions): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    // The renderer handles these keys itself; the menu accelerator must not fire them twice.
    registerAccelerator: false,
    click: () => send(command)
  });
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        cmd('&Open…', 'open-file', 'CmdOrCtrl+O'),
        { label: 'Open &Recent', submenu: recentMenu(options) },
        cmd('Re&load', 'reload-file', 'CmdOrCtrl+R'),
        { type: 'separator' },
        cmd('Save As &Frontline Dataset…', 'save-as-frontline', 'CmdOrCtrl+Shift+S'),
        cmd('Save As &CSV…', 'save-as-csv'),
        { type: 'separator' },
        cmd('&Export Image…', 'export-image', 'CmdOrCtrl+E'),
        { type: 'separator' },
        // Files opened again come from the cache while unchanged; this empties it (the window says what went).
        cmd('Clear C&ache', 'clear-cache'),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [cmd('&Find…', 'find', 'CmdOrCtrl+F'), { type: 'separator' }, { role: 'copy' }, cmd('Copy &Image', 'copy-image', 'CmdOrCtrl+Shift+C'), { role: 'selectAll' }]
    },
    {
      label: '&View',
      submenu: [
        cmd('&Table', 'toggle-table', 'CmdOrCtrl+T'),
        { type: 'separator' },
        cmd('Zoom In', 'zoom-in', '+'),
        cmd('Zoom Out', 'zoom-out', '-'),
        cmd('Fit All Events', 'fit', 'F'),
        { type: 'separator' },
        cmd('Lanes by Theatre', 'lanes-theatre'),
        cmd('Lanes by Event Type', 'lanes-type'),
        cmd('Lanes by Actor', 'lanes-actor'),
        cmd('Lanes by Admin Region', 'lanes-admin1'),
        { type: 'separator' },
        cmd('Next Event', 'next-event', 'N'),
        cmd('Previous Event', 'previous-event', 'P'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ role: 'toggleDevTools' } as MenuItemConstructorOptions] : [])
      ]
    },
    { label: '&Help', submenu: [cmd('Keyboard Shortcuts', 'show-shortcuts', '?')] }
  ];
}
