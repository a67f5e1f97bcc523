import { diffLines } from 'diff';
import { Paragraph } from './basics.tsx';

/**
 * Two versions of a text line by line: added and removed lines carry a visible and spoken label
 * (`added`, `removed`), not colour alone. `same` is said when nothing changed.
 */
export function LineDiff(props: { from: string; to: string; added: string; removed: string; same: string }) {
  const parts = diffLines(props.from.replace(/\r\n/g, '\n'), props.to.replace(/\r\n/g, '\n'));
  const changed = parts.some((p) => p.added || p.removed);
  return (
    <>
      {!changed && <Paragraph>{props.same}</Paragraph>}
      <div class="rw-diff">
        {parts.flatMap((p) =>
          p.value
            .replace(/\n$/, '')
            .split('\n')
            .map((line) =>
              p.added ? (
                <ins class="rw-diff__line">
                  <strong>{props.added}</strong> {line}
                </ins>
              ) : p.removed ? (
                <del class="rw-diff__line">
                  <strong>{props.removed}</strong> {line}
                </del>
              ) : (
                <span class="rw-diff__line">{line}</span>
              ),
            ),
        )}
      </div>
    </>
  );
}
