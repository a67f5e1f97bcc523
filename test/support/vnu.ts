/**
 * The W3C Nu Html Checker (vnu.jar, Java) over rendered pages.
 *
 *   const errors = await checkHtml([{ name: 'home', html }]);
 *   assert.deepEqual(errors, []);
 *
 * All pages go to one Java run (Java's start-up costs more than checking a page).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const vnuJar = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/vnu-jar/build/dist/vnu.jar');

export type HtmlError = { name: string; message: string; line: number | undefined };

type VnuMessage = { type: string; subType?: string; url?: string; lastLine?: number; firstLine?: number; message?: string };

export async function checkHtml(pages: { name: string; html: string }[]): Promise<HtmlError[]> {
  if (pages.length === 0) return [];
  if (!fs.existsSync(vnuJar)) throw new Error(`vnu.jar not found at ${vnuJar}; run npm install`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-vnu-'));
  try {
    const byUrl = new Map<string, string>();
    const files = pages.map((page, i) => {
      const file = path.join(dir, `${String(i).padStart(3, '0')}-${page.name.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 60)}.html`);
      fs.writeFileSync(file, page.html);
      byUrl.set(pathToFileURL(file).href, page.name);
      byUrl.set(`file:${file}`, page.name); // vnu writes file:/abs/path
      return file;
    });
    const stderr = await runVnu(['--errors-only', '--format', 'json', ...files]);
    let report: { messages?: VnuMessage[] };
    try {
      report = JSON.parse(stderr);
    } catch {
      throw new Error(`vnu.jar gave no JSON report:\n${stderr.slice(0, 2000)}`);
    }
    return (report.messages ?? [])
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => ({
        name: (m.url && byUrl.get(m.url)) ?? m.url ?? '(unknown page)',
        message: m.message ?? m.type,
        line: m.lastLine ?? m.firstLine,
      }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Readable list of errors, for assertion messages. */
export function formatHtmlErrors(errors: HtmlError[]): string {
  return errors.map((e) => `- ${e.name}${e.line ? `:${e.line}` : ''}: ${e.message}`).join('\n');
}

function runVnu(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-Xss8m', '-jar', vnuJar, ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      // Exit code 1 only means "errors found"; the report is on stderr either way.
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('Java is not installed; install it with: apt-get install -y default-jre-headless'));
        return;
      }
      if (err && typeof err.code === 'number' && err.code > 1) {
        reject(new Error(`vnu.jar failed (exit ${err.code}):\n${stderr.slice(0, 2000)}`));
        return;
      }
      resolve(stderr);
    });
  });
}
