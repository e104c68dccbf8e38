// Takes the README's screenshots. Not part of the build: run the app on port 3002 with the demo
// data, then: npm i playwright-core && node docs/screenshots/shoot.mjs docs/screenshots
import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3002';
const out = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.goto(`${base}/listings/15`);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: `${out}/listing.png` });
await page.click('#photos-button');
await page.waitForSelector('#caption');
await page.keyboard.press('ArrowRight');
await page.waitForFunction(() => document.querySelector('#caption')?.textContent.startsWith('2/'));
await page.waitForFunction(() => { const i = document.querySelector('#display-image'); return i && i.complete && i.naturalWidth > 0; });
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/lightbox.png` });
await page.keyboard.press('Escape');
await page.waitForSelector('#lightbox-container', { state: 'detached' });
await page.click('#share-button');
await page.waitForSelector('#share-container[open]');
await page.click('#share-container summary');
await page.screenshot({ path: `${out}/share.png` });
const phone = await browser.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
await phone.goto(`${base}/listings/15`);
await phone.waitForLoadState('networkidle');
await phone.screenshot({ path: `${out}/phone.png` });
const tour = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await tour.goto(`${base}/listings/15/photos`);
await tour.waitForLoadState('networkidle');
await tour.screenshot({ path: `${out}/photo-tour.png` });
// Photos that have not arrived yet: every image request is held, so only the placeholders show.
const loading = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await loading.route('**/media/**', () => {});
await loading.goto(`${base}/listings/15`, { waitUntil: 'domcontentloaded' });
await loading.waitForTimeout(500);
await loading.screenshot({ path: `${out}/loading.png` });
// A photo zoomed in by keyboard (+ twice: 150 %, then 200 %), settled, its sharper variant loaded.
const zoomed = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await zoomed.goto(`${base}/images/15?index=2`);
await zoomed.waitForFunction(() => { const i = document.querySelector('#display-image'); return i && i.complete && i.naturalWidth > 0; });
await zoomed.locator('#display-image').hover();
await zoomed.keyboard.press('+');
await zoomed.keyboard.press('+');
await zoomed.waitForFunction(() => document.querySelector('[data-zoom-status]')?.textContent.includes('200'));
await zoomed.waitForTimeout(600);
await zoomed.screenshot({ path: `${out}/zoomed.png` });
// The page in Arabic: right to left, the lightbox's Previous on the right.
const arabic = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'ar' });
await arabic.goto(`${base}/listings/15?lang=ar`);
await arabic.waitForLoadState('networkidle');
await arabic.screenshot({ path: `${out}/arabic.png` });
await arabic.goto(`${base}/images/15?index=2`);
await arabic.waitForFunction(() => { const i = document.querySelector('#display-image'); return i && i.complete && i.naturalWidth > 0; });
await arabic.waitForTimeout(300);
await arabic.screenshot({ path: `${out}/arabic-lightbox.png` });
await browser.close();
