/** Where a deduction's event can be read: an API path, with the event's version. */
export function linkOf(ref: { stream: string; version: number }): string {
  const [kind, id] = ref.stream.split('#') as [string, string];
  if (kind === 'case') return `/cases/${id}/events#v${ref.version}`;
  if (kind === 'roster') return `/rosters/${id}#v${ref.version}`;
  if (kind === 'archive') return `/archive-checks/${id}#v${ref.version}`;
  if (kind === 'attendance') {
    const [date, staffId] = ref.stream.slice('attendance#'.length).split('#') as [string, string];
    return `/staff/${staffId}/attendance/${date.slice(0, 7)}#${date}-v${ref.version}`;
  }
  if (kind === 'site-inspection') {
    const [siteId, date] = ref.stream.slice('site-inspection#'.length).split('#') as [string, string];
    return `/site-inspections/${date.slice(0, 7)}#${siteId}-${date}`;
  }
  return `${ref.stream}#v${ref.version}`;
}

