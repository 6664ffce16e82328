// The web UI in Debian's Chromium, against a running stack (WebUiTest starts it and runs this script):
// add the camera through the form (first with a value the API refuses), see it online on the
// overview, see its recorded interval on today's timeline, click it and watch the <video> play (the
// browser's own HLS, then hls.js), lock and delete a recording. Writes a screenshot of each page. Exits non-zero, saying why, on failure.
//
// It logs in through the login form first (the session cookie then carries every fetch, the <video> and the
// download); the script's own API calls send the stack's API key.
//
// Last, it logs in again through the OIDC provider the gateway is configured with.
//
// Environment: VIGIL_URL (the gateway), VIGIL_USER and VIGIL_PASSWORD (an admin), VIGIL_API_KEY (for the
// script's own API calls), CAMERA_URL (the test camera's RTSP URL), OIDC_NAME (the provider's display
// name), CHROMIUM (the browser), SCREENSHOTS (a directory), USER_DATA_DIR (a fresh, empty directory).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const base = env('VIGIL_URL');
const auth = { Authorization: `Bearer ${env('VIGIL_API_KEY')}` };
const cameraUrl = env('CAMERA_URL');
const screenshots = env('SCREENSHOTS');
mkdirSync(screenshots, { recursive: true });

// generous: the CI machine is slow and busy
const SECOND = 1000;
const ONLINE_WITHIN = 90 * SECOND;
const FOOTAGE_WITHIN = 120 * SECOND;
const PLAYING_WITHIN = 60 * SECOND;
/** Footage the timeline must show before the click: wide enough to hit at a 1 h zoom. */
const FOOTAGE_SECONDS = 30;

const step = (text) => console.log(`[web-ui] ${text}`);
const shot = async (page, name) => {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  step(`screenshot ${file}`);
};
const check = (condition, message) => {
  if (!condition) {
    throw new Error(message);
  }
};

const browser = await chromium.launchPersistentContext(env('USER_DATA_DIR'), {
  executablePath: env('CHROMIUM'),
  headless: true,
  viewport: { width: 1400, height: 1000 },
  // as root, and with this machine's network closed: no sandbox, no background connections
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let page;
try {
  page = browser.pages()[0] ?? await browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && step(`browser console: ${message.text()}`));
  page.on('pageerror', (error) => step(`page error: ${error.message}`));

  // 0. not logged in: the login form, and a wrong password refused beside it; then the admin logs in
  await page.goto(`${base}/`);
  await page.locator('form.login').waitFor({ timeout: 30 * SECOND });
  await page.fill('input[name=username]', env('VIGIL_USER'));
  await page.fill('input[name=password]', 'not-the-password');
  await page.click('form.login button[type=submit]');
  await page.locator('form.login .error', { hasText: 'Wrong' }).waitFor({ timeout: 15 * SECOND });
  await page.fill('input[name=password]', env('VIGIL_PASSWORD'));
  await page.click('form.login button[type=submit]');
  await page.locator('#logout').waitFor({ state: 'visible', timeout: 15 * SECOND });
  step('logged in through the form');

  // 1. the form: the API's validation message beside the field it names, then the camera is added
  await page.goto(`${base}/#/cameras/new`);
  await page.fill('#field-id', 'door');
  await page.fill('#field-name', 'Front door');
  await page.fill('#field-url', cameraUrl);
  await page.fill('#field-rotationSeconds', '5');
  await page.click('button[type=submit]');
  const refusal = page.locator('[data-error-for="rotationSeconds"]');
  await refusal.waitFor({ state: 'visible', timeout: 15 * SECOND });
  const refusalText = (await refusal.textContent()).trim();
  check(/rotationSeconds/.test(refusalText) || refusalText.length > 0, 'no validation message for rotationSeconds');
  step(`validation message beside rotationSeconds: ${refusalText}`);
  await shot(page, 'camera-form');
  await page.fill('#field-rotationSeconds', '10');
  await page.click('button[type=submit]');
  await page.waitForURL(/#\/cameras\/door$/, { timeout: 15 * SECOND });
  step('camera added through the form');

  // 2. the overview: the camera's card says online (polled: no reload)
  await page.goto(`${base}/#/`);
  await page.locator('[data-camera="door"] .badge[data-online="true"]').waitFor({ timeout: ONLINE_WITHIN });
  await page.locator('.storage[data-state]').waitFor({ timeout: 15 * SECOND });
  // the live numbers arrive with the camera's status
  await page.waitForFunction(() => /FPS\s+[1-9]/.test(document.querySelector('[data-camera="door"]')?.innerText ?? ''),
    null, { timeout: 30 * SECOND });
  const card = (await page.locator('[data-camera="door"]').innerText()).replace(/\s+/g, ' ');
  step(`overview card: ${card}`);
  check(/Front door/.test(card) && /streaming/.test(card), `the card shows no streaming camera: ${card}`);
  await shot(page, 'overview');
  const started = await page.request.post(`${base}/api/cameras/door/recording`, { data: { durationSeconds: 5 }, headers: auth });
  check(started.status() === 201, `a manual recording of door answers ${started.status()}`);

  // 3. the camera page: today's timeline shows the recorded interval, as the catalog has it
  await page.click('[data-camera="door"] .card-title');
  await page.waitForURL(/#\/cameras\/door/);
  const footage = await page.waitForFunction((seconds) => {
    const blocks = [...document.querySelectorAll('.timeline-track .covered')];
    const wide = blocks.find((b) => (Date.parse(b.dataset.end) - Date.parse(b.dataset.start)) / 1000 >= seconds);
    return wide ? { start: wide.dataset.start, end: wide.dataset.end, blocks: blocks.length } : null;
  }, FOOTAGE_SECONDS, { timeout: FOOTAGE_WITHIN, polling: 1000 }).then((handle) => handle.jsonValue());
  step(`timeline shows footage ${footage.start} – ${footage.end} (${footage.blocks} stretches)`);
  const recordings = await (await page.request.get(`${base}/api/cameras/door/recordings`, { headers: auth })).json();
  check(recordings.length > 0, 'the catalog lists no recordings of door');
  const first = recordings.map((r) => Date.parse(r.start)).sort((a, b) => a - b)[0];
  const shown = await page.$$eval('.timeline-track .covered', (blocks) => blocks.map((b) => Date.parse(b.dataset.start)));
  check(Math.min(...shown) === first, `the timeline starts at ${new Date(Math.min(...shown)).toISOString()}, the first recording at ${new Date(first).toISOString()}`);
  const today = await page.locator('.calendar .day.selected').getAttribute('class');
  check(/footage/.test(today), `today is not marked with footage in the calendar: ${today}`);

  // zoomed to an hour around the footage (the wheel zooms around the pointer)
  const box = await page.locator(`.timeline-track .covered[data-start="${footage.start}"]`).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, -100);
  }
  await page.waitForFunction(() => document.querySelector('.timeline')?.dataset.zoomHours === '1', null, { timeout: 10 * SECOND });
  const zoomed = await page.locator(`.timeline-track .covered[data-start="${footage.start}"]`).boundingBox();
  check(zoomed.width > box.width, `zooming did not widen the footage (${box.width} → ${zoomed.width} px)`);
  step(`zoomed to 1 h: the footage is ${zoomed.width.toFixed(0)} px wide (was ${box.width.toFixed(1)} px)`);

  // 4. a click on it plays from that instant: the <video> runs
  await page.mouse.click(zoomed.x + zoomed.width / 2, zoomed.y + zoomed.height / 2);
  await page.waitForFunction(() => {
    const video = document.querySelector('.player video');
    return video && !video.paused && video.readyState >= 3 && video.currentTime > 0;
  }, null, { timeout: PLAYING_WITHIN, polling: 250 });
  const t0 = await page.$eval('.player video', (v) => v.currentTime);
  await page.waitForFunction((start) => document.querySelector('.player video').currentTime > start + 1.5, t0,
    { timeout: PLAYING_WITHIN, polling: 250 });
  const played = await page.$eval('.player video', (v) => ({ currentTime: v.currentTime, width: v.videoWidth, height: v.videoHeight }));
  const engine = await page.locator('.player').getAttribute('data-engine');
  step(`video plays with ${engine}: currentTime ${t0.toFixed(2)} → ${played.currentTime.toFixed(2)} s, ${played.width}x${played.height}`);
  check(played.width === 1280 && played.height === 720, `the video is ${played.width}x${played.height}, not the camera's 1280x720`);
  await page.locator('.playhead:not([hidden])').waitFor({ timeout: 10 * SECOND });
  await shot(page, 'camera');

  // an event beside the timeline, with a download of its span as one MP4: the manual recording started
  // at the overview makes one (or joins the motion event the moving scene keeps running)
  const listed = page.locator('.events .event-item').first();
  await listed.waitFor({ timeout: FOOTAGE_WITHIN });
  const reason = (await listed.getAttribute('class')).replace(/.*reason-/, '');
  const clipHref = await listed.locator('a.download').getAttribute('href');
  // fetched by the page itself, so with the session cookie only, as the link's download is
  const clip = await page.evaluate(async (href) => {
    const response = await fetch(href);
    return { status: response.status, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
  }, clipHref);
  check(clip.status === 200 && /video\/mp4/.test(clip.type ?? ''), `the event's download answers ${clip.status} ${clip.type}`);
  const clipBytes = clip.bytes;
  check(clipBytes > 10_000, `the event's clip has only ${clipBytes} bytes`);
  step(`event listed (${reason}), its download is a ${clipBytes}-byte MP4`);

  // the same through hls.js, which browsers without native HLS get (this Chromium may have its own)
  await page.evaluate(() => localStorage.setItem('vigil.player', 'hls.js'));
  const again = await page.locator(`.timeline-track .covered[data-start="${footage.start}"]`).boundingBox();
  await page.mouse.click(again.x + again.width / 2, again.y + again.height / 2);
  await page.waitForFunction(() => {
    const video = document.querySelector('.player video');
    return document.querySelector('.player')?.dataset.engine === 'hls.js'
      && !video.paused && video.readyState >= 3 && video.currentTime > 0;
  }, null, { timeout: PLAYING_WITHIN, polling: 250 });
  const h0 = await page.$eval('.player video', (v) => v.currentTime);
  await page.waitForFunction((start) => document.querySelector('.player video').currentTime > start + 1.5, h0,
    { timeout: PLAYING_WITHIN, polling: 250 });
  const hlsPlayed = await page.$eval('.player video', (v) => ({ currentTime: v.currentTime, width: v.videoWidth }));
  step(`video plays with hls.js: currentTime ${h0.toFixed(2)} → ${hlsPlayed.currentTime.toFixed(2)} s, width ${hlsPlayed.width}`);
  check(hlsPlayed.width === 1280, `hls.js plays a picture ${hlsPlayed.width} wide, not 1280`);

  // 5. a recording locked, refused deletion while locked, unlocked, deleted
  const row = page.locator('.recording-item').last();
  const id = await row.getAttribute('data-recording');
  const item = page.locator(`.recording-item[data-recording="${id}"]`);
  await item.locator('button.lock').click();
  await page.locator(`.recording-item[data-recording="${id}"][data-locked="true"]`).waitFor({ timeout: 15 * SECOND });
  await item.locator('button.delete').click();
  await item.locator('button.delete').click();
  await page.locator('.recordings .error:not([hidden])').waitFor({ timeout: 15 * SECOND });
  step(`deleting locked recording ${id}: ${await page.locator('.recordings .error').textContent()}`);
  await item.locator('button.lock').click();
  await page.locator(`.recording-item[data-recording="${id}"][data-locked="false"]`).waitFor({ timeout: 15 * SECOND });
  await item.locator('button.delete').click();
  await item.locator('button.delete').click();
  await page.locator(`.recording-item[data-recording="${id}"]`).waitFor({ state: 'detached', timeout: 15 * SECOND });
  const gone = await page.request.get(`${base}/api/recordings/${id}`, { headers: auth });
  check(gone.status() === 404, `recording ${id} answers ${gone.status()} after its deletion`);
  step(`recording ${id} locked, refused, unlocked and deleted`);

  // logging out ends the session: the form is back and the page's own calls are refused
  await page.click('#logout');
  await page.locator('form.login').waitFor({ timeout: 15 * SECOND });
  const after = await page.evaluate(async () => (await fetch('/api/cameras')).status);
  check(after === 401, `/api/cameras answers ${after} after the logout`);
  step('logged out: the login form is back and the API answers 401');

  // the page loaded nothing from anywhere but the gateway (the OIDC provider's pages come next)
  const foreign = requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'));
  check(foreign.length === 0, `requests outside the gateway: ${foreign.join(', ')}`);

  // 9. the login page offers the OIDC provider WebUiTest runs; its login page, filled in as a user would,
  // brings the browser back to the view it left, logged in with the role and cameras the provider grants
  // (a failed provider login comes back with a code, which the page words and then drops from the address)
  await page.goto(`${base}/?login_error=no_role#/cameras/door`);
  await page.locator('form.login .error', { hasText: 'no Vigil role' }).waitFor({ timeout: 15 * SECOND });
  check(page.url() === `${base}/#/cameras/door`, `login_error left in the address: ${page.url()}`);
  const sso = page.locator('.sso a', { hasText: `Log in with ${env('OIDC_NAME')}` });
  await sso.waitFor({ timeout: 15 * SECOND });
  await shot(page, 'login');
  await sso.click();
  await page.locator('input[name=username]').waitFor({ timeout: 15 * SECOND });
  check(!page.url().startsWith(base), `the provider's login page is not the gateway's: ${page.url()}`);
  await page.fill('input[name=username]', 'olga-subject');
  await page.fill('textarea[name=claims]', JSON.stringify({ preferred_username: 'olga', groups: ['viewer'], vigil_cameras: ['door'] }));
  await page.click('input[type=submit]');
  await page.locator('#logout').waitFor({ state: 'visible', timeout: 30 * SECOND });
  await page.locator('#who', { hasText: 'olga' }).waitFor({ timeout: 15 * SECOND });
  check(page.url() === `${base}/#/cameras/door`, `back at the camera's page after the provider's login, not ${page.url()}`);
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  check(me.via === 'oidc' && me.roles.includes('viewer') && !me.roles.includes('operator') && me.cameras?.join() === 'door',
    `the provider's grant: ${JSON.stringify(me)}`);
  check(await page.locator('a[href="#/cameras/new"]').isHidden(), 'a viewer is offered no "add camera"');
  await page.locator('.timeline').first().waitFor({ timeout: 30 * SECOND });
  step(`logged in through the OIDC provider as ${me.principal} (${me.roles.join(', ')}; cameras ${me.cameras.join(', ')})`);
  await page.click('#logout');
  await page.locator('form.login').waitFor({ timeout: 15 * SECOND });
  step('web UI checks passed');
} catch (error) {
  if (page) {
    await shot(page, 'failure').catch(() => undefined);
  }
  console.error(`[web-ui] FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
