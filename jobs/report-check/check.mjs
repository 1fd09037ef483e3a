// Loads a static HTML page in Debian's headless chromium and fails when the page logs a console
// error, throws, asks for anything but itself (the report must be self-contained) or is wider
// than a phone screen. Takes a full-page screenshot at laptop width and one at phone width.
//
//   node check.mjs PAGE.html OUT.png        (writes OUT.png and OUT-phone.png)
//
// Exit codes: 0 clean, 1 the page has problems (listed on stderr), 2 bad usage or no browser.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [page_, out] = process.argv.slice(2);
if (!page_ || !out || !out.endsWith('.png')) {
  console.error('usage: check.mjs PAGE.html OUT.png');
  process.exit(2);
}
if (!existsSync(page_)) {
  console.error(`check-report: no such file: ${page_}`);
  process.exit(2);
}
const url = pathToFileURL(resolve(page_)).href;
const phoneOut = out.replace(/\.png$/, '-phone.png');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 900, file: out, mobile: false },
  { name: 'phone', width: 390, height: 844, file: phoneOut, mobile: true },
];

let browser;
try {
  browser = await chromium.launch({
    executablePath,
    // root in a container: no user namespaces for the sandbox; the page is our own static file
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  });
} catch (e) {
  console.error(`check-report: cannot start ${executablePath}: ${e.message.split('\n')[0]}`);
  process.exit(2);
}

const problems = [];
try {
  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      deviceScaleFactor: vp.mobile ? 2 : 1,
      isMobile: vp.mobile,
      hasTouch: vp.mobile,
      javaScriptEnabled: true, // so that an injected script would run and be caught
    });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        problems.push(`${vp.name}: console error: ${msg.text()}`);
      }
    });
    page.on('pageerror', (err) => problems.push(`${vp.name}: uncaught: ${err.message}`));
    page.on('request', (req) => {
      const u = req.url();
      if (u !== url && !u.startsWith('data:')) {
        problems.push(`${vp.name}: the page requests ${u} (it must be self-contained)`);
      }
    });
    page.on('requestfailed', (req) =>
      problems.push(`${vp.name}: request failed: ${req.url()} ${req.failure()?.errorText}`));
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (response && !response.ok()) {
      problems.push(`${vp.name}: loading ${url} gave status ${response.status()}`);
    }
    // let late errors (timers, CSP reports) arrive
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) {
      problems.push(`${vp.name}: the page is ${overflow}px wider than the ${vp.width}px screen`);
    }
    await page.screenshot({ path: vp.file, fullPage: true });
    console.log(`check-report: ${vp.name} ${vp.width}px screenshot ${vp.file}`);
    await context.close();
  }
} finally {
  await browser.close();
}

if (problems.length > 0) {
  for (const p of problems) console.error(`check-report: ${p}`);
  console.error(`check-report: FAILED ${page_}: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-report: OK ${page_}: no console errors`);
