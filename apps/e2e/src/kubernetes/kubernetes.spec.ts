import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { queueKeys } from '@restaurant/queue';
import { readServiceConfig, SERVICE_ENV_NAMES } from '@restaurant/service';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../entries.js';
import { find, OVERLAYS, renderOverlay, type Manifest } from './rendered-manifests.js';
import { validateManifest } from './schema-validation.js';

interface Container {
  name: string;
  command: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }>;
  envFrom?: Array<{ configMapRef: { name: string } }>;
  ports?: Array<{ name: string; containerPort: number }>;
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean };
  containers: Container[];
}

const podOf = (deployment: Manifest) =>
  (deployment.spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }).template;
const SERVICES = ['producer', 'consumer'] as const;
/** Every Deployment that talks to Redis: the services and the sweep workers. */
const REDIS_CLIENTS = [...SERVICES, 'sweeper'];
/** What the KEDA scaler reads from the consumers' environment; the services themselves ignore it. */
const SCALER_VARIABLES = ['REDIS_ADDRESS'];

describe.each(OVERLAYS)('deploy/k8s/overlays/%s', (overlay) => {
  const manifests = renderOverlay(overlay);
  const config = find(manifests, 'ConfigMap', 'restaurant-config').data as Record<string, string>;

  it('renders only objects that are valid against the Kubernetes and KEDA schemas', () => {
    expect(manifests.length).toBeGreaterThan(5);
    for (const manifest of manifests) expect(() => validateManifest(manifest), `${manifest.kind} ${manifest.metadata.name}`).not.toThrow();
  });

  it.each(SERVICES)('runs the %s as the image does, configured only by variables the service reads', (service) => {
    const [container] = podOf(find(manifests, 'Deployment', service)).spec.containers;
    expect(container.command).toEqual(['node', `apps/${service}/dist/main.js`]);
    expect(existsSync(join(REPO_ROOT, container.command[1]))).toBe(true);
    const variables = [...Object.keys(config), ...(container.env ?? []).map((variable) => variable.name)];
    expect(variables.filter((name) => !SERVICE_ENV_NAMES.includes(name) && !SCALER_VARIABLES.includes(name))).toEqual([]);
    const env = Object.fromEntries((container.env ?? []).flatMap((variable) => (variable.value === undefined ? [] : [[variable.name, variable.value]])));
    const parsed = readServiceConfig({ ...config, ...env, REDIS_URL: 'redis://redis:6379' }, { roleName: service, hostname: `${service}-5d9c7b8f6-x2k4q` });
    expect(parsed.roleName).toBe(`${service}_${service}-5d9c7b8f6-x2k4q`);
    expect(parsed.roleName.length).toBeLessThanOrEqual(parsed.roleWidth);
  });

  it.each(SERVICES)('probes the %s where the service answers: /healthz and /readyz on METRICS_PORT', (service) => {
    const [container] = podOf(find(manifests, 'Deployment', service)).spec.containers;
    const metricsPort = container.ports?.find((port) => port.name === 'metrics')?.containerPort;
    expect(metricsPort).toBe(Number(config.METRICS_PORT));
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'metrics' });
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'metrics' });
  });

  it('runs every container as non-root, on a read-only root file system, with requests and limits', () => {
    for (const deployment of manifests.filter((manifest) => manifest.kind === 'Deployment')) {
      const { spec } = podOf(deployment);
      expect(spec.securityContext?.runAsNonRoot, deployment.metadata.name).toBe(true);
      for (const container of spec.containers) {
        expect(container.securityContext, container.name).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
        expect(Object.keys(container.resources?.requests ?? {}).sort(), container.name).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort(), container.name).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('runs the sweep workers with the restaurant CLI, given only the Redis they need', () => {
    const [container] = podOf(find(manifests, 'Deployment', 'sweeper')).spec.containers;
    const [program, script, ...args] = container.command;
    expect(program).toBe('node');
    const help = spawnSync(process.execPath, [join(REPO_ROOT, script), ...args, '--help'], { encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('sweep-worker');
    expect(container.envFrom).toBeUndefined();
    expect(container.env).toEqual([{ name: 'REDIS_URL', valueFrom: { secretKeyRef: { name: 'restaurant-redis', key: 'url' } } }]);
    // the same Secret the services read, so the workers reach the Redis the sweep fills
    const [producer] = podOf(find(manifests, 'Deployment', 'producer')).spec.containers;
    expect(producer.env?.find((variable) => variable.name === 'REDIS_URL')).toEqual(container.env?.[0]);
  });

  it("scales the customers with KEDA on the length of the queue's own list", () => {
    const scaled = find(manifests, 'ScaledObject', 'consumer').spec as {
      scaleTargetRef: { name: string };
      minReplicaCount: number;
      maxReplicaCount: number;
      triggers: Array<{ type: string; metadata: Record<string, string>; authenticationRef: { name: string } }>;
    };
    expect(scaled.scaleTargetRef.name).toBe(find(manifests, 'Deployment', 'consumer').metadata.name);
    expect(scaled.minReplicaCount).toBeGreaterThanOrEqual(1);
    expect(scaled.maxReplicaCount).toBeGreaterThan(scaled.minReplicaCount);
    const [trigger] = scaled.triggers;
    expect(trigger.type).toBe('redis');
    expect(trigger.metadata.listName).toBe(queueKeys(config.QUEUE_NAME).items);
    const [consumer] = podOf(find(manifests, 'Deployment', 'consumer')).spec.containers;
    expect(consumer.env?.map((variable) => variable.name)).toContain(trigger.metadata.addressFromEnv);
    expect(find(manifests, 'TriggerAuthentication', trigger.authenticationRef.name)).toBeDefined();
  });

  it.each(SERVICES)('keeps one %s through a voluntary disruption', (service) => {
    const budget = find(manifests, 'PodDisruptionBudget', service).spec as { minAvailable: number; selector: { matchLabels: Record<string, string> } };
    expect(budget.minAvailable).toBe(1);
    expect(podOf(find(manifests, 'Deployment', service)).metadata.labels).toMatchObject(budget.selector.matchLabels);
  });
});

describe('the local overlay', () => {
  const manifests = renderOverlay('local');

  it('lets only the cooks, the customers, the sweep workers and KEDA reach Redis', () => {
    const policy = find(manifests, 'NetworkPolicy', 'redis-clients-only').spec as {
      podSelector: { matchLabels: Record<string, string> };
      ingress: Array<{ from: Array<{ podSelector?: { matchLabels: Record<string, string> } }>; ports: Array<{ port: number }> }>;
    };
    expect(podOf(find(manifests, 'Deployment', 'redis')).metadata.labels).toMatchObject(policy.podSelector.matchLabels);
    const allowedPods = policy.ingress.flatMap((rule) => rule.from.flatMap((peer) => (peer.podSelector ? [peer.podSelector.matchLabels] : [])));
    expect(allowedPods).toHaveLength(1);
    for (const deployment of manifests.filter((manifest) => manifest.kind === 'Deployment')) {
      const labels = podOf(deployment).metadata.labels;
      const allowed = Object.entries(allowedPods[0]).every(([key, value]) => labels[key] === value);
      expect(allowed, deployment.metadata.name).toBe(REDIS_CLIENTS.includes(deployment.metadata.name));
    }
    expect(policy.ingress.flatMap((rule) => rule.ports.map((port) => port.port))).toEqual([6379]);
  });

  it("points the services at the overlay's Redis Service", () => {
    const secret = find(manifests, 'Secret', 'restaurant-redis') as Manifest & { data?: Record<string, string>; stringData?: Record<string, string> };
    const value = (key: string) => Buffer.from(secret.data?.[key] ?? '', 'base64').toString();
    const service = find(manifests, 'Service', 'redis').spec as { ports: Array<{ port: number }> };
    expect(value('url')).toBe(`redis://redis:${service.ports[0].port}`);
    expect(value('address')).toBe(`redis.restaurant.svc.cluster.local:${service.ports[0].port}`);
  });
});

describe('the schema check', () => {
  it('refuses an object that is not valid for its kind, and a kind it does not know', () => {
    const deployment = renderOverlay('external-redis').find((manifest) => manifest.kind === 'Deployment') as Manifest;
    expect(() => validateManifest({ ...deployment, spec: { ...(deployment.spec as object), replicas: 'two' } })).toThrow(/replicas/);
    expect(() => validateManifest({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toThrow(/no schema known/);
  });
});
