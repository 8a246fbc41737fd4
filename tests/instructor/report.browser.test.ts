/**
 * The HTML class report in a real headless Chromium: what is on the page, that hostile text stays
 * text, and that opening it fetches nothing. Needs Debian's chromium (`.ci/run` installs it): in CI
 * a missing browser fails the test; elsewhere it is skipped with a message.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderClassReport } from '../../grader/gradebook/html.ts';
import { buildGradebook } from '../../grader/gradebook/model.ts';
import { classReportModel } from '../../grader/gradebook/report-model.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { HOSTILE_COUNTEREXAMPLE, HOSTILE_NAME, reportClass } from './gradebook-data.ts';

function findChromium(): string | undefined {
  for (const candidate of [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate !== undefined && candidate !== '' && existsSync(candidate)) return candidate;
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    return found !== '' ? found : undefined;
  } catch {
    return undefined;
  }
}

const executablePath = findChromium();
const inCi = Boolean(process.env['CI']);
if (executablePath === undefined && !inCi) {
  console.warn('report.browser.test.ts: skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH); in CI (CI set) this fails instead');
}

describe.skipIf(executablePath === undefined && !inCi)('class report in headless Chromium', () => {
  const files = reportClass();
  const book = buildGradebook(files);
  const model = classReportModel(book, files);
  const console: string[] = [];
  let dir: string;
  let context: BrowserContext | undefined;
  const requests: string[] = [];
  let screenshot: string;

  beforeAll(async () => {
    if (executablePath === undefined) throw new Error('Chromium is not installed: CI must install it (.ci/run: apt-get install -y chromium)');
    dir = mkdtempSync(join(tmpdir(), 'dlgrade-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderClassReport(model));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1000, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    screenshot = join(dir, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    mkdirSync(join(INSTALL_ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(INSTALL_ROOT, 'docs', 'class-report.png'), fullPage: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const page = () => context!.pages()[0]!;

  it('renders and takes a screenshot', () => {
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });

  it('the histogram has one bar per bin, and the bars count every graded student (not the ungraded)', async () => {
    const bars = page().locator('#histogram rect.bar');
    expect(await bars.count()).toBe(model.histogram.bins.length);
    const counts = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(book.students.filter((s) => s.status === 'graded').length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(files.length - 2);
    expect(await page().locator('#summary [data-k="no-submission"]').textContent()).toBe('1');
    expect(counts).toEqual(model.histogram.bins.map((b) => b.count));
  });

  it('pass-rate labels match the numbers', async () => {
    const labels = await page().locator('#exercise-rates .rate-label').evaluateAll((els) =>
      els.map((e) => ({ id: e.getAttribute('data-id'), text: e.textContent, passed: Number(e.getAttribute('data-passed')), total: Number(e.getAttribute('data-total')) })),
    );
    expect(labels.map((l) => l.id)).toEqual(model.exercises.map((e) => e.id));
    for (const l of labels) expect(l.text).toBe(`${Math.round((100 * l.passed) / l.total)}%`);
    expect(labels.map((l) => l.text)).toEqual(['90%', '90%']);
    const props = await page().locator('#property-rates .prop-fail').allTextContents();
    expect(props).toEqual(model.properties.map((p) => p.failureLabel));
    expect(await page().locator('#exercises tr[data-id="ch01-a/x"] .ex-timeouts').textContent()).toBe('1');
    expect(await page().locator('#exercises tr[data-id="ch01-a/x"] .ex-mean').textContent()).toBe('1.4 / 2');
  });

  it('sorts a table by the column clicked, numbers as numbers (the ungraded sort below 0)', async () => {
    const pcts = () => page().locator('#students tbody td.pct').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-sort'))));
    await page().locator('#students thead th').nth(3).click();
    const up = await pcts();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBe(-1);
    expect(await page().locator('#students thead th').nth(3).getAttribute('aria-sort')).toBe('ascending');
    await page().locator('#students thead th').nth(3).click();
    const down = await pcts();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(console.filter((c) => /Content Security Policy|pageerror/i.test(c))).toEqual([]);
  });

  it('links each student to the repository, the graded commit and a detail view', async () => {
    const row = page().locator('#students tbody tr', { hasText: 'beto' });
    expect(await row.locator('td.username a').getAttribute('href')).toBe('https://github.com/curso-dl/tarea-beto');
    expect(await row.locator('a.commit').getAttribute('href')).toMatch(/^https:\/\/github\.com\/curso-dl\/tarea-beto\/commit\/[0-9a-f]{40}$/);
    const anchor = (await row.locator('a.detail-link').getAttribute('href'))!.slice(1);
    expect(await page().locator(`details#${anchor}`).evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    await row.locator('a.detail-link').click();
    expect(await page().locator(`details#${anchor}`).evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    expect(await page().locator(`details#${anchor} .detail`).textContent()).toContain('ch01-a/x');
    expect(await page().locator('#students tbody tr[data-status="no-submission"] td.status').textContent()).toBe('sin entrega');
  });

  it('renders in English with lang en', async () => {
    const file = join(dir, 'report-en.html');
    writeFileSync(file, renderClassReport(classReportModel(book, files, { lang: 'en' })));
    const en = await context!.newPage();
    await en.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await en.locator('html').getAttribute('lang')).toBe('en');
    expect(await en.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['By exercise', 'By property', 'Students', 'Per student']));
    expect(await en.locator('#students tbody tr[data-status="no-submission"] td.status').textContent()).toBe('no submission');
    await en.close();
  });

  it('hostile usernames and counterexamples are text, and nothing runs', async () => {
    expect(await page().evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // one script, ours (sorting), allowed by its hash; none of the students' text runs
    expect(await page().locator('script').count()).toBe(1);
    expect(await page().locator('img').count()).toBe(0);
    const names = await page().locator('#students td.username').allTextContents();
    expect(names).toContain(HOSTILE_NAME);
    expect(await page().locator('#top-failure pre.counterexample').textContent()).toBe(HOSTILE_COUNTEREXAMPLE);
    expect(await page().locator('#late .username').allTextContents()).toEqual(['carla']);
    expect(await page().locator('#tampered .username').allTextContents()).toEqual(['eva']);
  });

  it('makes no network request: only the file itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith('file://')).toBe(true);
  });
});
