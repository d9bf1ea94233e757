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
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setUrl(null);
    setFailed(false);
    // Long texts use the lowest error correction so the modules stay large enough to scan.
    import('qrcode')
      .then((qr) => qr.toDataURL(text, { errorCorrectionLevel: text.length > 300 ? 'L' : 'M', margin: 2, width: size * 2, color: { dark: '#000000', light: '#ffffff' } }))
      .then((data) => {
        if (!cancelled) setUrl(data);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [text, size]);

  if (failed) return null;
  return (
    <span className="qr-code" style={{ width: size, height: size }}>
      {url ? <img src={url} width={size} height={size} alt={label} data-testid="qr-code" /> : null}
    </span>
  );
}
