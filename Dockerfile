# One image for both services; docker-compose.yml picks the entry point with `command`.
#
#   manifests  the lockfile and every workspace's package.json, nothing else, so that the
#              dependency layers below are rebuilt only when a manifest changes
#   build      all dependencies, then `npm run build` (tsc --build) into apps/*/dist, libs/*/dist
#   runtime    production dependencies only, the compiled code and the Lua scripts; runs as `node`

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
COPY --from=build /app/libs/shared/dist ./libs/shared/dist
# libs/shared reads its Lua scripts at run time from src/queue/commands, also when run from dist.
COPY --from=build /app/libs/shared/src/queue/commands ./libs/shared/src/queue/commands
COPY --from=build /app/apps/producer/dist ./apps/producer/dist
COPY --from=build /app/apps/consumer/dist ./apps/consumer/dist
COPY --from=build /app/apps/restaurant/dist ./apps/restaurant/dist
# The files above stay owned by root: the service can read its code but not change it.
USER node
STOPSIGNAL SIGTERM
CMD ["node", "apps/producer/dist/main.js"]
