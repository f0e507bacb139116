/**
 * Hand-written PDFs for loader tests. Latin text uses Helvetica; Chinese text uses a Type0 font
 * with Identity-H encoding and a ToUnicode CMap (glyph ids 1..n → the characters), which is all
 * a text extractor needs — no font file is embedded.
 */

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0').toUpperCase();
}

export interface PdfOptions {
  /** One entry per page: lines of Latin text and lines of Chinese text. */
  pages: { latin?: string; chinese?: string }[];
  /** Add an /Encrypt dictionary whose /U does not match the empty password. */
  encrypted?: boolean;
}

export function makePdf({ pages, encrypted = false }: PdfOptions): Buffer {
  const chars = [...new Set(pages.flatMap((p) => [...(p.chinese ?? '')]))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const helvetica = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c) => `<${hex4(cid.get(c) ?? 0)}> <${hex4(c.charCodeAt(0))}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`,
  );
  const type0 = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  const pageIds: number[] = [];
  for (const page of pages) {
    let content = '';
    if (page.latin) content += `BT /F1 12 Tf 72 720 Td (${page.latin}) Tj ET\n`;
    if (page.chinese) {
      const glyphs = [...page.chinese].map((c) => hex4(cid.get(c) ?? 0)).join('');
      content += `BT /F2 12 Tf 72 690 Td <${glyphs}> Tj ET\n`;
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${helvetica} 0 R /F2 ${type0} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let encryptRef = '';
  if (encrypted) {
    const junk = 'AB'.repeat(32);
    const enc = add(`<< /Filter /Standard /V 1 /R 2 /O <${junk}> /U <${'CD'.repeat(32)}> /P -4 >>`);
    encryptRef = ` /Encrypt ${enc} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  }

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryptRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'utf8');
}
