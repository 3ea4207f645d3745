export interface ChartPanel {
  title: string;
  /** Values from 0 to 1, shown as bars with their percentage. */
  bars: Array<{ label: string; value: number }>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Horizontal bar charts side by side, as a standalone SVG (no library, no fonts to fetch). */
export function barChartSvg(title: string, panels: ChartPanel[]): string {
  const panelWidth = 330;
  const barHeight = 22;
  const labelWidth = 130;
  const barMax = panelWidth - labelWidth - 60;
  const rows = Math.max(...panels.map((p) => p.bars.length));
  const height = 70 + rows * (barHeight + 8) + 20;
  const width = panels.length * panelWidth + 20;
  const colors = ['#2563eb', '#059669', '#d97706'];
  const parts = panels.map((panel, i) => {
    const x0 = 10 + i * panelWidth;
    const bars = panel.bars.map((bar, j) => {
      const y = 60 + j * (barHeight + 8);
      const value = Number.isNaN(bar.value) ? 0 : Math.max(0, Math.min(1, bar.value));
      const shown = Number.isNaN(bar.value) ? '–' : `${Math.round(bar.value * 100)} %`;
      return [
        `<text x="${x0 + labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="12">${esc(bar.label)}</text>`,
        `<rect x="${x0 + labelWidth}" y="${y}" width="${barMax}" height="${barHeight}" fill="#e5e7eb" rx="3"/>`,
        `<rect x="${x0 + labelWidth}" y="${y}" width="${(barMax * value).toFixed(1)}" height="${barHeight}" fill="${colors[i % colors.length]}" rx="3"/>`,
        `<text x="${x0 + labelWidth + barMax + 6}" y="${y + 15}" font-size="12">${shown}</text>`,
      ].join('');
    });
    return `<text x="${x0}" y="45" font-size="14" font-weight="bold">${esc(panel.title)}</text>${bars.join('')}`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" fill="#111827">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="22" font-size="16" font-weight="bold">${esc(title)}</text>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
