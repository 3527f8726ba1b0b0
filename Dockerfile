# relaypg service image. Build stage compiles TypeScript; the runtime stage keeps only
# production dependencies, the compiled code, the migrations and .gmrc.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Files stay root-owned (read-only for the app); the process runs as the image's `node` user.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/db ./db
COPY --from=build /app/.gmrc ./.gmrc
USER node
EXPOSE 3000
CMD ["node", "dist/cli.js", "serve"]
