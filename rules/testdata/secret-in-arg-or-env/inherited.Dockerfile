FROM python:3.13-slim AS base
# want: secret-in-arg-or-env
ARG PIP_INDEX_PASSWORD
# The final stage builds FROM base: it inherits the ARG, and its RUN records it.
FROM base
RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt
# A heredoc reads the secret.
# want: secret-in-arg-or-env
ARG DEPLOY_TOKEN
RUN <<EOS
set -e
curl -H "Authorization: Bearer $DEPLOY_TOKEN" https://example.com/pkg.tgz | tar -xz
EOS
