# syntax=docker/dockerfile:1
# ai-usage-pipeline image: `ai-usage serve` by default (the Cloud Run service); the same image
# runs the Cloud Run jobs with other args (`run --from D --to D`, `migrate`).
#
# Base: the current Node.js LTS line (26, Active LTS since 2026-10-28) on Debian 13 slim.
# Pinned by tag here; CI resolves the tag to its digest before every build and builds with
# NODE_IMAGE=node:26-trixie-slim@sha256:<digest>, recording the digest as an image label.
# To freeze it in this file instead, run
#   docker buildx imagetools inspect node:26-trixie-slim --format '{{json .Manifest.Digest}}'
# and append @sha256:<digest> to the default below.
ARG NODE_IMAGE=node:26-trixie-slim

# ---- build: full dependency tree, compile TypeScript to dist/ --------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No lifecycle scripts: nothing in the tree needs one to build (checked in the lockfile).
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies, compiled code and SQL only ----------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
# npm is removed after the install: the service never needs it, and it is the largest part
# of the base image's attack surface that the app does not use.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
    && rm -rf /usr/local/lib/node_modules/npm /usr/local/bin/npm /usr/local/bin/npx \
    && mkdir -p /app/data && chown node:node /app/data
COPY --from=build /app/dist ./dist
# Migrations and views are read at run time by `ai-usage migrate` and on startup.
COPY sql ./sql
# Code stays root-owned and read-only to the process; only ./data (local DuckDB) is writable.
USER node
EXPOSE 8080
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["serve"]
