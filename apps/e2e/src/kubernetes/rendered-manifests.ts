import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../entries.js';

/** One object of a rendered overlay, as Kubernetes would receive it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // Each kind's own fields; the schema validation says which are right.
  [field: string]: unknown;
}

export const OVERLAYS = ['local', 'external-redis'] as const;

/** `kubectl kustomize deploy/k8s/overlays/<overlay>`: what `kubectl apply -k` would send. */
export function renderOverlay(overlay: string): Manifest[] {
  let yaml: string;
  try {
    yaml = execFileSync('kubectl', ['kustomize', `deploy/k8s/overlays/${overlay}`], { cwd: REPO_ROOT, encoding: 'utf8' });
  } catch (error) {
    throw new Error(`rendering the overlay needs kubectl (with kustomize, kubectl 1.27 or newer) on PATH: ${(error as Error).message}`);
  }
  return parseAllDocuments(yaml).map((document) => document.toJS() as Manifest);
}

export function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} in the rendered overlay`);
  return found;
}
