import { useEffect, useRef } from 'preact/hooks';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1f2937';

export const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#be123c', '#6d28d9', '#0e7490', '#4d7c0f', '#a21caf'];

/**
 * Chart.js on a canvas. Charts are decoration for sighted users: every chart sits next to a data
 * table or list with the same numbers (that is also what screen readers and tests read).
 */
export function ChartCanvas({ config, label, height = 260 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const cfg: ChartConfiguration = {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    };
    if (chart.current && (chart.current.config as { type?: string }).type === cfg.type) {
      chart.current.data = cfg.data;
      chart.current.options = cfg.options ?? {};
      chart.current.update('none');
    } else {
      chart.current?.destroy();
      chart.current = new Chart(canvas.current, cfg);
    }
  }, [config]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
