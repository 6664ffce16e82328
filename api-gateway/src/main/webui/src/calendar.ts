// A month of local days; the days with footage (GET /api/cameras/{id}/dates) are marked.
import { h } from './dom';
import { dayKey, monthKey } from './days';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const monthTitle = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

export interface CalendarInput {
  month: string;
  footage: Set<string>;
  selected: string;
  onPick: (day: string) => void;
  onMonth: (delta: number) => void;
}

export function calendar(input: CalendarInput): HTMLElement {
  const [y, m] = input.month.split('-').map(Number);
  const first = new Date(y, m - 1, 1);
  const today = dayKey(new Date());
  const cells: HTMLElement[] = [];
  // weeks start on Monday
  for (let i = 0; i < (first.getDay() + 6) % 7; i++) {
    cells.push(h('span', { class: 'day blank' }));
  }
  for (let d = new Date(first); monthKey(d) === input.month; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    const key = dayKey(d);
    const classes = ['day'];
    if (input.footage.has(key)) classes.push('footage');
    if (key === input.selected) classes.push('selected');
    if (key === today) classes.push('today');
    cells.push(h('button', {
      class: classes.join(' '),
      type: 'button',
      dataset: { day: key },
      title: input.footage.has(key) ? `${key}: footage` : `${key}: no footage`,
      onclick: () => input.onPick(key),
    }, String(d.getDate())));
  }
  return h('section', { class: 'calendar' },
    h('div', { class: 'calendar-head' },
      h('button', { type: 'button', class: 'icon', title: 'previous month', onclick: () => input.onMonth(-1) }, '‹'),
      h('strong', { text: monthTitle.format(first) }),
      h('button', { type: 'button', class: 'icon', title: 'next month', onclick: () => input.onMonth(1) }, '›')),
    h('div', { class: 'calendar-grid' }, ...WEEKDAYS.map((w) => h('span', { class: 'weekday', text: w })), ...cells));
}
