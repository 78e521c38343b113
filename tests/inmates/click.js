// Opens a page in headless Chromium, clicks an element like a person would
// (mouse press and release at its centre) and prints what the page shows
// before and after, as JSON. Talks the DevTools protocol over
// --remote-debugging-pipe, so it needs nothing but node and chromium.
//
// usage: node click.js CHROMIUM URL BUTTON_ID STATE_ID
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [chromium, url, buttonId, stateId] = process.argv.slice(2);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aj-chromium-'));
const browser = spawn(chromium, [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
	'--disable-background-networking', '--no-first-run', '--user-data-dir=' + profile,
	'--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });

// The profile can go only once Chromium has stopped writing to it.
function finish(code, result) {
	if (result)
		process.stdout.write(JSON.stringify(result) + '\n');
	const done = () => {
		fs.rmSync(profile, { recursive: true, force: true });
		process.exit(code);
	};
	if (browser.exitCode !== null || browser.signalCode !== null)
		return done();
	browser.once('exit', done);
	browser.kill();
}
setTimeout(() => { process.stderr.write('click.js: timed out\n'); finish(1); }, 30000);
browser.on('error', (e) => { process.stderr.write(`click.js: ${chromium}: ${e.message}\n`); finish(1); });

// Messages are JSON texts, each ended by a NUL byte.
let nextId = 1, pending = new Map(), waiters = [], input = '';
browser.stdio[4].on('data', (chunk) => {
	input += chunk.toString('utf8');
	let end;
	while ((end = input.indexOf('\0')) >= 0) {
		const msg = JSON.parse(input.slice(0, end));
		input = input.slice(end + 1);
		if (msg.id && pending.has(msg.id)) {
			const { resolve, reject } = pending.get(msg.id);
			pending.delete(msg.id);
			if (msg.error)
				reject(new Error(msg.error.message));
			else
				resolve(msg.result);
		} else if (msg.method) {
			waiters = waiters.filter((w) => !(w.method === msg.method && (w.resolve(msg.params), true)));
		}
	}
});

function send(method, params = {}, sessionId) {
	const id = nextId++;
	browser.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
	return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

function event(method) {
	return new Promise((resolve) => waiters.push({ method, resolve }));
}

async function main() {
	const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
	const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
	const page = (method, params) => send(method, params, sessionId);
	const evaluate = async (expression) =>
		(await page('Runtime.evaluate', { expression, returnByValue: true })).result.value;
	const state = () => evaluate(`(() => { const s = document.getElementById(${JSON.stringify(stateId)});
		return s ? { value: s.dataset.value, text: s.textContent } : null; })()`);

	await page('Page.enable');
	const loaded = event('Page.loadEventFired');
	await page('Page.navigate', { url });
	await loaded;
	const before = await state();
	const box = await evaluate(`(() => { const b = document.getElementById(${JSON.stringify(buttonId)});
		if (!b) return null; const r = b.getBoundingClientRect();
		return { x: r.x + r.width / 2, y: r.y + r.height / 2, label: b.textContent }; })()`);
	if (!before || !box)
		return finish(1, { error: 'element not found', before, box });
	for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
		await page('Input.dispatchMouseEvent',
			{ type, x: box.x, y: box.y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
	// The page updates itself when /toggle answers: poll for that.
	let after = await state();
	for (let i = 0; i < 100 && after.value === before.value; i++) {
		await new Promise((r) => setTimeout(r, 50));
		after = await state();
	}
	finish(0, { button: box.label, before, after });
}

main().catch((e) => { process.stderr.write(`click.js: ${e.message}\n`); finish(1); });
