/**
 * RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end in CRLF.
 * Text starting with = + - @ (or tab/CR) is prefixed with ' so a spreadsheet opening the export
 * shows an officer's free text instead of evaluating it as a formula (OWASP "CSV injection");
 * the JSON Lines file next to it keeps the exact text.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function jsonLines(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
