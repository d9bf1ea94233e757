import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';

/**
 * A chart.js canvas. chart.js is imported on first use, so only the dashboard downloads it.
 * Animations are off: figures should read at once, and screenshots show the final state.
 */
export function LazyChart(props: { config: ChartConfiguration; label: string; height?: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { config } = props;
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    void import('chart.js/auto').then(({ Chart }) => {
      if (cancelled || !canvasRef.current) return;
      // Chinese labels need the page's CJK font stack, not chart.js's Helvetica default.
      Chart.defaults.font.family = getComputedStyle(canvasRef.current).fontFamily;
      Chart.defaults.color = '#374151';
      chart = new Chart(canvasRef.current, { ...config, options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false } });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config]);
  return (
    <div className="desk-chart" style={{ height: props.height ?? 260 }}>
      <canvas ref={canvasRef} role="img" aria-label={props.label} />
    </div>
  );
}
