// The menu template: File (Open, Open Recent, Reload, Save As, Export Image, Clear Cache), Edit (Find, Copy Image), View (Table, lanes),
// accelerators as the issue sets them, left to the renderer; no window-reload role anywhere.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../shared/ipc/contract';
import { command, menuLabel } from '../shared/commands';
import { literalLabel, menuTemplate, type MenuOptions } from './menu';

type Item = MenuItemConstructorOptions;

function build(options: Partial<MenuOptions> = {}) {
  const sent: AppCommand[] = [];
  const template = menuTemplate((c) => sent.push(c), { isMac: false, devTools: false, ...options });
  return { template, sent };
}

function submenu(items: readonly Item[], label: string): Item[] {
  const found = items.find((i) => i.label === label);
  if (!found || !Array.isArray(found.submenu)) throw new Error(`no submenu ${label}`);
  return found.submenu as Item[];
}

function all(items: readonly Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu as Item[]) : [])]);
}

/** Click the item labelled `label` and return the commands it sent. */
function click(template: readonly Item[], sent: AppCommand[], label: string): AppCommand[] {
  const item = all(template).find((i) => i.label === label);
  if (!item || typeof item.click !== 'function') throw new Error(`no clickable ${label}`);
  sent.length = 0;
  (item.click as () => void)();
  return [...sent];
}

describe('File', () => {
  it('lists Open, Open Recent, Reload, the two Save As, Export Image and Interactive Page, the control layer, Clear Cache, then Quit', () => {
    const { template } = build();
    const file = submenu(template, '&File');
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      '&Open…',
      'Open &Recent',
      'Re&load',
      'separator',
      'Save As &Frontline Dataset…',
      'Save As &CSV…',
      'separator',
      '&Export Image…',
      'Export Interactive &Page…',
      'separator',
      'Open Control &Layer…',
      'Close Control Layer',
      'separator',
      'Clear C&ache',
      'separator',
      'quit'
    ]);
    expect(submenu(build({ isMac: true }).template, '&File').at(-1)).toEqual({ role: 'close' });
  });

  it.each([
    ['&Open…', 'open-file', 'CmdOrCtrl+O'],
    ['Re&load', 'reload-file', 'CmdOrCtrl+R'],
    ['Save As &Frontline Dataset…', 'save-as-frontline', 'CmdOrCtrl+Shift+S'],
    ['Save As &CSV…', 'save-as-csv', undefined],
    ['&Export Image…', 'export-image', 'CmdOrCtrl+E'],
    ['Export Interactive &Page…', 'export-page', undefined],
    ['Clear C&ache', 'clear-cache', undefined],
    ['Copy &Image', 'copy-image', 'CmdOrCtrl+Shift+C'],
    ['&Find…', 'find', 'CmdOrCtrl+F'],
    ['&Table', 'toggle-table', 'CmdOrCtrl+T'],
    ['&Map', 'toggle-map', 'M'],
    ['Lanes by Theatre', 'lanes-theatre', undefined],
    ['Lanes by Event Type', 'lanes-type', undefined],
    ['Lanes by Actor', 'lanes-actor', undefined],
    ['Lanes by Admin Region', 'lanes-admin1', undefined]
  ] as const)('%s sends %s (accelerator %s, keys left to the renderer)', (label, command, accelerator) => {
    const { template, sent } = build();
    expect(click(template, sent, label)).toEqual([command]);
    const item = all(template).find((i) => i.label === label)!;
    expect(item.accelerator).toBe(accelerator);
    expect(item.registerAccelerator).toBe(false);
  });

  it('Open Recent lists the files, the missing ones disabled and marked; clicking opens in main', () => {
    const openRecent = vi.fn();
    const clearRecent = vi.fn();
    const { template, sent } = build({
      recent: [
        { path: '/data/acled.csv', available: true },
        { path: '/data/R&D gone.frontline', available: false }
      ],
      openRecent,
      clearRecent
    });
    const recent = submenu(submenu(template, '&File'), 'Open &Recent');
    expect(recent.map((i) => ({ label: i.label, enabled: i.enabled, type: i.type }))).toEqual([
      { label: '/data/acled.csv', enabled: true, type: undefined },
      { label: '/data/R&&D gone.frontline (missing)', enabled: false, type: undefined },
      { label: undefined, enabled: undefined, type: 'separator' },
      { label: 'Clear Recent Files', enabled: undefined, type: undefined }
    ]);
    (recent[0]!.click as () => void)();
    expect(openRecent).toHaveBeenCalledWith('/data/acled.csv');
    (recent[3]!.click as () => void)();
    expect(clearRecent).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([]);
  });

  it('Open Recent with nothing on the list says so', () => {
    const recent = submenu(submenu(build().template, '&File'), 'Open &Recent');
    expect(recent).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });
});

describe('View and the rest', () => {
  it('has no reload role (Ctrl/Cmd+R is Reload file), with or without developer tools', () => {
    for (const devTools of [false, true]) {
      const items = all(build({ devTools }).template);
      expect(items.filter((i) => i.role === 'reload' || i.role === 'forceReload')).toEqual([]);
      expect(items.filter((i) => i.accelerator === 'CmdOrCtrl+R').map((i) => i.label)).toEqual(['Re&load']);
      expect(items.some((i) => i.role === 'toggleDevTools')).toBe(devTools);
    }
  });

  it('no accelerator is used twice', () => {
    const accelerators = all(build({ devTools: true }).template).flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('on macOS the app menu comes first', () => {
    expect(build({ isMac: true }).template[0]).toEqual({ role: 'appMenu' });
    expect(build().template.map((i) => i.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('Edit keeps Copy and Select All after Find, with Copy Image beside Copy', () => {
    expect(submenu(build().template, '&Edit').map((i) => i.label ?? i.role ?? i.type)).toEqual(['&Find…', 'separator', 'copy', 'Copy &Image', 'selectAll']);
  });
});

describe('literalLabel', () => {
  it('doubles ampersands so they are shown, not taken as access keys', () => {
    expect(literalLabel('/a/R&D & more')).toBe('/a/R&&D && more');
  });
});

describe('the command table', () => {
  it('gives every menu command its label and accelerator (the window and the shortcuts dialog read the same table)', () => {
    const items = all(build({ devTools: true }).template).filter((i) => typeof i.click === 'function' && i.registerAccelerator === false);
    expect(items.length).toBeGreaterThan(15);
    const { template, sent } = build();
    for (const item of items) {
      const [id] = click(template, sent, String(item.label));
      expect(item.label).toBe(menuLabel(id!));
      expect(item.accelerator).toBe(command(id!).accelerator);
    }
    // View's zoom and stepping accelerators are the keys the window answers to.
    expect(all(template).find((i) => i.label === 'Zoom In')?.accelerator).toBe('+');
    expect(all(template).find((i) => i.label === 'Fit the Events')?.accelerator).toBe('F');
    expect(all(template).find((i) => i.label === 'Next Event')?.accelerator).toBe('N');
    expect(all(template).find((i) => i.label === 'Keyboard Shortcuts')?.accelerator).toBe('?');
  });
});
