# The switchboard worker, for docker compose or any container platform.
# glibc base: the Temporal SDK's native core ships for glibc Linux.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
# Compile, and bundle the workflows once here so the worker does not bundle at start-up.
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    WORKFLOW_BUNDLE=/app/lib/workflow-bundle.js \
    OUTBOX_DIR=/app/data/outbox
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
COPY scenarios ./scenarios
RUN mkdir -p /app/data && chown node:node /app/data
USER node
CMD ["node", "lib/worker.js"]
