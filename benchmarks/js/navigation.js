// Navigation timing and first contentful paint of the current page.
() => {
  const [nav] = performance.getEntriesByType("navigation");
  const paints = Object.fromEntries(performance.getEntriesByType("paint")
    .map((p) => [p.name, p.startTime]));
  return { domContentLoadedMs: nav ? nav.domContentLoadedEventStart : null,
           loadMs: nav ? nav.loadEventStart : null,
           responseEndMs: nav ? nav.responseEnd : null,
           fcpMs: paints["first-contentful-paint"] ?? null };
}
