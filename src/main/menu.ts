// The application menu as data. Commands the renderer handles are sent over the contract's
// command channel; everything else uses Electron's built-in roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/ipc/contract';

export function menuTemplate(send: (command: AppCommand) => void, options: { isMac: boolean; devTools: boolean }): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    // The renderer also handles these keys itself; the menu accelerator must not swallow them twice.
    registerAccelerator: false,
    click: () => send(command)
  });
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { label: '&Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    {
      label: '&View',
      submenu: [
        cmd('Zoom In', 'zoom-in', '+'),
        cmd('Zoom Out', 'zoom-out', '-'),
        cmd('Fit All Events', 'fit', 'F'),
        { type: 'separator' },
        cmd('Lanes by Theatre', 'lanes-theatre'),
        cmd('Lanes by Event Type', 'lanes-type'),
        { type: 'separator' },
        cmd('Next Event', 'next-event', 'N'),
        cmd('Previous Event', 'previous-event', 'P'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ role: 'reload' } as MenuItemConstructorOptions, { role: 'toggleDevTools' } as MenuItemConstructorOptions] : [])
      ]
    },
    { label: '&Help', submenu: [cmd('Keyboard Shortcuts', 'show-shortcuts', '?')] }
  ];
}
