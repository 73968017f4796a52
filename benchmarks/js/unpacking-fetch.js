// The site serves its library and wheels gzip-compressed whole and its worker unpacks them as
// they arrive (calculator-worker.js): the bare workers on the site's files do the same.
const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const response = await plainFetch(input, init);
  const url = new URL(String(input instanceof Request ? input.url : input), self.location.href);
  if (!url.pathname.endsWith(".gz") || !response.body) return response;
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
};
