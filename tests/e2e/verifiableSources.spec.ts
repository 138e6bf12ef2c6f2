// Verifiable sources, end to end: the bundled dataset copied to a folder of its own shows "local
// copy verified" in the details; once the copy is edited and the file reloaded, "changed since the
// dataset was made". An archive reference is text, never a link. "Add local copy…" copies the
// file picked into the dataset's folder, records its SHA-256, and the details then verify it.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { BUNDLED_DATASET } from '../support/bridge';

const ARTICLE = 'bbc-2017-11-03-deir-al-zour-al-qaim.txt';
const DATA_DIR = join(BUNDLED_DATASET, '..');

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'frontline-verify-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The bundled dataset in `folder`, edited by `edit`, with its article copy beside it unless told not to. */
async function copyBundled(edit: (json: { sources: Record<string, unknown>[] }) => void = () => {}, withCopy = true): Promise<string> {
  const json = JSON.parse(await readFile(BUNDLED_DATASET, 'utf8')) as { sources: Record<string, unknown>[] };
  edit(json);
  const path = join(folder, 'deir-al-zour.frontline');
  await writeFile(path, JSON.stringify(json, null, 2));
  if (withCopy) {
    await mkdir(join(folder, 'sources'));
    await cp(join(DATA_DIR, 'sources', ARTICLE), join(folder, 'sources', ARTICLE));
  }
  return path;
}

test('the details say "local copy verified", then "changed since the dataset was made" once the copy is edited', async ({ openApp, page }, info) => {
  const archive = 'https://web.archive.org/web/20171103000000/https://example.org/article';
  const path = await copyBundled((json) => {
    json.sources[0]!['archive'] = archive;
  });
  const app = await openApp({ datasetPath: path });
  await page.keyboard.press('Home');
  const panel = page.locator('aside.detail');
  /** Ctrl+R reads the file again (the details close once it is shown), then Home opens the first event's. */
  const reloadAndSelectFirst = async (): Promise<void> => {
    await page.keyboard.press('Control+r');
    await expect(panel).toHaveCount(0);
    await page.keyboard.press('Home');
  };
  // The first event quotes the article twice: each citation says how its source's copy stands.
  const copy = panel.getByTestId('local-copy').first();
  await expect(copy).toContainText('local copy verified (SHA-256 041f1a87942a…)');
  await expect(copy).toHaveAttribute('data-state', 'verified');
  // The archive reference is text: no link, nothing loaded or opened.
  await expect(panel.getByTestId('source-archive').first()).toHaveText(`archived: ${archive}`);
  expect(await panel.locator('a').count()).toBe(0);
  await panel.getByTestId('source-archive').first().click();
  expect(app.bridge.opened).toEqual([]);
  await page.screenshot({ path: info.outputPath('verified.png') });

  // Someone edits the copy; reloading the dataset checks it again.
  await writeFile(join(folder, 'sources', ARTICLE), `${await readFile(join(folder, 'sources', ARTICLE), 'utf8')}\nA sentence added later.\n`);
  await reloadAndSelectFirst();
  await expect(copy).toContainText('local copy changed since the dataset was made (SHA-256 recorded 041f1a87942a…, now ');
  await expect(copy).toHaveAttribute('data-state', 'changed');
  // Never blessed silently: the way to record the new copy is offered, not taken.
  await expect(panel.getByRole('button', { name: 'Replace local copy…' }).first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('changed.png') });

  // A missing copy says so too.
  await rm(join(folder, 'sources', ARTICLE));
  await reloadAndSelectFirst();
  await expect(copy).toContainText(`local copy missing: sources/${ARTICLE} is not in the dataset's folder`);
  expect(app.errors).toEqual([]);
  expect(app.outsideRequests).toEqual([]);
});

test('"Add local copy…" copies the file into the dataset\'s folder, records its SHA-256, and the details verify it', async ({ openApp, page }) => {
  const path = await copyBundled((json) => {
    delete json.sources[0]!['localCopy'];
    delete json.sources[0]!['sha256'];
  }, false);
  const app = await openApp({ datasetPath: path });
  await page.keyboard.press('Home');
  const panel = page.locator('aside.detail');
  await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(panel.getByTestId('local-copy')).toHaveCount(0);
  app.bridge.nextOpenDialog(join(DATA_DIR, 'sources', ARTICLE));
  await panel.getByRole('button', { name: 'Add local copy…' }).first().click();
  await expect(page.getByTestId('notice')).toContainText(`Added sources/${ARTICLE} as the local copy of "IS loses Deir al-Zour in Syria and al-Qaim in Iraq on same day" (SHA-256 041f1a87942a…) and saved it in deir-al-zour.frontline.`);
  // The same event's details, now with the copy verified.
  await expect(panel.getByTestId('local-copy').first()).toContainText('local copy verified');
  const saved = JSON.parse(await readFile(path, 'utf8')) as { sources: { localCopy?: string; sha256?: string }[] };
  expect(saved.sources[0]).toMatchObject({ localCopy: `sources/${ARTICLE}`, sha256: '041f1a87942a24b34ea7a4e070c64d4e71143d085243556066ed73926f2ecfaf' });
  expect(await readFile(join(folder, 'sources', ARTICLE))).toEqual(await readFile(join(DATA_DIR, 'sources', ARTICLE)));
  expect(app.errors).toEqual([]);
});
