import { ChartFigure, fit, type Series } from './ChartFigure';

export interface BarGroup {
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
}

const WIDTH = 640;
const LABEL = 170;
const VALUE = 130;
const BAR = 14;
const GAP = 3;
const GROUP_GAP = 14;

/** Horizontal bars, one group per row (a stage, an instrument, a council), one bar per series. */
export function GroupedBars({ title, description, series, groups, format }: { title: string; description: string; series: Series[]; groups: BarGroup[]; format: (v: number) => string }) {
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const plot = WIDTH - LABEL - VALUE;
  const groupHeight = series.length * (BAR + GAP) - GAP;
  const height = groups.length * (groupHeight + GROUP_GAP);
  return (
    <ChartFigure title={title} description={description} width={WIDTH} height={height} series={series}>
      {groups.map((g, gi) => {
        const top = gi * (groupHeight + GROUP_GAP);
        return (
          <g key={`${g.label}-${gi}`}>
            <text x={0} y={top + groupHeight / 2} dominantBaseline="middle" fontSize={13} fill="#1b1b1b">
              {fit(g.label)}
            </text>
            {series.map((s, si) => {
              const v = g.values[si] ?? 0;
              const y = top + si * (BAR + GAP);
              const w = v > 0 ? Math.max(2, (v / max) * plot) : 0;
              return (
                <g key={s.label}>
                  <rect x={LABEL} y={y} width={w} height={BAR} fill={s.color} />
                  <text x={LABEL + w + 5} y={y + BAR / 2} dominantBaseline="middle" fontSize={11} fill="#1b1b1b">
                    {format(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFigure>
  );
}
