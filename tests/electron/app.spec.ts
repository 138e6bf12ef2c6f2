// The real app in Electron: window, bundled dataset, sandbox and security switches, navigation,
// network and CSP. Runs wherever an Electron binary exists; elsewhere it is reported skipped with
// the reason (see tests/support/electronBinary.ts).
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from '../support/electronBinary';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src/shared/ipc/contract';

/** Exactly the contract's methods, nothing more. */
const CONTRACT_METHODS = [...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort();

const ROOT = join(import.meta.dirname, '..', '..');
const binary = findElectronBinary();

test.describe('Electron app', () => {
  test.skip(!binary.ok, binary.ok ? '' : `Electron suite skipped: ${binary.reason}`);

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!binary.ok) return;
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('run "npm run build" first');
    app = await electron.launch({ executablePath: binary.path, args: [ROOT], cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    page = await app.firstWindow();
    await expect(page.locator('.vis-item.vis-range').first()).toBeVisible({ timeout: 30_000 });
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('opens a window on the bundled timeline, served from app://', async () => {
    expect(page.url()).toBe('app://frontline/index.html');
    await expect(page.locator('h1')).toHaveText('IS loses Deir al-Zour and al-Qaim');
    await expect(page.locator('.vis-item.vis-range[data-event]')).toHaveCount(22);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('the renderer is sandboxed and isolated, with only window.api exposed', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys(window.api ?? {}).sort()
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: CONTRACT_METHODS });
    // Context isolation: the page cannot reach the preload's objects or replace the bridge.
    expect(await page.evaluate(() => Object.isFrozen(window.api))).toBe(true);
    const info = await page.evaluate(() => window.api!.getAppInfo());
    expect(info).toMatchObject({ ok: true, value: { name: 'Frontline' } });
  });

  test('navigation, new windows, network and eval are refused', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://frontline/index.html');
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    const fetched = await page.evaluate(() => fetch('https://example.com/').then(() => 'fetched', () => 'blocked'));
    expect(fetched).toBe('blocked');
    const evaluated = await page.evaluate(() => {
      try {
        // eslint-disable-next-line no-restricted-syntax -- checking that the CSP blocks eval
        return String(eval('1 + 1'));
      } catch {
        return 'blocked';
      }
    });
    expect(evaluated).toBe('blocked');
  });

  test('the app protocol refuses to leave the renderer folder', async () => {
    const status = await page.evaluate(() => fetch('app://frontline/../main/index.js').then((r) => r.status, () => -1));
    expect([403, 404, -1]).toContain(status);
  });
});

test.describe('packaged app', () => {
  // electron-builder writes an unpacked copy beside the installers (npm run package:linux).
  const unpacked = { linux: 'release/linux-unpacked/frontline', win32: 'release/win-unpacked/Frontline.exe', darwin: 'release/mac/Frontline.app/Contents/MacOS/Frontline' }[process.platform as 'linux' | 'win32' | 'darwin'];
  const packagedBinary = unpacked ? join(ROOT, unpacked) : '';
  test.skip(!packagedBinary || !existsSync(packagedBinary), `Fuse read-back skipped: no packaged app at ${unpacked ?? '(unsupported platform)'}; run npm run package:linux (needs the Electron download) first`);

  test('has its security fuses flipped', async () => {
    const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
    const wire = await getCurrentFuseWire(packagedBinary);
    // @electron/fuses does not export FuseState; its values are the fuse wire's ASCII bytes.
    const FuseState = { DISABLE: 48, ENABLE: 49 } as const;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});

test.describe('Electron app: opening files', () => {
  test.skip(!binary.ok, binary.ok ? '' : `Electron suite skipped: ${binary.reason}`);
  const IMPORTS = join(ROOT, 'tests', 'fixtures', 'import');

  test('opens an ACLED export named on the command line', async () => {
    if (!binary.ok) return;
    const app = await electron.launch({ executablePath: binary.path, args: [ROOT, join(IMPORTS, 'acled-current.csv')], cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('notice')).toContainText('Opened acled-current.csv (ACLED export (CSV))', { timeout: 30_000 });
      await expect(page.locator('.vis-item.vis-range[data-event]').first()).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('a broken file named on the command line leaves the bundled dataset open', async () => {
    if (!binary.ok) return;
    const app = await electron.launch({ executablePath: binary.path, args: [ROOT, join(ROOT, 'tests', 'fixtures', 'broken-syntax.frontline')], cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('open-error').getByRole('heading')).toHaveText('The file could not be opened', { timeout: 30_000 });
      await expect(page.locator('h1')).toHaveText('IS loses Deir al-Zour and al-Qaim');
    } finally {
      await app.close();
    }
  });
});
