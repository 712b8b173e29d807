/** A node of a Redis Cluster as REDIS_CLUSTER_NODES names it: `host:port`. */
export interface ClusterNode {
  host: string;
  port: number;
}

const NODE = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** `host:port,host:port` to nodes; undefined when any entry is not a host and a port. */
export function parseClusterNodes(text: string): ClusterNode[] | undefined {
  const entries = text.split(',').map((entry) => entry.trim());
  const nodes = entries.map((entry) => NODE.exec(entry));
  if (entries.length === 0 || nodes.some((match) => match === null)) return undefined;
  const parsed = nodes.map((match) => ({ host: (match as RegExpExecArray)[1].replace(/^\[|\]$/g, ''), port: Number((match as RegExpExecArray)[2]) }));
  return parsed.every(({ port }) => port >= 1 && port <= 65_535) ? parsed : undefined;
}
