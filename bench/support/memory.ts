/**
 * Memory figures from Linux's /proc, for the bench. The app's untrusted-file work runs in child
 * processes (core/sandbox: text extraction, the meeting packet, the advice letter), so "the app's
 * memory" is the server process and those children together. Null where /proc cannot be read.
 */
import fs from 'node:fs';

function statusField(pid: number | string, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** The processes whose parent is `pid` (alive now). */
function childrenOf(pid: number): string[] {
  if (!fs.existsSync('/proc')) return [];
  return fs.readdirSync('/proc').filter((d) => {
    if (!/^\d+$/.test(d)) return false;
    try {
      return Number(/^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${d}/status`, 'utf8'))?.[1]) === pid;
    } catch {
      return false; // ended while we looked
    }
  });
}

/**
 * The peak resident memory in MB of `pid` plus the peaks of its children alive now (each
 * child's own high-water mark: their sum is an upper bound of the peak they had together).
 */
export function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = statusField(pid, 'VmHWM');
  if (own === null) return null;
  return childrenOf(pid).reduce((sum, child) => sum + (statusField(child, 'VmHWM') ?? 0), own);
}

/** The resident memory in MB of the children of `pid` now (0 where none or no /proc). */
export function childrenRssMb(pid: number = process.pid): number {
  return childrenOf(pid).reduce((sum, child) => sum + (statusField(child, 'VmRSS') ?? 0), 0);
}
