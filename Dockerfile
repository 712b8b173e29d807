# One image for both services; docker-compose.yml picks the entry point with `command`.
#
#   manifests  the lockfile and every workspace's package.json, nothing else, so that the
#              dependency layers below are rebuilt only when a manifest changes
#   build      all dependencies, then `npm run build` (Nx: tsc, and the Lua scripts copied) into */*/dist
#   runtime    production dependencies only and the build output (compiled code, Lua scripts); runs as `node`
#
# .dockerignore is an allowlist, so `COPY . .` brings the sources and never a secret.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find apps libs -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
# Build output only: the libraries' dist folders hold their Lua scripts too.
COPY --from=build /app/libs/process/dist ./libs/process/dist
COPY --from=build /app/libs/queue/dist ./libs/queue/dist
COPY --from=build /app/libs/service/dist ./libs/service/dist
COPY --from=build /app/libs/sim/dist ./libs/sim/dist
COPY --from=build /app/apps/producer/dist ./apps/producer/dist
COPY --from=build /app/apps/consumer/dist ./apps/consumer/dist
COPY --from=build /app/apps/restaurant/dist ./apps/restaurant/dist
# The files above stay owned by root: the service can read its code but not change it.
USER node
STOPSIGNAL SIGTERM
# /healthz and /readyz of the service's HTTP server; healthy = ready: Redis answers and the
# queue's capacity is claimed. bash probes it: the image has no curl or wget, and starting Node
# for every probe takes seconds on a busy machine.
ENV METRICS_PORT=9464
HEALTHCHECK --interval=10s --timeout=10s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${METRICS_PORT} && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
CMD ["node", "apps/producer/dist/main.js"]
