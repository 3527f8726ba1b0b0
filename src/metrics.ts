// One prom-client registry per app (tests build several apps in one process),
// with Node's default process metrics; served at GET /metrics to the admin.
import { collectDefaultMetrics, Registry } from 'prom-client';

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'relaypg_' });
  return registry;
}
