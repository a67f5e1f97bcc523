/**
 * The demo video's sentences: one text card of 3 seconds each in the video
 * (scripts/make-demo-video.ts made seeds/assets/wat-doet-een-adviesraad.webm from them), and the
 * same sentences as its captions (WebVTT) and transcript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_VIDEO_CARDS = [
  'Wij zijn de adviesraad van onze gemeente.',
  'We praten met inwoners over hun ervaringen.',
  'Daarna schrijven we een advies aan het college.',
  'Het college moet antwoorden wat het met ons advies doet.',
];
const SECONDS = 3;

const at = (s: number) => `00:00:${String(s).padStart(2, '0')}.000`;
export const demoVideoCaptions = `WEBVTT\n\n${DEMO_VIDEO_CARDS.map((c, i) => `${at(i * SECONDS)} --> ${at((i + 1) * SECONDS)}\n${c}\n`).join('\n')}`;

/** The video file, committed next to this file (a few kB). */
export const demoVideoBytes = () => fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'assets/wat-doet-een-adviesraad.webm'));
