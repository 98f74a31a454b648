'use client';

import { useEffect, useState } from 'react';
import { type QrPath } from './qr.chunk';

/**
 * A QR code of a link, drawn inline as SVG (dark on light whatever the theme, as scanners
 * expect). The encoder loads on first use; until then a same-size placeholder holds the space.
 */
export function QrCode({ text, label, testId = 'student-qr' }: { text: string; label: string; testId?: string }) {
  const [qr, setQr] = useState<{ text: string; path: QrPath | null } | null>(null);
  useEffect(() => {
    let live = true;
    void import('./qr.chunk').then((m) => {
      let path: QrPath | null = null;
      try {
        path = m.qrPath(text);
      } catch {
        // Longer than a QR code holds (a whole lesson in the link): the link text still works.
      }
      if (live) setQr({ text, path });
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!qr || qr.text !== text) return <div className="cr-qr cr-qr--loading" aria-hidden="true" />;
  if (!qr.path) return <p className="cr-qr cr-qr--none">This link is too long for a QR code: copy it instead.</p>;
  return (
    <svg className="cr-qr" viewBox={`0 0 ${qr.path.size} ${qr.path.size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid={testId}>
      <rect width={qr.path.size} height={qr.path.size} fill="#fff" />
      <path d={qr.path.d} fill="#000" />
    </svg>
  );
}
