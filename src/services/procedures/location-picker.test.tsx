/**
 * 道路損傷の通報 (doro-tsuho): the place question renders the map picker's markup (the
 * data attributes location-picker.js reads, boxes with a decimal keypad, the scripts);
 * coordinates typed with full-width digits are accepted; a photo over the upload limit
 * brings the page back with everything typed and the limit named; the check page and
 * staff's review page link the place to a map.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { AnswerText, locationsOf, mapLink } from './location-map-views.tsx';
import { applicationIdOf, applicationRow, PNG_1PX, postMultipart, startProceduresApp } from './procedures-test-kit.ts';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../platform/i18n/i18n.ts';

let app: TestApp;
let b: BrowserSession;
let id = '';

before(async () => {
  app = await startProceduresApp();
  b = app.browser();
  await b.loginResident('demo-01', 'password');
  id = applicationIdOf((await b.post('/procedures/doro-tsuho/start')).headers.location);
});
after(async () => app.close());

const report = () => `/procedures/applications/${id}/pages/report`;
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const inputTag = (html: string, name: string) => new RegExp(`<input[^>]*name="${name.replace('.', '\\.')}"[^>]*>`).exec(html)?.[0] ?? '';

test('the place question: two boxes with a decimal keypad, the picker markup and its scripts', async () => {
  const page = await b.get(report());
  assert.equal(page.statusCode, 200);
  for (const box of ['location.lat', 'location.lng']) {
    const tag = inputTag(page.body, box);
    assert.match(tag, /inputmode="decimal"/, box);
    assert.match(tag, new RegExp(`id="${box.replace('.', '\\.')}"`), box);
  }
  const picker = /<div[^>]*data-location-picker[^>]*>/.exec(page.body)?.[0] ?? '';
  assert.match(picker, /data-lat="location\.lat"/);
  assert.match(picker, /data-lng="location\.lng"/);
  assert.match(picker, /data-centre="39\.1445,141\.1391"/, 'opens on 水沢');
  assert.match(picker, /data-bounds="38\.93,140\.7,39\.33,141\.45"/);
  assert.match(picker, /data-css="\/assets\/vendor\/leaflet\/leaflet\.css"/);
  assert.match(picker, /data-msg-denied="[^"]+"/);
  assert.match(picker, /data-msg-no-tiles="[^"]+"/);
  // The test app runs with MAP_TILE_URL=none: no tile server named, the script says so and leaves the boxes.
  assert.doesNotMatch(picker, /data-tile-url/);
  assert.match(page.body, /<div data-location-map="true" role="region" aria-label="場所を選ぶ地図" hidden>/);
  assert.match(page.body, /<p class="field-hint" data-location-status="true" role="status" aria-live="polite" hidden>/);
  assert.match(page.body, /<button type="button" class="btn btn-secondary" data-location-here="true" hidden>現在地を使う<\/button>/);
  assert.match(page.body, /<script src="\/assets\/vendor\/leaflet\/leaflet\.js" defer><\/script>/);
  assert.match(page.body, /<script src="\/assets\/procedures\/location-picker\.js" defer><\/script>/);
  // Without JavaScript: how to find the numbers, in plain words.
  assert.match(main(page.body), /スマートフォンの地図アプリで場所を長押し/);
  // the photo question accepts what its hint says
  assert.match(inputTag(page.body, 'photo'), /accept="image\/jpeg,image\/png,application\/pdf"/);
  assert.match(main(page.body), /写真またはPDF/);
});

test('the picker script and Leaflet are served from this origin', async () => {
  const script = await b.get('/assets/procedures/location-picker.js');
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
  assert.match(script.body, /data-location-picker/);
  assert.equal((await b.get('/assets/vendor/leaflet/leaflet.js')).statusCode, 200);
  assert.equal((await b.get('/assets/vendor/leaflet/images/marker-icon.png')).statusCode, 200);
  assert.equal((await b.get('/assets/vendor/leaflet/../package.json')).statusCode, 404);
});

test('a page without a place question loads no map scripts', async () => {
  const contact = await b.get(`/procedures/applications/${id}/pages/contact`);
  assert.doesNotMatch(contact.body, /location-picker\.js/);
});

test('coordinates typed with full-width digits and a full-width point are accepted', async () => {
  const response = await b.post(report(), { kind: 'pothole', 'location.lat': '３９．１４４５', 'location.lng': '１４１．１３９１', description: '直径30cmほどの穴', urgency: 'soon', action: 'continue' });
  assert.equal(response.statusCode, 303, main(response.body).slice(0, 400));
  assert.equal(response.headers.location, `/procedures/applications/${id}/pages/contact`);
  assert.deepEqual((await applicationRow(app, id)).answers.location, { lat: 39.1445, lng: 141.1391 });
  // shown again as plain numbers
  const again = await b.get(report());
  assert.match(inputTag(again.body, 'location.lat'), /value="39\.1445"/);
});

test('a photo over the upload limit: the page comes back with everything typed and the limit named', async () => {
  const huge = Buffer.concat([PNG_1PX, Buffer.alloc(10 * 1024 * 1024 + 10)]);
  const typed = { kind: 'gutter', 'location.lat': '39.15', 'location.lng': '141.14', landmark: '郵便局の前', description: '側溝のふたが割れています', urgency: 'danger', action: 'continue' };
  const response = await postMultipart(app, b, report(), typed, [{ name: 'photo', filename: 'huge.png', type: 'image/png', bytes: huge }]);
  assert.equal(response.statusCode, 400);
  const html = main(response.body);
  assert.match(html, /<a href="#photo">「写真」のファイルが大きすぎます。10MB以下のファイルを選んでください。<\/a>/);
  assert.match(inputTag(html, 'location.lat'), /value="39\.15"/);
  assert.match(inputTag(html, 'location.lng'), /value="141\.14"/);
  assert.match(inputTag(html, 'landmark'), /value="郵便局の前"/);
  assert.match(html, />側溝のふたが割れています<\/textarea>/);
  assert.match(html, /value="gutter" checked/);
  // The valid answers were saved with the draft, as on any post of the page.
  const saved = (await applicationRow(app, id)).answers;
  assert.deepEqual(saved.location, { lat: 39.15, lng: 141.14 });
  assert.equal(saved.photo, undefined);
});

test('a post the parser stops (more files than it takes) still comes back with what was typed', async () => {
  const typed = { kind: 'tree', 'location.lat': '39.16', 'location.lng': '141.13', description: '倒木が道をふさいでいます', urgency: 'danger', action: 'continue' };
  const photos = Array.from({ length: 6 }, (_, i) => ({ name: 'photo', filename: `p${i}.png`, type: 'image/png', bytes: PNG_1PX }));
  const response = await postMultipart(app, b, report(), typed, photos);
  assert.equal(response.statusCode, 413);
  const html = main(response.body);
  assert.match(html, /<a href="#photo">写真のファイルが大きすぎます。10MB以下のファイルを選んでください<\/a>/);
  assert.match(inputTag(html, 'location.lat'), /value="39\.16"/);
  assert.match(html, />倒木が道をふさいでいます<\/textarea>/);
});

test('check your answers links the place to a map; so does staff review', async () => {
  await b.post(report(), { kind: 'pothole', 'location.lat': '39.1445', 'location.lng': '141.1391', description: '穴', urgency: 'soon', action: 'continue' });
  await b.post(`/procedures/applications/${id}/pages/contact`, { wantsReply: 'no', action: 'continue' });
  const check = await b.get(`/procedures/applications/${id}/check`);
  assert.equal(check.statusCode, 200);
  assert.match(main(check.body), /北緯39\.14450度、東経141\.13910度<br\/>/);
  assert.match(main(check.body), /<a href="https:\/\/maps\.gsi\.go\.jp\/#17\/39\.1445\/141\.1391\/"[^>]*>地図で場所を見る/);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)![1]!;
  const submitted = await b.post(`/procedures/applications/${id}/submit`, { idempotencyKey: key });
  assert.equal(submitted.statusCode, 303);
  const staff = app.browser();
  await staff.loginStaff('doboku.tanto');
  const review = await staff.get(`/staff/procedures/applications/${id}`);
  assert.equal(review.statusCode, 200);
  assert.match(main(review.body), /<a href="https:\/\/maps\.gsi\.go\.jp\/#17\/39\.1445\/141\.1391\/"[^>]*>地図で場所を見る/);
});

test('only location rows get a map link', () => {
  const sections = [{ rows: [{ fieldId: 'site.lat' }, { fieldId: 'note' }, { fieldId: 'other.lat' }] }];
  const found = locationsOf(sections, { site: { lat: 39.1, lng: 141.1 }, note: 'x', other: 'not a place' });
  assert.deepEqual([...found.keys()], ['site.lat']);
  assert.equal(mapLink({ lat: 39.1, lng: 141.1 }), 'https://maps.gsi.go.jp/#17/39.1/141.1/');
  const ctx = { t: translator('ja') } as Parameters<typeof AnswerText>[0]['ctx'];
  assert.equal(renderToString(<AnswerText ctx={ctx} display={'一行目\n二行目'} />), '一行目<br/>二行目');
});
