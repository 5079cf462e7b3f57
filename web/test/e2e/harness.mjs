// What the browser tests share: the local stack they start and stop, Chromium, a tab under the served
// Content-Security-Policy, and the checks every journey makes (axe, no script errors, no sideways scrolling).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const webDir = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = path.resolve(webDir, '..');
const jarPath = path.join(repoRoot, 'local', 'target', 'barometer-local.jar');
const javaPath = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const resultsDir = path.join(webDir, 'test-results');
export const STARTUP_TIMEOUT_MS = 180_000;
export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 320, height: 640 };

/** Starts the local stack on a free port and waits for its links file. */
async function startStack() {
  const dir = await mkdtemp(path.join(tmpdir(), 'barometer-e2e-'));
  const linksFile = path.join(dir, 'links.json');
  const child = spawn(javaPath, ['-jar', jarPath, '--port', '0', '--links-file', linksFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output = (output + chunk).slice(-20_000); });
  child.stderr.on('data', (chunk) => { output = (output + chunk).slice(-20_000); });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  child.on('error', (error) => { exited = { error }; });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`The local stack stopped before it was ready (${JSON.stringify(exited)}). `
        + `Build it first (mvn -B -pl local -am package). Output:\n${output}`);
    }
    if (existsSync(linksFile)) {
      return { child, dir, links: JSON.parse(await readFile(linksFile, 'utf8')) };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`The local stack wrote no links file within ${STARTUP_TIMEOUT_MS / 1000} s. Output:\n${output}`);
}

async function stopStack(stack) {
  if (!stack) return;
  const { child, dir } = stack;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await rm(dir, { recursive: true, force: true });
}

function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** What a test file runs against: `stack` (its process, folder and `links`) and `browser`. */
export async function startStackAndBrowser() {
  const stack = await startStack();
  const browser = await launchBrowser();
  await mkdir(resultsDir, { recursive: true });
  return { stack, browser };
}

export async function stopStackAndBrowser(session) {
  await session?.browser?.close();
  await stopStack(session?.stack);
}

/**
 * A new tab on `url`. Journeys run under the Content-Security-Policy the stack serves, and every violation the
 * browser reports is collected. Only a journey that scans with axe (`axe: true`) bypasses the policy, because
 * axe is injected as an inline script; at least the journeys without a scan keep the real policy. `prepare(page)`
 * runs before the page is opened (to route a request, say).
 */
export async function openPage(browser, url, { viewport = WIDE, axe = false, prepare = null } = {}) {
  const context = await browser.newContext({ viewport, locale: 'nb-NO', reducedMotion: 'reduce', bypassCSP: axe });
  const page = await context.newPage();
  const pageErrors = [];
  const cspViolations = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (violation) => cspViolations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      globalThis.reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}`);
    });
  });
  page.pageErrors = pageErrors;
  page.cspViolations = cspViolations;
  page.underCsp = !axe;
  if (prepare) await prepare(page);
  await page.goto(url);
  await waitForView(page);
  return page;
}

/** The end of a journey: no script error, and, under the real policy, no Content-Security-Policy violation. */
export async function expectCleanRun(page) {
  assert.deepEqual(page.pageErrors, [], 'no script errors');
  assert.ok(page.underCsp, 'this journey runs under the real Content-Security-Policy');
  const headers = await page.evaluate(async () => (await fetch('/', { cache: 'no-store' })).headers.get('content-security-policy'));
  assert.match(headers ?? '', /default-src 'none'/, 'the app is served with its policy');
  assert.deepEqual(page.cspViolations, [], 'no Content-Security-Policy violations');
}

/** Waits until the app has replaced its loading view. */
export async function waitForView(page) {
  await page.waitForFunction(() => {
    const h1 = document.querySelector('main h1');
    return h1 && !h1.textContent.startsWith('Laster');
  });
}

export async function expectNoAxeViolations(page, what) {
  assert.ok(!page.underCsp, 'a page scanned with axe is opened with openPage(url, { axe: true })');
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe found violations on ${what}`);
}

export async function expectNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what} scrolls horizontally at ${clientWidth} px (content ${scrollWidth} px)`);
}
