import './BarChart.css';

/**
 * A small horizontal grouped bar chart as inline SVG. For screen readers it is one image whose
 * label says everything it shows (`summary`); the page shows the same figures in a table too.
 * Colours have at least 3:1 contrast on white, and the legend names each series in text.
 */
export interface BarSeries {
  label: string;
  color: string;
}

export interface BarGroup {
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
}

const WIDTH = 720;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 150;
const BAR_HEIGHT = 16;
const BAR_GAP = 4;
const GROUP_GAP = 18;

export function BarChart({ summary, series, groups, format }: { summary: string; series: BarSeries[]; groups: BarGroup[]; format: (value: number) => string }) {
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const groupHeight = series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const height = groups.length * (groupHeight + GROUP_GAP);

  return (
    <figure className="bar-chart">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {groups.map((g, gi) => {
          const top = gi * (groupHeight + GROUP_GAP);
          return (
            <g key={g.label}>
              <text x={0} y={top + groupHeight / 2} dominantBaseline="middle" fontSize={14} fill="#1b1b1b">
                {g.label.length > 22 ? `${g.label.slice(0, 21)}…` : g.label}
              </text>
              {series.map((s, si) => {
                const value = g.values[si] ?? 0;
                const y = top + si * (BAR_HEIGHT + BAR_GAP);
                const w = Math.max(value > 0 ? 2 : 0, (value / max) * plot);
                return (
                  <g key={s.label}>
                    <rect x={LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} fill={s.color} />
                    <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize={12} fill="#1b1b1b">
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="bar-chart-legend">
          {series.map((s) => (
            <li key={s.label}>
              <span className="bar-chart-swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
