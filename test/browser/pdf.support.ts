/**
 * Just enough PDF reading for the print specs, on Chromium's (Skia's) output: page objects and the
 * link annotations drawn on each page. Content streams are compressed and their text glyph-encoded,
 * so text is not read from them; a link in the running header is, since each page lists its links
 * as /Annots with their /URI in plain objects.
 */
export interface PdfPage { uris: string[] }

export function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) objects.set(m[1] as string, m[2] as string);
  const uriIn = (body: string) => [...body.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((u) => (u[1] as string).replace(/\\(.)/g, '$1'));
  const pages: PdfPage[] = [];
  for (const body of objects.values()) {
    if (!/\/Type\s*\/Page(?![s\w])/.test(body)) continue;
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
    const refs = [...annots.matchAll(/(\d+) 0 R/g)].map((r) => objects.get(r[1] as string) ?? '');
    pages.push({ uris: [...uriIn(annots), ...refs.flatMap(uriIn)] });
  }
  return pages;
}
