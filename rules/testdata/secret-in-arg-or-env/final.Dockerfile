# syntax=docker/dockerfile:1
FROM node:22-slim
# want: secret-in-arg-or-env
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc \
 && npm ci \
 && rm .npmrc
# want: secret-in-arg-or-env
ENV API_KEY=sk_live_abc123
# Names that describe a credential, or hold a public one, are not reported.
ENV PASSWORD_FILE=/run/secrets/db_password GPG_KEY=4ED778F539E3634C779C87C6D7062848A1AB005C
ARG AWS_ACCESS_KEY_ID
# A path names the file a credential is mounted at when the container runs.
ENV GOOGLE_APPLICATION_CREDENTIALS=/run/jigasi/config/key.json
# An empty ENV holds nothing.
ENV DB_PASSWORD=""
RUN npm run build
# A placeholder of one repeated character holds no credential.
ENV MTP_SECRET=00000000000000000000000000000000 TOKEN=00000000-0000-0000-0000-000000000000
# A row of digits stands in for a token the container gets at run time.
ENV AIO_TOKEN=123456
ENV OPENVPN_PASSWORD=**None**
