/**
 * Makes the demo video of the knowledge base (seeds/assets/wat-doet-een-adviesraad.webm): four
 * text cards of 3 seconds, drawn on a canvas in Chromium and recorded with its own MediaRecorder
 * (WebM, VP8, no sound), so the demo needs no downloaded video and no ffmpeg. The captions and the
 * transcript in seeds/demo-knowledge.ts say the same sentences at the same times.
 *
 *   node --import tsx scripts/make-demo-video.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_VIDEO_CARDS } from '../seeds/demo-video.ts';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../seeds/assets/wat-doet-een-adviesraad.webm');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  // tsx names the functions it passes into the page with a helper the page does not have.
  await page.evaluate('window.__name = (f) => f');
  const bytes: number[] = await page.evaluate(async (cards) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    document.body.append(canvas);
    const g = canvas.getContext('2d')!;
    const draw = (text: string, n: number) => {
      g.fillStyle = ['#154273', '#01689b', '#275937', '#42145f'][n % 4]!;
      g.fillRect(0, 0, 320, 180);
      g.fillStyle = '#ffffff';
      g.font = 'bold 17px sans-serif';
      // Wrap the sentence over lines of at most 28 characters.
      const lines = text.split(' ').reduce<string[]>((acc, w) => {
        const last = acc.at(-1);
        if (last !== undefined && `${last} ${w}`.length <= 28) acc[acc.length - 1] = `${last} ${w}`;
        else acc.push(w);
        return acc;
      }, []);
      lines.forEach((l, i) => g.fillText(l, 16, 90 - (lines.length - 1) * 12 + i * 24));
    };
    draw(cards[0]!, 0);
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 60_000 });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const done = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    for (let i = 0; i < cards.length; i++) {
      // Redraw now and then: the stream only carries frames that change the canvas.
      for (let tick = 0; tick < 6; tick++) {
        draw(cards[i]!, i);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    recorder.stop();
    await done;
    return [...new Uint8Array(await new Blob(chunks).arrayBuffer())];
  }, DEMO_VIDEO_CARDS);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, Buffer.from(bytes));
  console.log(`${out}: ${bytes.length} bytes`);
} finally {
  await browser.close();
}
