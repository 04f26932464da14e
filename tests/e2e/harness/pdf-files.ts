import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/** Assembles a PDF from its objects, with a cross-reference table whose offsets are right. */
function assemble(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((object, index) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), typeof object === 'string' ? Buffer.from(object, 'latin1') : object, Buffer.from('\nendobj\n')]);
    parts.push(body);
    length += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const stream = (content: Buffer, dictionary = ''): Buffer =>
  Buffer.concat([Buffer.from(`<< /Length ${content.length} ${dictionary}>>\nstream\n`), content, Buffer.from('\nendstream')]);

/** A one-page PDF whose receipt lines are real text (Helvetica), as shops' invoices are. */
export function textPdf(lines: readonly string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = Buffer.from(`BT /F1 12 Tf 14 TL 30 470 Td ${lines.map((line) => `(${escape(line)}) Tj T*`).join(' ')} ET`, 'latin1');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 500] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

/** The pixel size a JPEG's frame header gives. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg[at + 1] ?? 0;
    const length = jpeg.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('no JPEG frame header');
}

/** A one-page PDF that is only a photo of a receipt (a scanner's PDF): no text to read, so it must be drawn for OCR. */
export function imagePdf(jpeg: Buffer): Buffer {
  const { width, height } = jpegSize(jpeg);
  const pageWidth = 300;
  const pageHeight = Math.round((300 * height) / width);
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>`,
    stream(Buffer.from(`q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Im1 Do Q`)),
    stream(jpeg, `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode `),
  ]);
}

export interface PdfServer {
  /** A page linking to each PDF by name, as <a id="<name>" href="/<name>.pdf">. */
  pageUrl: string;
  pdfUrl(name: string): string;
  close(): Promise<void>;
}

export async function startPdfServer(pdfs: Record<string, Buffer>): Promise<PdfServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/invoices.html') {
      const links = Object.keys(pdfs).map((name) => `<p><a id="${name}" href="/${name}.pdf">${name}.pdf</a></p>`);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end(`<!doctype html><html><head><title>Invoices</title></head><body><h1>Invoices</h1>${links.join('')}</body></html>`);
    }
    const body = pdfs[/^\/([\w-]+)\.pdf$/.exec(url.pathname)?.[1] ?? ''];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(body.length) });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pageUrl: `${origin}/invoices.html`,
    pdfUrl: (name) => `${origin}/${name}.pdf`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
