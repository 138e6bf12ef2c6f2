// Hostile and broken datasets in the real renderer: markup and script in every text field stay
// inert text, dangerous links are never offered, invisible characters are removed with a warning,
// broken files show their problems by file, line and field, and the bridge refuses bad calls.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from '../../src/cli/inspect';
import { HOSTILE_CASES } from '../support/hostileCorpus';
import { expect, test } from '../support/fixtures';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src/shared/ipc/contract';

/** Exactly the contract's methods, nothing more. */
const CONTRACT_METHODS = [...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort();

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

test.describe('a dataset whose text holds markup and script', () => {
  test('shows it as literal text everywhere and runs none of it', async ({ openApp, page }, info) => {
    const app = await openApp({ datasetPath: join(FIXTURES, 'hostile.frontline') });
    await expect(page.locator('h1')).toHaveText('Hostile <script>window.__pwned=2</script>');
    await expect(page.locator('.subtitle')).toHaveText('Sub <img src=x onerror="window.__pwned=1">');
    await expect(page.locator('.vis-labelset .lane-name').first()).toHaveText('Syria <img src=x onerror="window.__pwned=1">');
    const e1 = page.locator('.vis-item.vis-range[data-event="e1"] .ev-label');
    await expect(e1.locator('.ev-title')).toHaveText('<img src=x onerror="window.__pwned=1"> captured');
    await expect(e1.locator('.ev-figure')).toHaveText('about 1,000 label <script>window.__pwned=2</script>');

    await e1.click();
    const panel = page.locator('aside.detail');
    await expect(panel.locator('h2')).toHaveText('<img src=x onerror="window.__pwned=1"> captured');
    for (const text of [
      'Summary <a href="javascript:window.__pwned=3">click</a>',
      'Place <img src=x onerror="window.__pwned=1">',
      'دير <script>window.__pwned=2</script>',
      'Actor <a href="javascript:window.__pwned=3">click</a>',
      'Backer <script>window.__pwned=2</script>',
      'Claim <img src=x onerror="window.__pwned=1">',
      'Note <script>window.__pwned=2</script>',
      'Counts <img src=x onerror="window.__pwned=1">',
      'Quote <script>window.__pwned=2</script><img src=x onerror="window.__pwned=1">',
      'Evil <img src=x onerror="window.__pwned=1">',
      'Title <script>window.__pwned=2</script>'
    ]) {
      await expect(panel).toContainText(text);
    }
    // None of it became elements, and no script ran.
    expect(await page.locator('#app img, #app script, #app a[href], #app iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // The javascript: source address is shown as text and never offered as a link.
    await expect(panel.getByRole('button', { name: 'Open source in browser' })).toHaveCount(0);
    await expect(panel).toContainText('address not opened: javascript:window.__pwned=4');
    await page.screenshot({ path: info.outputPath('hostile.png') });
    expect(app.errors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });

  test('removes bidi overrides and zero-width characters, and says so', async ({ openApp, page }) => {
    await openApp({ datasetPath: join(FIXTURES, 'hostile.frontline') });
    await expect(page.locator('.vis-item.vis-range[data-event="e2"] .ev-title')).toHaveText('Right-to-left gnirts trick hidden');
    await page.locator('.warnings summary').click();
    await expect(page.locator('.warnings')).toContainText('events[1] (id "e2").title: 3 invisible control character(s) removed');
    await expect(page.locator('.warnings')).toContainText('hostile.frontline:');
  });

  test('opens only a safe source address, through main, looked up by source id', async ({ openApp, page }) => {
    const app = await openApp({ datasetPath: join(FIXTURES, 'hostile.frontline') });
    await page.locator('.vis-item.vis-range[data-event="e2"] .ev-label').click();
    await page.getByRole('button', { name: 'Open source in browser' }).click();
    await expect(page.locator('.notice')).toContainText('Opened https://example.org/story');
    expect(app.bridge.opened).toEqual(['https://example.org/story']);
    // Asking main directly for the javascript: source is refused, and nothing is opened.
    const refused = await page.evaluate(() => window.api!.openSourceUrl('evil'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsafe-url' } });
    expect(app.bridge.opened).toEqual(['https://example.org/story']);
  });

  test('an event with the id "constructor" is an ordinary event', async ({ openApp, page }) => {
    await openApp({ datasetPath: join(FIXTURES, 'hostile.frontline') });
    await expect(page.locator('.vis-item.vis-range[data-event="constructor"] .ev-title')).toHaveText('An event whose id is constructor');
  });
});

test.describe('the bridge to main', () => {
  test('refuses malformed calls with a Result, never a throw', async ({ openApp, page }) => {
    const app = await openApp();
    const results = await page.evaluate(async () => {
      const api = window.api!;
      const call = (fn: () => Promise<unknown>) => fn().catch((e: unknown) => ({ threw: String(e) }));
      return {
        number: await call(() => api.openSourceUrl(42 as unknown as string)),
        extra: await call(() => window.__frontlineInvoke('frontline:open-source-url', ['bbc-2017-11-03', 'b'])),
        proto: await call(() => api.openSourceUrl('__proto__')),
        unknown: await call(() => window.__frontlineInvoke('frontline:delete-everything', []))
      };
    });
    expect(results.number).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(results.extra).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(results.proto).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(results.unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(app.bridge.log.length).toBe(4);
  });

  test('window.api is exactly the contract and cannot be replaced', async ({ openApp, page }) => {
    await openApp();
    const shape = await page.evaluate(() => {
      const api = window.api as unknown as Record<string, unknown>;
      let replaced = false;
      try {
        (window as unknown as { api: unknown }).api = {};
        replaced = window.api !== (api as unknown);
      } catch {
        replaced = false;
      }
      return { keys: Object.keys(api).sort(), frozen: Object.isFrozen(api), replaced, ipc: 'ipcRenderer' in window, require: typeof (window as unknown as { require?: unknown }).require };
    });
    expect(shape).toEqual({ keys: CONTRACT_METHODS, frozen: true, replaced: false, ipc: false, require: 'undefined' });
  });
});

test.describe('a broken dataset', () => {
  test('lists every problem with file, line and field', async ({ openApp, page }, info) => {
    await openApp({ datasetPath: join(FIXTURES, 'invalid-refs.frontline'), waitForTimeline: false });
    const problems = page.getByRole('alert');
    await expect(problems.getByRole('heading')).toHaveText('The dataset could not be opened');
    await expect(problems).toContainText('invalid-refs.frontline could not be opened');
    const rows = problems.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('events[0] (id "is-holds-deir-al-zour").start.value');
    await expect(rows.nth(0)).toContainText('"2017-02-30" does not exist');
    await expect(rows.nth(0).locator('td').nth(1)).toHaveText(/^\d+:\d+$/);
    await expect(rows.nth(1)).toContainText('refers to place "atlantis"');
    await expect(rows.nth(2)).toContainText('duplicate id "raqqa-taken"');
    await expect(page.locator('.vis-item.vis-range')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('invalid.png') });
  });

  test('reports a JSON syntax error at its line and column', async ({ openApp, page }) => {
    await openApp({ datasetPath: join(FIXTURES, 'broken-syntax.frontline'), waitForTimeline: false });
    const row = page.getByRole('alert').locator('tbody tr').filter({ hasText: 'not valid JSON' });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(0)).toHaveText('broken-syntax.frontline');
    await expect(row.locator('td').nth(1)).toHaveText('6:18');
    await expect(row.locator('td').nth(2)).toHaveText('events[0]');
  });
});

test.describe('hostile files opened in the app', () => {
  // Made by the hostile corpus (tests/support/hostileCorpus.ts) into a folder of this test's own.
  const CASES = ['deep-objects-in-event.frontline', 'deep-timelinejs.json', 'nul-bytes.csv', 'million-columns.csv', 'invalid-utf8.csv'] as const;

  test('each is refused with its line and field, in seconds, and the open dataset stays', async ({ openApp, page }, info) => {
    const dir = await mkdtemp(join(tmpdir(), 'frontline-hostile-app-'));
    const app = await openApp();
    const title = await page.locator('.toolbar h1').textContent();
    for (const name of CASES) {
      const c = HOSTILE_CASES.find((x) => x.name === name)!;
      const path = await c.make(dir);
      const problem = (await inspect([path])).stderr.split('\n')[0]!;
      // file:line:column: error: field: message, as the command line prints it.
      const [, line, field, message] = /:(\d+)(?::\d+)?: error: (?:([^:]+): )?(.*)$/.exec(problem) ?? [];
      const started = Date.now();
      app.bridge.nextOpenDialog(path);
      await page.getByRole('button', { name: 'File', exact: true }).click();
      await page.getByRole('menuitem', { name: /^Open…/ }).click();
      const dialog = page.getByTestId('open-error');
      await expect(dialog.getByRole('heading'), name).toHaveText('The file could not be opened', { timeout: 30_000 });
      expect(Date.now() - started, name).toBeLessThan(30_000);
      const row = dialog.locator('.problem-table tbody tr').first();
      await expect(row, name).toContainText(line!);
      if (field) await expect(row, name).toContainText(field);
      await expect(row, name).toContainText(message!.slice(0, 40));
      if (name === CASES[0]) await page.screenshot({ path: info.outputPath('deep-nesting-refused.png') });
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(page.locator('.toolbar h1')).toHaveText(title!);
    }
    expect(app.errors).toEqual([]);
  });

  test('UTF-16 without a byte-order mark opens, with a warning naming the encoding', async ({ openApp, page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'frontline-hostile-app-'));
    const app = await openApp();
    const path = await HOSTILE_CASES.find((x) => x.name === 'utf16le-no-bom.csv')!.make(dir);
    app.bridge.nextOpenDialog(path);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Open…/ }).click();
    await expect(page.getByTestId('notice')).toContainText('Opened utf16le-no-bom.csv');
    await page.locator('.warnings summary').click();
    await expect(page.locator('.warnings')).toContainText('read as UTF-16LE');
  });
});
