// Throughput against concurrency as an SVG, drawn with vega 6 (a plain vega spec: vega-lite does
// not run on Node 20). ES module with a real dynamic import, because vega is ESM-only with
// top-level await and cannot be required.

/**
 * @param {{ concurrency: number, series: string, perSecond: number }[]} points
 * @param {string} subtitle
 * @returns {Promise<string>} the SVG document
 */
export async function renderThroughputChart(points, subtitle) {
  const vega = await import('vega');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: 'Starts per second against concurrent clients',
    width: 560,
    height: 320,
    padding: 12,
    background: 'white',
    title: { text: 'Case starts vs bare Temporal workflow starts', subtitle, anchor: 'start', fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555' },
    data: [{ name: 'points', values: points }],
    scales: [
      { name: 'x', type: 'log', base: 2, domain: { data: 'points', field: 'concurrency' }, range: 'width', nice: false, zero: false, padding: 16 },
      { name: 'y', type: 'log', domain: { data: 'points', field: 'perSecond' }, range: 'height', nice: true, zero: false },
      { name: 'color', type: 'ordinal', domain: { data: 'points', field: 'series' }, range: ['#c0392b', '#2c7fb8'] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', title: 'concurrent clients', values: [...new Set(points.map((p) => p.concurrency))], format: 'd', grid: false },
      { orient: 'left', scale: 'y', title: 'starts per second (log scale)', grid: true, gridOpacity: 0.35, format: '~s', tickCount: 4 },
    ],
    legends: [{ fill: 'color', orient: 'top-left', symbolType: 'circle', labelFontSize: 12, labelLimit: 400 }],
    marks: [
      {
        type: 'group',
        from: { facet: { name: 'series', data: 'points', groupby: 'series' } },
        marks: [
          {
            type: 'line',
            from: { data: 'series' },
            sort: { field: 'datum.concurrency' },
            encode: { enter: { x: { scale: 'x', field: 'concurrency' }, y: { scale: 'y', field: 'perSecond' }, stroke: { scale: 'color', field: 'series' }, strokeWidth: { value: 2.5 } } },
          },
          {
            type: 'symbol',
            from: { data: 'series' },
            encode: { enter: { x: { scale: 'x', field: 'concurrency' }, y: { scale: 'y', field: 'perSecond' }, fill: { scale: 'color', field: 'series' }, size: { value: 60 } } },
          },
          {
            type: 'text',
            from: { data: 'series' },
            encode: {
              enter: {
                x: { scale: 'x', field: 'concurrency' },
                y: { scale: 'y', field: 'perSecond', offset: -9 },
                text: { signal: "format(datum.perSecond, datum.perSecond < 10 ? '.1f' : '.0f')" },
                align: { value: 'center' },
                fontSize: { value: 11 },
                fill: { value: '#333' },
              },
            },
          },
        ],
      },
    ],
  };
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
