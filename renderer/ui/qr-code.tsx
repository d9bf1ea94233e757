import { useEffect, useState } from 'react';
import './ui.css';

export interface QrCodeProps {
  text: string;
  /** Rendered size in CSS pixels. */
  size?: number;
  /** Accessible description, e.g. 「扫码带走办事指南」. */
  label: string;
}

/** A QR code as an <img> (qrcode -> data URL). The encoder loads on first use, outside the first paint. */
export function QrCode({ text, size = 240, label }: QrCodeProps) {
  const key = `${size}:${text}`;
  const [made, setMade] = useState<{ key: string; url: string | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    // Long texts use the lowest error correction so the modules stay large enough to scan.
    import('qrcode')
      .then((qr) => qr.toDataURL(text, { errorCorrectionLevel: text.length > 300 ? 'L' : 'M', margin: 2, width: size * 2, color: { dark: '#000000', light: '#ffffff' } }))
      .then((data) => {
        if (!cancelled) setMade({ key, url: data });
      })
      .catch(() => {
        if (!cancelled) setMade({ key, url: null });
      });
    return () => {
      cancelled = true;
    };
  }, [text, size, key]);

  const url = made?.key === key ? made.url : null;
  if (made?.key === key && url === null) return null;
  return (
    <span className="qr-code" style={{ width: size, height: size }}>
      {url ? <img src={url} width={size} height={size} alt={label} data-testid="qr-code" /> : null}
    </span>
  );
}
