import { ChartFigure, fit, type Series } from './ChartFigure';

const WIDTH = 640;
const LABEL = 120;
const BAR = 20;
const GAP = 8;

/** One horizontal bar per row (a dialogue cycle), split into the series' shares; each share's count is written in it. */
export function StackedBars({ title, description, series, rows }: { title: string; description: string; series: Series[]; rows: { label: string; values: number[] }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, v) => a + v, 0)));
  const plot = WIDTH - LABEL - 10;
  return (
    <ChartFigure title={title} description={description} width={WIDTH} height={rows.length * (BAR + GAP)} series={series}>
      {rows.map((r, ri) => {
        const y = ri * (BAR + GAP);
        let x = LABEL;
        return (
          <g key={r.label}>
            <text x={0} y={y + BAR / 2} dominantBaseline="middle" fontSize={13} fill="#1b1b1b">
              {fit(r.label, 16)}
            </text>
            {r.values.map((v, si) => {
              const w = (v / max) * plot;
              const at = x;
              x += w;
              return v > 0 ? (
                <g key={series[si]!.label}>
                  <rect x={at} y={y} width={w} height={BAR} fill={series[si]!.color} stroke="#ffffff" strokeWidth={1} />
                  {w > 18 ? (
                    <text x={at + w / 2} y={y + BAR / 2} dominantBaseline="middle" textAnchor="middle" fontSize={11} fill="#ffffff">
                      {v}
                    </text>
                  ) : null}
                </g>
              ) : null;
            })}
          </g>
        );
      })}
    </ChartFigure>
  );
}
