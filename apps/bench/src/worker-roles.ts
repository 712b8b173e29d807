import { prepareBullmqConsumer } from './bullmq-consumer.js';
import { prepareBullmqProducer } from './bullmq-producer.js';
import { prepareOursConsumer } from './ours-consumer.js';
import { prepareOursProducer } from './ours-producer.js';
import type { WorkerRole } from './worker-protocol.js';
import type { PrepareWorker } from './worker-session.js';

export const WORKER_ROLES: Record<WorkerRole, PrepareWorker> = {
  'ours-producer': prepareOursProducer,
  'ours-consumer': prepareOursConsumer,
  'bullmq-producer': prepareBullmqProducer,
  'bullmq-consumer': prepareBullmqConsumer,
};
