import type { ComponentChildren } from 'preact';

/**
 * A list of short sentences: what happens next, what a page can do for you. `ordered` for steps
 * that follow each other; falsy items are left out, so an item can depend on a condition.
 */
export function TextList({ items, ordered }: { items: (ComponentChildren | false | null | undefined)[]; ordered?: boolean }) {
  const kind = ordered ? 'ordered' : 'unordered';
  const List = ordered ? 'ol' : 'ul';
  return (
    <List class={`utrecht-${kind}-list`}>
      {items.filter(Boolean).map((item) => (
        <li class={`utrecht-${kind}-list__item`}>{item}</li>
      ))}
    </List>
  );
}
