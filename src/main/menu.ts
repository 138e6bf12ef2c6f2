// The application menu as data, built by a pure function. Commands the renderer handles are sent
// over the contract's command channel; a recent file is opened by main itself (then announced with
// 'main-open'); everything else uses Electron's built-in roles. There is no View > Reload role:
// Ctrl/Cmd+R reloads the open file, never the window. Labels and accelerators come from the one
// command table (src/shared/commands.ts) that the window's keys and its shortcuts dialog read too.
import type { MenuItemConstructorOptions } from 'electron';
import { command, menuLabel } from '../shared/commands';
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
  const cmd = (id: AppCommand): MenuItemConstructorOptions => {
    const accelerator = command(id).accelerator;
    return {
      label: menuLabel(id),
      ...(accelerator ? { accelerator } : {}),
      // The renderer handles these keys itself; the menu accelerator must not fire them twice.
      registerAccelerator: false,
      click: () => send(id)
    };
  };
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        cmd('open-file'),
        { label: 'Open &Recent', submenu: recentMenu(options) },
        cmd('reload-file'),
        { type: 'separator' },
        cmd('save-as-frontline'),
        cmd('save-as-csv'),
        { type: 'separator' },
        cmd('export-image'),
        // One .html file with the timeline, for readers without Frontline.
        cmd('export-page'),
        { type: 'separator' },
        // A user's own layer of areas of control, drawn on the map for the time cursor's date.
        cmd('open-control-layer'),
        cmd('close-control-layer'),
        { type: 'separator' },
        // Files opened again come from the cache while unchanged; this empties it (the window says what went).
        cmd('clear-cache'),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [cmd('find'), { type: 'separator' }, { role: 'copy' }, cmd('copy-image'), { role: 'selectAll' }]
    },
    {
      label: '&View',
      submenu: [
        cmd('toggle-table'),
        cmd('toggle-map'),
        { type: 'separator' },
        cmd('zoom-in'),
        cmd('zoom-out'),
        cmd('fit'),
        { type: 'separator' },
        cmd('lanes-theatre'),
        cmd('lanes-type'),
        cmd('lanes-actor'),
        cmd('lanes-admin1'),
        { type: 'separator' },
        cmd('next-event'),
        cmd('previous-event'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ role: 'toggleDevTools' } as MenuItemConstructorOptions] : [])
      ]
    },
    { label: '&Help', submenu: [cmd('show-shortcuts')] }
  ];
}
