// The burndown as SVG: the points left at the end of each day beside the ideal line.
// days: [{date: 'YYYY-MM-DD', remainingPoints: n or null (days to come), idealPoints: n or null}]

const SVG = 'http://www.w3.org/2000/svg';
// small enough that its 14px text stays readable when a phone scales the chart down
const WIDTH = 480;
const HEIGHT = 190;
const MARGIN = { top: 12, right: 24, bottom: 32, left: 36 };

export function burndownChart(days, { id, title }) {
  const most = Math.max(1, ...days.flatMap(day => [day.remainingPoints || 0, day.idealPoints || 0]));
  const step = Math.ceil(most / 4);
  const top = step * 4;
  const x = index => MARGIN.left + (days.length === 1 ? 0.5 : index / (days.length - 1))
    * (WIDTH - MARGIN.left - MARGIN.right);
  const y = points => HEIGHT - MARGIN.bottom - (points / top) * (HEIGHT - MARGIN.top - MARGIN.bottom);

  const chart = svg('svg', { class: 'sf-burndown', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc` });
  chart.append(svg('title', { id: `${id}-title` }, title), svg('desc', { id: `${id}-desc` }, describe(days)));

  for (let tick = 0; tick <= top; tick += step) {
    chart.append(
      svg('line', { class: 'sf-burndown__grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'sf-burndown__axis', x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, String(tick)));
  }
  // at most six dates, the last day always, none crowding it
  const every = Math.ceil(days.length / 6);
  const last = days.length - 1;
  days.forEach((day, index) => {
    if (index === last || (index % every === 0 && last - index >= every)) {
      chart.append(svg('text', { class: 'sf-burndown__axis', x: x(index), y: HEIGHT - MARGIN.bottom + 18,
        'text-anchor': 'middle' }, formatDay(day.date)));
    }
  });

  const ideal = days.map((day, index) => [day, index]).filter(([day]) => day.idealPoints != null);
  if (ideal.length > 1) {
    chart.append(svg('polyline', { class: 'sf-burndown__ideal',
      points: ideal.map(([day, index]) => `${x(index)},${y(day.idealPoints)}`).join(' ') }));
  }
  const actual = days.map((day, index) => [day, index]).filter(([day]) => day.remainingPoints != null);
  if (actual.length > 0) {
    chart.append(svg('polyline', { class: 'sf-burndown__actual',
      points: actual.map(([day, index]) => `${x(index)},${y(day.remainingPoints)}`).join(' ') }));
    for (const [day, index] of actual) {
      chart.append(svg('circle', { class: 'sf-burndown__point', cx: x(index), cy: y(day.remainingPoints), r: 3.5 },
        svg('title', {}, `${formatDay(day.date)}: ${day.remainingPoints} points left`)));
    }
  }
  return chart;
}

/** A day as people read it, e.g. "3 Mar"; the date is taken as a calendar day, not a moment. */
export function formatDay(date) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

function describe(days) {
  const known = days.filter(day => day.remainingPoints != null);
  const last = days[days.length - 1];
  const left = known.map(day => `${formatDay(day.date)} ${day.remainingPoints}`).join(', ');
  const ideal = last.idealPoints != null ? ` The ideal line reaches ${last.idealPoints} by ${formatDay(last.date)}.` : '';
  return (known.length ? `Points left at the end of each day: ${left}.` : 'The sprint has not started yet.') + ideal;
}

function svg(name, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}
