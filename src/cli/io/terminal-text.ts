/**
 * A model's answer shown on a terminal must not drive the terminal: escape sequences (a title
 * change, a screen clear, a hyperlink that lies) are shown the way `cat -v` shows them instead of
 * being executed. Newlines, tabs and carriage returns pass; `--raw` and piped output skip this.
 */
// ESC and the other C0 controls except \t \n \r, DEL, and the C1 controls (CSI as one byte, etc.).
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x7f) return '^?';
    if (code < 0x20) return `^${String.fromCharCode(code + 64)}`;
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}
