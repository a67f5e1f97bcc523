import { fieldId } from './form.tsx';

/**
 * A field for robots only: hidden from sight and from screen readers, out of the tab order, with a
 * label that tells a person who still meets it to leave it empty. A form sent with it filled in
 * came from a robot; its value rides along between the pages of a form.
 */
export function Honeypot({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <div class="rw-visually-hidden" aria-hidden="true">
      <label for={fieldId(name)}>{label}</label>
      <input type="text" id={fieldId(name)} name={name} value={value ?? ''} tabindex={-1} autocomplete="off" />
    </div>
  );
}
